/**
 * The local AWS emulator: End User Messaging SMS ({@code PinpointSMSVoiceV2}, JSON 1.0) and
 * CloudWatch Logs ({@code Logs_20140328}, JSON 1.1) over the real wire protocol, so the real SDK
 * clients, the AWS CLI and boto3 talk to it unchanged. On by default, refused by the {@code aws} and
 * {@code prod} profiles. Nothing outside this package depends on it; it uses no SDK classes.
 */
@NullMarked
package com.example.smsconsole.emulator;

import org.jspecify.annotations.NullMarked;
