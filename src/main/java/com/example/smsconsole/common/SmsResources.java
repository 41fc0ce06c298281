package com.example.smsconsole.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS resources the infrastructure creates, as the environment names them
 * ({@code AWS_SMS_CONFIGURATION_SET_NAME}, {@code AWS_SMS_PHONE_POOL_ID},
 * {@code AWS_SMS_PHONE_POOL_ARN}, {@code AWS_SMS_DELIVERY_LOG_GROUP}); empty when not set.
 */
@ConfigurationProperties("app.sms")
public record SmsResources(String configurationSetName, String phonePoolId, String phonePoolArn, String deliveryLogGroup) {

    public SmsResources {
        configurationSetName = configurationSetName == null ? "" : configurationSetName.strip();
        phonePoolId = phonePoolId == null ? "" : phonePoolId.strip();
        phonePoolArn = phonePoolArn == null ? "" : phonePoolArn.strip();
        deliveryLogGroup = deliveryLogGroup == null ? "" : deliveryLogGroup.strip();
    }
}
