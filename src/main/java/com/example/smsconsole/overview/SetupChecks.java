package com.example.smsconsole.overview;

import com.example.smsconsole.aws.AwsCallException;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.DeliveryLogService;
import com.example.smsconsole.security.AppRoles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The runbook's troubleshooting as checks: environment, pool and numbers, configuration set and
 * event destination, log group, account, keywords and opt-out list, the console's own permissions.
 * They run in parallel, each with a time-out, and their results are kept briefly.
 */
@Service
@PreAuthorize(AppRoles.ANY_ROLE)
public class SetupChecks {

    /** The results of one run. */
    public record Report(Instant ranAt, List<SetupCheck> checks) {

        public long count(SetupCheck.Level level) {
            return checks.stream().filter(c -> c.level() == level).count();
        }
    }

    /** Where the console's IAM actions are listed (its policy, which a platform team attaches to the console's role). */
    static final String CONSOLE_POLICY = "console_actions in infra/modules/notifications-sms/resources/access.tf";
    /** Where the environment variables come from. */
    static final String OUTPUT = "make infra-output-app-service APP_NAME=<app> ENVIRONMENT=<environment>";
    static final String APPLY = "make infra-update-app-service APP_NAME=<app> ENVIRONMENT=<environment>";

    private static final List<String> ALL_TEXT = List.of("ALL", "TEXT_ALL");
    private static final List<String> TEXT_TYPES = List.of("TEXT_QUEUED", "TEXT_PENDING", "TEXT_SUCCESSFUL", "TEXT_DELIVERED", "TEXT_BLOCKED",
            "TEXT_INVALID", "TEXT_SPAM", "TEXT_TTL_EXPIRED", "TEXT_UNREACHABLE", "TEXT_CARRIER_UNREACHABLE", "TEXT_CARRIER_BLOCKED",
            "TEXT_INVALID_MESSAGE", "TEXT_UNKNOWN");

    private final OverviewGateway gateway;
    private final SmsResources resources;
    private final DeliveryLogService deliveryLog;
    private final OverviewProperties properties;
    private final Clock clock;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "setup-check");
        t.setDaemon(true);
        return t;
    });
    private volatile @Nullable Report cached;

    SetupChecks(OverviewGateway gateway, SmsResources resources, DeliveryLogService deliveryLog, OverviewProperties properties, Clock clock) {
        this.gateway = gateway;
        this.resources = resources;
        this.deliveryLog = deliveryLog;
        this.properties = properties;
        this.clock = clock;
    }

    /** The latest results, run again when older than {@code app.overview.cache-for} or when asked. */
    public Report run(boolean refresh) {
        Report last = cached;
        if (!refresh && last != null && last.ranAt().plus(properties.cacheFor()).isAfter(clock.instant())) {
            return last;
        }
        Map<String, Supplier<List<SetupCheck>>> checks = new LinkedHashMap<>();
        checks.put("environment", this::environment);
        checks.put("pool", this::pool);
        checks.put("event-destination", this::eventDestination);
        checks.put("log-group", this::logGroup);
        checks.put("account", this::account);
        checks.put("keywords", this::keywordsAndOptOut);
        checks.put("permissions", this::permissions);
        Map<String, CompletableFuture<List<SetupCheck>>> running = new LinkedHashMap<>();
        // the checks read the delivery history as the user who asked
        var asUser = new org.springframework.security.concurrent.DelegatingSecurityContextExecutor(executor,
                org.springframework.security.core.context.SecurityContextHolder.getContext());
        checks.forEach((id, check) -> running.put(id, CompletableFuture.supplyAsync(() -> safely(id, check), asUser)));
        List<SetupCheck> results = new ArrayList<>();
        long deadline = System.nanoTime() + properties.checkTimeout().toNanos();
        running.forEach((id, future) -> {
            try {
                results.addAll(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                future.cancel(true);
                results.add(SetupCheck.amber(id, title(id), "No answer within " + properties.checkTimeout().toSeconds()
                        + " s (AWS slow or throttling).", "Refresh in a moment.", null, null));
            } catch (Exception e) {
                results.add(SetupCheck.red(id, title(id), "The check failed: " + e.getMessage(), "Refresh; if it persists, check the logs.",
                        null, null));
            }
        });
        Report report = new Report(clock.instant(), List.copyOf(results));
        cached = report;
        return report;
    }

    private static String title(String id) {
        return switch (id) {
            case "environment" -> "Environment variables";
            case "pool" -> "Phone pool and its numbers";
            case "event-destination" -> "Configuration set event destination";
            case "log-group" -> "Delivery receipt log group";
            case "account" -> "Account tier and spend";
            case "keywords" -> "Keywords and opt-out list";
            case "permissions" -> "The console's AWS permissions";
            default -> id;
        };
    }

    private List<SetupCheck> safely(String id, Supplier<List<SetupCheck>> check) {
        try {
            return check.get();
        } catch (AwsCallException e) {
            boolean denied = e.errorCode().startsWith("AccessDenied");
            return List.of(SetupCheck.red(id, title(id), e.userMessage() + " (" + e.operation() + ": " + e.supportLine() + ")",
                    denied ? "Add the IAM action " + e.service() + ":" + e.operation() + " to the console-access policy (" + CONSOLE_POLICY + "), then "
                            + APPLY + "." : "Refresh; if it persists, give AWS support the request id.",
                    null, denied ? "console-access policy (" + CONSOLE_POLICY + ")" : null));
        }
    }

    // ------------------------------------------------------------------ the checks

    List<SetupCheck> environment() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("AWS_SMS_CONFIGURATION_SET_NAME", resources.configurationSetName());
        values.put("AWS_SMS_PHONE_POOL_ID", resources.phonePoolId());
        values.put("AWS_SMS_PHONE_POOL_ARN", resources.phonePoolArn());
        values.put("AWS_SMS_DELIVERY_LOG_GROUP", resources.deliveryLogGroup());
        List<String> missing = values.entrySet().stream().filter(e -> e.getValue() == null || e.getValue().isBlank()).map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            return List.of(SetupCheck.red("environment", title("environment"), "Not set: " + String.join(", ", missing) + ".",
                    "Set them to what " + OUTPUT + " prints (the console's environment from the infrastructure).", null, String.join(", ", missing)));
        }
        return List.of(SetupCheck.green("environment", title("environment"), "Configuration set " + resources.configurationSetName() + ", pool "
                + resources.phonePoolId() + ", log group " + resources.deliveryLogGroup() + "."));
    }

    List<SetupCheck> pool() {
        String poolId = resources.phonePoolId();
        Optional<OverviewGateway.Pool> pool = gateway.pool(poolId);
        if (pool.isEmpty()) {
            return List.of(SetupCheck.red("pool", title("pool"), "AWS has no pool " + poolId + ".",
                    APPLY + ", then set AWS_SMS_PHONE_POOL_ID and AWS_SMS_PHONE_POOL_ARN to what " + OUTPUT + " prints.", null, "AWS_SMS_PHONE_POOL_ID"));
        }
        if (!pool.get().arn().equals(resources.phonePoolArn())) {
            return List.of(SetupCheck.red("pool", title("pool"), "AWS_SMS_PHONE_POOL_ARN is " + resources.phonePoolArn() + " but the pool's ARN is "
                    + pool.get().arn() + ".", "Set AWS_SMS_PHONE_POOL_ARN to the pool's ARN (" + OUTPUT + " prints both).", null, "AWS_SMS_PHONE_POOL_ARN"));
        }
        List<String> identities = gateway.poolIdentities(poolId);
        List<NumberRow> numbers = gateway.phoneNumbers().stream().filter(n -> identities.contains(n.id()) || identities.contains(n.value())
                || identities.contains(n.id().substring(n.id().lastIndexOf('/') + 1))).toList();
        List<NumberRow> active = numbers.stream().filter(n -> n.status().equals("ACTIVE") || n.status().equals("REGISTERED")).toList();
        if (active.isEmpty()) {
            return List.of(SetupCheck.red("pool", title("pool"), "Pool " + poolId + " (" + pool.get().status() + ") has no active origination identity ("
                    + identities.size() + " in it).", "Give the pool an active number: sms_sender_phone_number_id or sms_sender_phone_number_registration_id in infra/<app>/app-config/<environment>.tf, then " + APPLY + ".", null,
                    "sms_sender_phone_number_registration_id"));
        }
        List<SetupCheck> checks = new ArrayList<>();
        for (NumberRow number : active) {
            String what = number.value() + " (" + number.type() + ", " + number.country() + ", " + number.status() + ")";
            if ("SIMULATOR".equals(number.type())) {
                checks.add(SetupCheck.amber("pool", title("pool"), what + " is a simulator number: it sends only to simulator destination numbers "
                        + "(such as +14254147755), never to real phones.", "Register a number, then set its registration id in the infrastructure.",
                        "registrations", "sms_sender_phone_number_registration_id"));
            } else if (number.registrationId() == null) {
                checks.add(("LONG_CODE".equals(number.type()) ? SetupCheck.green("pool", title("pool"), what + " needs no registration.")
                        : SetupCheck.amber("pool", title("pool"), what + " is not tied to a registration; US carriers block unregistered numbers.",
                                "Create a registration and tie the number to it.", "registrations", "sms_sender_phone_number_registration_id")));
            } else {
                String status = gateway.registrationStatus(number.registrationId()).orElse("unknown to AWS");
                checks.add("COMPLETE".equals(status)
                        ? SetupCheck.green("pool", title("pool"), what + " is tied to registration " + number.registrationId() + " (COMPLETE).")
                        : SetupCheck.amber("pool", title("pool"), what + " is tied to registration " + number.registrationId() + ", which is " + status
                                + ".", "Follow the registration until it is COMPLETE.", "registrations/" + number.registrationId(), null));
            }
        }
        return checks;
    }

    List<SetupCheck> eventDestination() {
        String set = resources.configurationSetName();
        Optional<List<OverviewGateway.EventDestination>> destinations = gateway.eventDestinations(set);
        if (destinations.isEmpty()) {
            return List.of(SetupCheck.red("event-destination", title("event-destination"), "AWS has no configuration set " + set + ".",
                    APPLY + ", then set AWS_SMS_CONFIGURATION_SET_NAME to what " + OUTPUT + " prints.", null,
                    "AWS_SMS_CONFIGURATION_SET_NAME"));
        }
        List<OverviewGateway.EventDestination> toLogs = destinations.get().stream().filter(d -> d.logGroupArn() != null).toList();
        if (toLogs.isEmpty()) {
            return List.of(SetupCheck.red("event-destination", title("event-destination"), "Configuration set " + set
                    + " has no CloudWatch Logs event destination: no delivery receipts are written.",
                    "Add the event destination for all text events to " + resources.deliveryLogGroup() + " (the configuration set's stack <name>-config-set; " + APPLY + ").", null,
                    "enable_sms_notifications"));
        }
        for (OverviewGateway.EventDestination d : toLogs) {
            boolean ours = logGroupName(d.logGroupArn()).equals(resources.deliveryLogGroup());
            boolean allText = d.matchingEventTypes().stream().anyMatch(ALL_TEXT::contains) || d.matchingEventTypes().containsAll(TEXT_TYPES);
            if (ours && d.enabled() && allText) {
                return List.of(SetupCheck.green("event-destination", title("event-destination"), "Destination " + d.name() + " of " + set
                        + " sends " + String.join(", ", d.matchingEventTypes()) + " to " + resources.deliveryLogGroup() + "."));
            }
        }
        OverviewGateway.EventDestination d = toLogs.getFirst();
        String problem;
        if (!logGroupName(d.logGroupArn()).equals(resources.deliveryLogGroup())) {
            problem = "Destination " + d.name() + " writes to " + logGroupName(d.logGroupArn()) + ", but the console reads "
                    + resources.deliveryLogGroup() + ".";
        } else if (!d.enabled()) {
            problem = "Destination " + d.name() + " is disabled: no delivery receipts are written.";
        } else {
            problem = "Destination " + d.name() + " sends only " + String.join(", ", d.matchingEventTypes()) + ", not all text events.";
        }
        return List.of(SetupCheck.red("event-destination", title("event-destination"), problem,
                "Point an enabled destination with TEXT_ALL at " + resources.deliveryLogGroup() + " (" + APPLY + "), or set AWS_SMS_DELIVERY_LOG_GROUP to what " + OUTPUT + " prints.", null,
                "AWS_SMS_DELIVERY_LOG_GROUP"));
    }

    private static String logGroupName(@Nullable String arn) {
        if (arn == null) {
            return "";
        }
        int i = arn.indexOf(":log-group:");
        String name = i < 0 ? arn : arn.substring(i + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    List<SetupCheck> logGroup() {
        Optional<OverviewGateway.LogGroup> group = gateway.logGroup(resources.deliveryLogGroup());
        if (group.isEmpty()) {
            return List.of(SetupCheck.red("log-group", title("log-group"), "Log group " + resources.deliveryLogGroup() + " does not exist.",
                    APPLY + ", then set AWS_SMS_DELIVERY_LOG_GROUP to what " + OUTPUT + " prints.", null,
                    "AWS_SMS_DELIVERY_LOG_GROUP"));
        }
        Instant last = group.get().lastEventAt();
        if (last == null) {
            return List.of(SetupCheck.amber("log-group", title("log-group"), "Log group " + resources.deliveryLogGroup()
                    + " exists but has never received an event.", "Send a test text and check that its receipts arrive.", "test-send", null));
        }
        Duration age = Duration.between(last, clock.instant());
        if (age.compareTo(properties.recentEventsWithin()) > 0) {
            return List.of(SetupCheck.amber("log-group", title("log-group"), "The newest event arrived " + age.toDays() + " days ago (" + last + ").",
                    "Send a test text and check that its receipts arrive.", "test-send", null));
        }
        return List.of(SetupCheck.green("log-group", title("log-group"), "Log group " + resources.deliveryLogGroup() + " received its newest event at "
                + last.truncatedTo(ChronoUnit.SECONDS) + "."));
    }

    List<SetupCheck> account() {
        List<SetupCheck> checks = new ArrayList<>();
        String tier = gateway.accountTier();
        Map<String, long[]> limits = gateway.accountLimits();
        long[] verified = limits.get("VERIFIED_DESTINATION_NUMBERS");
        if ("PRODUCTION".equals(tier)) {
            checks.add(SetupCheck.green("account", title("account"), "The account is in production: texts reach any number."));
        } else {
            checks.add(SetupCheck.amber("account", title("account"), "The account is in the SMS sandbox (" + (tier == null ? "tier unknown" : tier)
                    + "): texts reach only verified destination numbers" + (verified == null ? "" : " (" + verified[0] + " of " + verified[1] + " used)")
                    + " and simulator numbers.", "Request production access in the AWS console when the registration is approved.",
                    "verification", null));
        }
        Optional<Long> limit = gateway.textSpendLimit();
        Instant monthStart = clock.instant().atZone(ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).toInstant();
        BigDecimal spent = deliveryLog.summary(monthStart, clock.instant()).spend();
        if (limit.isEmpty()) {
            checks.add(SetupCheck.amber("account", title("account"), "AWS reports no monthly text spend limit; spent this month: USD "
                    + spent.toPlainString() + ".", "Check the account's spend limits in the AWS console.", null, null));
        } else {
            BigDecimal max = BigDecimal.valueOf(limit.get());
            boolean close = max.signum() > 0 && spent.compareTo(max.multiply(new BigDecimal("0.8"))) >= 0;
            String evidence = "Monthly text spend limit USD " + limit.get() + "; spent this month (from the receipts): USD "
                    + spent.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString() + ".";
            checks.add(close ? SetupCheck.amber("account", title("account"), evidence, "Ask AWS to raise the spend limit before it is reached.", null, null)
                    : SetupCheck.green("account", title("account"), evidence));
        }
        return checks;
    }

    List<SetupCheck> keywordsAndOptOut() {
        List<SetupCheck> checks = new ArrayList<>();
        Map<String, String> keywords = gateway.keywords(resources.phonePoolId());
        List<String> missing = new ArrayList<>();
        if (!keywords.containsKey("STOP")) {
            missing.add("STOP");
        }
        if (!keywords.containsKey("HELP")) {
            missing.add("HELP");
        }
        checks.add(missing.isEmpty() ? SetupCheck.green("keywords", title("keywords"), "Pool " + resources.phonePoolId() + " answers "
                + String.join(", ", keywords.keySet()) + ".")
                : SetupCheck.red("keywords", title("keywords"), "Pool " + resources.phonePoolId() + " lacks the mandatory keyword(s) "
                        + String.join(", ", missing) + ".", "Configure STOP and HELP on the pool (aws pinpoint-sms-voice-v2 put-keyword).", null, null));
        String list = gateway.pool(resources.phonePoolId()).map(OverviewGateway.Pool::optOutListName).orElse(null);
        if (list == null) {
            checks.add(SetupCheck.red("keywords", title("keywords"), "The pool uses no opt-out list: numbers that reply STOP are not remembered.",
                    "Give the pool its opt-out list: " + APPLY + " (the pool's stack <name>-phone-pool sets it).", null, null));
        } else if (!gateway.optOutListExists(list)) {
            checks.add(SetupCheck.red("keywords", title("keywords"), "The pool's opt-out list " + list + " does not exist.",
                    "Create the opt-out list or point the pool at an existing one.", null, null));
        } else {
            checks.add(SetupCheck.green("keywords", title("keywords"), "The pool uses opt-out list " + list + "."));
        }
        return checks;
    }

    List<SetupCheck> permissions() {
        List<String> denied = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Optional<String> destination = gateway.dryRunDestination(resources.phonePoolId());
        var probes = gateway.probes(resources.phonePoolId(), resources.configurationSetName(), resources.deliveryLogGroup(), destination.orElse(null));
        probes.forEach((action, probe) -> {
            try {
                probe.get();
            } catch (AwsCallException e) {
                if (e.errorCode().startsWith("AccessDenied") || e.httpStatus() == 403) {
                    denied.add(action);
                } else if (e.kind() != AwsCallException.Kind.CLIENT) {
                    // throttled, an AWS error or unreachable: the call did not get as far as a decision
                    failed.add(action + " (" + e.errorCode() + ")");
                }
                // any other refusal (a missing resource, a validation) comes after IAM allowed the call
            }
        });
        if (!denied.isEmpty()) {
            return List.of(SetupCheck.red("permissions", title("permissions"), "AWS denied: " + String.join(", ", denied) + ".",
                    "Add the missing IAM action(s) " + String.join(", ", denied) + " to the console-access policy (" + CONSOLE_POLICY
                            + "), then make infra-update-app-service APP_NAME=<app> ENVIRONMENT=<environment>.",
                    null, "console-access policy (" + CONSOLE_POLICY + ")"));
        }
        if (!failed.isEmpty()) {
            return List.of(SetupCheck.amber("permissions", title("permissions"), "Not checked, AWS did not answer: " + String.join(", ", failed) + ".",
                    "Refresh in a moment.", null, null));
        }
        String dryRun = destination.isPresent() ? "SendTextMessage as a dry run to " + destination.get() + " (nothing is sent)"
                : "not SendTextMessage: every US simulator destination number is on the pool's opt-out list, and a dry run to an opted-out number fails";
        return List.of(SetupCheck.green("permissions", title("permissions"), probes.size() + " calls allowed ("
                + String.join(", ", probes.keySet()) + "); of the changes, " + dryRun + ". The other changes (registrations, verified "
                + "destination numbers, the opt-out list) have no dry run in the API and are not probed."));
    }
}
