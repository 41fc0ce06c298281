package com.example.smsconsole.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.emulator.AwsEmulator;
import com.example.smsconsole.emulator.protocol.FaultInjector;
import com.example.smsconsole.emulator.sms.SmsState;
import com.example.smsconsole.support.ConsoleTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;

/**
 * Each setup check green and red against the emulator, with the configuration broken on purpose:
 * a missing environment variable, a deleted or disabled event destination, the wrong log group, a
 * missing pool, a denied permission.
 */
@ConsoleTest
@WithMockUser(username = "admin", roles = "ADMIN")
class SetupChecksTest {

    @Autowired
    OverviewGateway gateway;
    @Autowired
    SmsResources resources;
    @Autowired
    DeliveryLogService deliveryLog;
    @Autowired
    OverviewProperties properties;
    @Autowired
    AwsEmulator emulator;
    @Autowired
    PinpointSmsVoiceV2Client sms;
    @Autowired
    SetupChecks checks;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    SetupChecks with(SmsResources other) {
        return new SetupChecks(gateway, other, deliveryLog, properties, Clock.systemUTC());
    }

    static SetupCheck.Level level(List<SetupCheck> checks) {
        return checks.stream().map(SetupCheck::level).max(Enum::compareTo).orElseThrow();
    }

    void state(Consumer<SmsState> change) {
        synchronized (emulator.sms().lock()) {
            change.accept(emulator.sms().state());
        }
    }

    <T> T read(java.util.function.Function<SmsState, T> value) {
        synchronized (emulator.sms().lock()) {
            return value.apply(emulator.sms().state());
        }
    }

    @Test
    void environment_variables_green_and_red_when_one_is_missing() {
        assertThat(level(checks.environment())).isEqualTo(SetupCheck.Level.GREEN);
        List<SetupCheck> red = with(new SmsResources("", resources.phonePoolId(), resources.phonePoolArn(), resources.deliveryLogGroup())).environment();
        assertThat(red).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
            assertThat(c.evidence()).contains("AWS_SMS_CONFIGURATION_SET_NAME");
            assertThat(c.variable()).isEqualTo("AWS_SMS_CONFIGURATION_SET_NAME");
        });
    }

    @Test
    void the_pool_is_amber_with_a_simulator_number_green_with_a_registered_one_and_red_when_missing() throws InterruptedException {
        assertThat(checks.pool()).anySatisfy(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.AMBER);
            assertThat(c.evidence()).contains("SIMULATOR").contains("only to simulator destination numbers");
        });
        assertThat(with(new SmsResources(resources.configurationSetName(), "pool-missing", resources.phonePoolArn(), resources.deliveryLogGroup()))
                .pool()).singleElement().satisfies(c -> assertThat(c.level()).isEqualTo(SetupCheck.Level.RED));
        assertThat(with(new SmsResources(resources.configurationSetName(), resources.phonePoolId(), "arn:aws:sms-voice:us-east-1:1:pool/other",
                resources.deliveryLogGroup())).pool()).singleElement().satisfies(c -> assertThat(c.evidence()).contains("AWS_SMS_PHONE_POOL_ARN"));

        // a toll-free number associated with its registration before submit turns ACTIVE on approval; put it into a pool of its own
        String registrationId = completeTollFreeRegistration();
        List<String> original = new java.util.ArrayList<>();
        state(s -> {
            var number = s.phoneNumbers.values().stream().filter(n -> registrationId.equals(n.registrationId)).findFirst().orElseThrow();
            var pool = s.pools.get(resources.phonePoolId());
            original.addAll(pool.originationIdentities);
            pool.originationIdentities.clear();
            pool.originationIdentities.add(number.id);
        });
        try {
            assertThat(checks.pool()).singleElement().satisfies(c -> {
                assertThat(c.level()).isEqualTo(SetupCheck.Level.GREEN);
                assertThat(c.evidence()).contains("TOLL_FREE").contains(registrationId + " (COMPLETE)");
            });
        } finally {
            state(s -> {
                var identities = s.pools.get(resources.phonePoolId()).originationIdentities;
                identities.clear();
                identities.addAll(original);
            });
        }
    }

    private String completeTollFreeRegistration() throws InterruptedException {
        String id = sms.createRegistration(b -> b.registrationType("US_TOLL_FREE_REGISTRATION")).registrationId();
        // the toll-free number is requested and associated before submit (AssociationBehavior ASSOCIATE_BEFORE_SUBMIT,
        // AWS user guide registrations-sms-cli)
        String numberId = sms.requestPhoneNumber(b -> b.isoCountryCode("US").messageType("TRANSACTIONAL").numberType("TOLL_FREE")
                .numberCapabilitiesWithStrings("SMS")).phoneNumberId();
        sms.createRegistrationAssociation(b -> b.registrationId(id).resourceId(numberId));
        // a one-pixel PNG for the attachment fields (the opt-in screenshot)
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var definitions = sms.describeRegistrationFieldDefinitionsPaginator(b -> b.registrationType("US_TOLL_FREE_REGISTRATION")).registrationFieldDefinitions();
        for (var d : definitions) {
            // REQUIRED and CONDITIONAL (the tax id fields are needed for every business type but sole proprietors)
            if ("OPTIONAL".equals(d.fieldRequirementAsString())) {
                continue;
            }
            if ("ATTACHMENT".equals(d.fieldTypeAsString())) {
                String attachment = sms.createRegistrationAttachment(b -> b.attachmentBody(software.amazon.awssdk.core.SdkBytes.fromByteArray(png)))
                        .registrationAttachmentId();
                sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(d.fieldPath()).registrationAttachmentId(attachment));
            } else if ("SELECT".equals(d.fieldTypeAsString())) {
                sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(d.fieldPath()).selectChoices(d.selectValidation().options().getFirst()));
            } else {
                String example = d.displayHints().exampleTextValue() != null ? d.displayHints().exampleTextValue() : "Example value for the check";
                sms.putRegistrationFieldValue(b -> b.registrationId(id).fieldPath(d.fieldPath()).textValue(example));
            }
        }
        sms.submitRegistrationVersion(b -> b.registrationId(id));
        for (int i = 0; i < 200; i++) {
            String status = sms.describeRegistrations(b -> b.registrationIds(id)).registrations().getFirst().registrationStatusAsString();
            boolean provisioned = sms.describePhoneNumbersPaginator(b -> { }).phoneNumbers().stream().anyMatch(n -> id.equals(n.registrationId()));
            if ("COMPLETE".equals(status) && provisioned) {
                return id;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("registration " + id + " did not complete: "
                + sms.describeRegistrations(b -> b.registrationIds(id)).registrations() + " "
                + sms.describeRegistrationVersions(b -> b.registrationId(id)).registrationVersions());
    }

    @Test
    void the_event_destination_is_red_when_deleted_disabled_or_pointed_elsewhere() {
        assertThat(level(checks.eventDestination())).isEqualTo(SetupCheck.Level.GREEN);
        var destination = sms.describeConfigurationSets(b -> b.configurationSetNames(resources.configurationSetName()))
                .configurationSets().getFirst().eventDestinations().getFirst();

        sms.updateEventDestination(b -> b.configurationSetName(resources.configurationSetName())
                .eventDestinationName(destination.eventDestinationName()).enabled(false));
        assertThat(checks.eventDestination()).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
            assertThat(c.evidence()).contains("is disabled");
        });
        sms.updateEventDestination(b -> b.configurationSetName(resources.configurationSetName())
                .eventDestinationName(destination.eventDestinationName()).enabled(true));

        assertThat(with(new SmsResources(resources.configurationSetName(), resources.phonePoolId(), resources.phonePoolArn(), "/aws/other-group"))
                .eventDestination()).singleElement().satisfies(c -> assertThat(c.evidence()).contains("but the console reads /aws/other-group"));

        sms.deleteEventDestination(b -> b.configurationSetName(resources.configurationSetName()).eventDestinationName(destination.eventDestinationName()));
        try {
            assertThat(checks.eventDestination()).singleElement().satisfies(c -> {
                assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
                assertThat(c.evidence()).contains("has no CloudWatch Logs event destination");
            });
        } finally {
            sms.createEventDestination(b -> b.configurationSetName(resources.configurationSetName())
                    .eventDestinationName(destination.eventDestinationName()).matchingEventTypesWithStrings(destination.matchingEventTypesAsStrings())
                    .cloudWatchLogsDestination(destination.cloudWatchLogsDestination()));
        }
        assertThat(level(checks.eventDestination())).isEqualTo(SetupCheck.Level.GREEN);
        assertThat(with(new SmsResources("no-such-set", resources.phonePoolId(), resources.phonePoolArn(), resources.deliveryLogGroup()))
                .eventDestination()).singleElement().satisfies(c -> assertThat(c.level()).isEqualTo(SetupCheck.Level.RED));
    }

    @Test
    void the_log_group_is_green_when_it_received_events_and_red_when_missing() throws InterruptedException {
        sms.sendTextMessage(b -> b.destinationPhoneNumber("+14254147755").originationIdentity(resources.phonePoolId())
                .configurationSetName(resources.configurationSetName()).messageBody("log group check"));
        List<SetupCheck> result = checks.logGroup();
        for (int i = 0; i < 50 && level(result) != SetupCheck.Level.GREEN; i++) {
            Thread.sleep(100);
            result = checks.logGroup();
        }
        assertThat(result).singleElement().satisfies(c -> assertThat(c.evidence()).contains("received its newest event"));
        assertThat(with(new SmsResources(resources.configurationSetName(), resources.phonePoolId(), resources.phonePoolArn(), "/aws/missing"))
                .logGroup()).singleElement().satisfies(c -> {
                    assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
                    assertThat(c.variable()).isEqualTo("AWS_SMS_DELIVERY_LOG_GROUP");
                });
    }

    @Test
    void the_account_is_amber_in_the_sandbox_and_green_in_production() {
        assertThat(checks.account()).anySatisfy(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.AMBER);
            assertThat(c.evidence()).contains("sandbox").contains("of 10 used");
        });
        assertThat(checks.account()).anySatisfy(c -> assertThat(c.evidence()).startsWith("Monthly text spend limit USD 1;"));
        state(s -> s.account.tier = "PRODUCTION");
        try {
            assertThat(level(checks.account())).isEqualTo(SetupCheck.Level.GREEN);
        } finally {
            state(s -> s.account.tier = "SANDBOX");
        }
    }

    @Test
    void keywords_and_the_opt_out_list_green_and_red() {
        assertThat(level(checks.keywordsAndOptOut())).isEqualTo(SetupCheck.Level.GREEN);
        state(s -> s.pools.get(resources.phonePoolId()).optOutListName = "NoSuchList");
        try {
            assertThat(checks.keywordsAndOptOut()).anySatisfy(c -> {
                assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
                assertThat(c.evidence()).contains("NoSuchList does not exist");
            });
        } finally {
            state(s -> s.pools.get(resources.phonePoolId()).optOutListName = "Default");
        }
        var keywords = new java.util.LinkedHashMap<String, SmsState.Keyword>();
        state(s -> {
            keywords.putAll(s.pools.get(resources.phonePoolId()).keywords);
            s.pools.get(resources.phonePoolId()).keywords.remove("HELP");
        });
        try {
            assertThat(checks.keywordsAndOptOut()).anySatisfy(c -> assertThat(c.evidence()).contains("lacks the mandatory keyword(s) HELP"));
        } finally {
            state(s -> s.pools.get(resources.phonePoolId()).keywords.putAll(keywords));
        }
    }

    @Test
    void a_denied_permission_names_the_missing_iam_action() {
        assertThat(checks.permissions()).singleElement().satisfies(c -> assertThat(c.level()).isEqualTo(SetupCheck.Level.GREEN));
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeSpendLimits", FaultInjector.Kind.ACCESS_DENIED, 0, 0));
        assertThat(checks.permissions()).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
            assertThat(c.evidence()).isEqualTo("AWS denied: sms-voice:DescribeSpendLimits.");
        });
        assertThat(checks.run(true).checks()).filteredOn(c -> c.id().equals("account")).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.RED);
            assertThat(c.fix()).contains("sms-voice:DescribeSpendLimits");
        });
    }

    @Test
    void the_hints_name_where_the_values_come_from() {
        List<SetupCheck> red = with(new SmsResources(resources.configurationSetName(), "", resources.phonePoolArn(), resources.deliveryLogGroup()))
                .environment();
        assertThat(red).singleElement().satisfies(c -> assertThat(c.fix()).contains("make infra-output-app-service APP_NAME=<app> ENVIRONMENT=<environment>"));
        assertThat(with(new SmsResources(resources.configurationSetName(), "pool-missing", resources.phonePoolArn(), resources.deliveryLogGroup()))
                .pool()).singleElement().satisfies(c -> assertThat(c.fix()).contains("make infra-update-app-service").contains("make infra-output-app-service"));
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeKeywords", FaultInjector.Kind.ACCESS_DENIED, 0, 0));
        assertThat(checks.permissions()).singleElement().satisfies(c -> {
            assertThat(c.evidence()).isEqualTo("AWS denied: sms-voice:DescribeKeywords.");
            assertThat(c.fix()).contains("sms-voice:DescribeKeywords").contains("console_actions in infra/modules/notifications-sms/resources/access.tf");
        });
    }

    /** A dry run to an opted-out number is refused (DESTINATION_PHONE_NUMBER_OPTED_OUT) and would read as a failed permission. */
    @Test
    void the_dry_run_send_goes_to_a_simulator_number_that_is_not_opted_out() {
        String list = sms.describePools(b -> b.poolIds(resources.phonePoolId())).pools().getFirst().optOutListName();
        try {
            sms.putOptedOutNumber(b -> b.optOutListName(list).optedOutNumber("+14254147755"));
            assertThat(checks.permissions()).singleElement().satisfies(c -> {
                assertThat(c.level()).isEqualTo(SetupCheck.Level.GREEN);
                assertThat(c.evidence()).contains("SendTextMessage as a dry run to +14254147167");
            });
            sms.putOptedOutNumber(b -> b.optOutListName(list).optedOutNumber("+14254147167"));
            assertThat(checks.permissions()).singleElement().satisfies(c -> {
                assertThat(c.level()).isEqualTo(SetupCheck.Level.GREEN);
                assertThat(c.evidence()).contains("not SendTextMessage: every US simulator destination number is on the pool's opt-out list");
            });
        } finally {
            state(s -> s.optOutLists.values().stream().filter(l -> l.name.equals(list)).forEach(l -> {
                l.numbers.remove("+14254147755");
                l.numbers.remove("+14254147167");
                l.lastRemovedAt.remove("+14254147755");
                l.lastRemovedAt.remove("+14254147167");
            }));
        }
        assertThat(checks.permissions()).singleElement().satisfies(c -> assertThat(c.evidence()).contains("dry run to +14254147755"));
    }

    /**
     * The operations whose request has a DryRun member (the SDK's request classes are generated from the
     * service model, the same as botocore's): each the console calls is probed, as a dry run.
     */
    @Test
    void every_change_the_console_makes_that_has_a_dry_run_is_probed() throws Exception {
        java.util.Set<String> called = new java.util.TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith("Gateway.java")).toList()) {
                var m = java.util.regex.Pattern.compile("AwsCalls\\.smsVoice\\(\"([A-Za-z]+)\"").matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    called.add(m.group(1));
                }
            }
        }
        java.util.Set<String> withDryRun = new java.util.TreeSet<>();
        for (var method : PinpointSmsVoiceV2Client.class.getMethods()) {
            var parameters = method.getParameterTypes();
            if (parameters.length == 1 && parameters[0].getSimpleName().endsWith("Request") && !parameters[0].getSimpleName().equals("Request")) {
                try {
                    parameters[0].getMethod("dryRun");
                    withDryRun.add(parameters[0].getSimpleName().replace("Request", ""));
                } catch (NoSuchMethodException e) {
                    // no DryRun member
                }
            }
        }
        // the model's list: SendMediaMessage, SendNotifyTextMessage, SendNotifyVoiceMessage, SendTextMessage, SendVoiceMessage
        assertThat(withDryRun).contains("SendTextMessage", "SendVoiceMessage", "SendMediaMessage").doesNotContain("CreateRegistration",
                "CreateVerifiedDestinationNumber", "SendDestinationNumberVerificationCode");
        called.retainAll(withDryRun);
        assertThat(called).containsExactly("SendTextMessage");
        var probes = gateway.probes(resources.phonePoolId(), resources.configurationSetName(), resources.deliveryLogGroup(), "+14254147755");
        assertThat(probes.keySet()).containsAll(called.stream().map(a -> "sms-voice:" + a).toList());
        // and it really is a dry run: nothing is sent
        long before = read(s -> s.messagesSent);
        probes.get("sms-voice:SendTextMessage").get();
        long after = read(s -> s.messagesSent);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void all_checks_run_in_parallel_and_a_slow_one_times_out_alone() {
        emulator.faults().add(new FaultInjector.Rule("sms-voice", "DescribeKeywords", FaultInjector.Kind.LATENCY, 0, 3000));
        var quick = new SetupChecks(gateway, resources, deliveryLog, new OverviewProperties(Duration.ofMillis(1500), Duration.ZERO,
                Duration.ofDays(7)), Clock.systemUTC());
        SetupChecks.Report report = quick.run(true);
        assertThat(report.checks()).filteredOn(c -> c.id().equals("keywords")).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(SetupCheck.Level.AMBER);
            assertThat(c.evidence()).startsWith("No answer within 1 s");
        });
        assertThat(report.checks()).filteredOn(c -> c.id().equals("environment")).singleElement()
                .satisfies(c -> assertThat(c.level()).isEqualTo(SetupCheck.Level.GREEN));
        // cached until refreshed
        assertThat(checks.run(false)).isSameAs(checks.run(false));
    }
}
