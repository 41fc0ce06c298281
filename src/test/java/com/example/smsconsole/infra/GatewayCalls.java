package com.example.smsconsole.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS calls the console makes, read from its gateways ({@code *Gateway.java} under src/main): every
 * {@code AwsCalls.smsVoice("Op", ...)} and {@code AwsCalls.logs("Op", ...)} with the request members its
 * builder sets. The members that name a resource say which resources the call touches.
 */
final class GatewayCalls {

    static final Path MAIN = Path.of("src/main/java");

    /** One call site. */
    record Call(String action, String source, Set<String> members) {
    }

    /** What a request member names: an IAM resource type (iam-data's name) and the access.tf list that grants on it. */
    record Names(String type, String kind) {
    }

    /**
     * Request members that name a resource. More are listed than the console uses today, so that a new call
     * needs no change here; the simulation keeps only those that are a resource type of the action.
     */
    static final Map<String, Names> RESOURCE_MEMBERS = Map.ofEntries(
            Map.entry("poolId", new Names("Pool", "the_pool")),
            Map.entry("poolIds", new Names("Pool", "the_pool")),
            Map.entry("originationIdentity", new Names("Pool", "the_pool")),
            Map.entry("configurationSetName", new Names("ConfigurationSet", "sending_through_the_pool")),
            Map.entry("configurationSetNames", new Names("ConfigurationSet", "sending_through_the_pool")),
            Map.entry("optOutListName", new Names("OptOutList", "the_opt_out_list")),
            Map.entry("optOutListNames", new Names("OptOutList", "the_opt_out_list")),
            Map.entry("registrationId", new Names("Registration", "registrations")),
            Map.entry("registrationIds", new Names("Registration", "registrations")),
            Map.entry("registrationAttachmentId", new Names("RegistrationAttachment", "registrations")),
            Map.entry("verifiedDestinationNumberId", new Names("VerifiedDestinationNumber", "verified_destination_numbers")),
            Map.entry("verifiedDestinationNumberIds", new Names("VerifiedDestinationNumber", "verified_destination_numbers")),
            Map.entry("phoneNumberId", new Names("PhoneNumber", "phone_numbers")),
            Map.entry("phoneNumberIds", new Names("PhoneNumber", "phone_numbers")),
            // CreateRegistrationAssociation's ResourceId: a number the console requested (or a brand registration,
            // which the registration grant covers)
            Map.entry("resourceId", new Names("PhoneNumber", "phone_numbers")),
            // Tag/Untag/ListTagsForResource's ResourceArn: the console tags registrations only (their Name tag)
            Map.entry("resourceArn", new Names("Registration", "registrations")),
            Map.entry("logGroupName", new Names("log-group", "the_log_group")),
            Map.entry("logGroupIdentifier", new Names("log-group", "the_log_group")));

    /** Request members (and SDK helper calls inside a request) that name no resource. */
    static final Set<String> OTHER_MEMBERS = Set.of("nextToken", "maxResults", "limit", "filters", "builder", "build", "name", "values",
            "isEmpty", "clientToken", "registrationType", "registrationTypes", "attachmentBody", "attachmentUrl", "fromByteArray", "fieldPath",
            "fieldPaths", "sectionPath", "selectChoices", "textValue", "versionNumber", "versionNumbers", "awsReview", "destinationPhoneNumber",
            "destinationPhoneNumbers", "optedOutNumber", "optedOutNumbers", "verificationChannel", "verificationCode", "languageCode",
            "messageBody", "messageType", "context", "dryRun", "timeToLive", "maxPrice", "destinationCountryParameters", "isoCountryCode",
            "numberType", "numberCapabilities", "numberCapabilitiesWithStrings", "deletionProtectionEnabled", "internationalSendingEnabled",
            "tags", "tagKeys", "key", "value", "owner", "orderBy",
            "descending", "startTime", "endTime", "filterPattern", "interleaved", "startFromHead", "logGroupNamePrefix", "logStreamNames",
            "logStreamNamePrefix", "currentTimeMillis", "toEpochMilli", "ofEpochMilli", "keyword", "keywordAction", "keywordMessage",
            // Java helpers inside a request's argument
            "isBlank", "of", "strip",
            // the SDK's per-request settings (the send's retry rule), not a member of the request AWS receives
            "overrideConfiguration");

    /**
     * Resource members a call may leave unset at run time (the value is null): such a call is also
     * simulated without them, which IAM evaluates against "*". A toll-free number is requested
     * without a registration id (it is associated afterwards), a 10DLC number with its campaign's.
     */
    static final Map<String, Set<String>> OPTIONAL = Map.of(
            "RequestPhoneNumber", Set.of("registrationId"));

    private static final Pattern CALL = Pattern.compile("AwsCalls\\.(smsVoice|logs)\\(\"([A-Za-z]+)\",");
    private static final Pattern MEMBER = Pattern.compile("\\.([a-z][A-Za-z0-9]*)\\(");
    private static final Pattern CLIENT_CALL = Pattern.compile("\\b(sms|logs)\\.([a-z][A-Za-z0-9]*)\\(");

    private GatewayCalls() {
    }

    static List<Path> gateways() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.getFileName().toString().endsWith("Gateway.java")).sorted().toList();
        }
    }

    static List<Call> read() throws IOException {
        List<Call> calls = new ArrayList<>();
        for (Path file : gateways()) {
            String source = Files.readString(file);
            Matcher m = CALL.matcher(source);
            while (m.find()) {
                String action = (m.group(1).equals("logs") ? "logs:" : "sms-voice:") + m.group(2);
                String text = argument(source, source.indexOf('(', m.start()));
                Set<String> members = new TreeSet<>();
                Matcher member = MEMBER.matcher(text);
                while (member.find()) {
                    members.add(member.group(1));
                }
                String operation = Character.toLowerCase(m.group(2).charAt(0)) + m.group(2).substring(1);
                members.remove(operation);
                int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                calls.add(new Call(action, file.getFileName() + ":" + line, members));
                Set<String> optional = new TreeSet<>(OPTIONAL.getOrDefault(m.group(2), Set.of()));
                optional.retainAll(members);
                if (!optional.isEmpty()) {
                    Set<String> without = new TreeSet<>(members);
                    without.removeAll(optional);
                    calls.add(new Call(action, file.getFileName() + ":" + line + " without " + String.join(", ", optional), without));
                }
            }
        }
        return calls;
    }

    /** Client calls ({@code sms.x(...)}, {@code logs.x(...)}) in the gateways, by file: each must be wrapped in AwsCalls. */
    static List<String> unwrappedClientCalls() throws IOException {
        List<String> unwrapped = new ArrayList<>();
        for (Path file : gateways()) {
            String source = Files.readString(file);
            Set<String> wrapped = new LinkedHashSet<>();
            Matcher m = CALL.matcher(source);
            while (m.find()) {
                Matcher inside = CLIENT_CALL.matcher(argument(source, source.indexOf('(', m.start())));
                while (inside.find()) {
                    wrapped.add(String.valueOf(m.start()) + inside.group(2));
                }
            }
            long inWrappers = wrapped.size();
            Matcher all = CLIENT_CALL.matcher(source);
            long total = 0;
            while (all.find()) {
                total++;
            }
            if (total != inWrappers) {
                unwrapped.add(file.getFileName() + ": " + total + " client calls, " + inWrappers + " inside AwsCalls");
            }
        }
        return unwrapped;
    }

    /** The text between the parenthesis at {@code open} and its match. */
    private static String argument(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                for (i++; source.charAt(i) != '"'; i++) {
                    if (source.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return source.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced parentheses after offset " + open);
    }
}
