package com.example.smsconsole.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offline checks of infra/ and docker-compose.yml: every Terraform file parses (HCL parser) and its
 * references resolve, modules get the variables they need, the CloudFormation template matches the
 * AWS::SMSVOICE resource schemas, the console policy holds exactly the actions the gateways call,
 * and the compose file wires the console to PostgreSQL with health checks and no secrets.
 */
class InfrastructureTest {

    static final Path INFRA = Path.of("infra");
    static final Path MODULE = INFRA.resolve("modules/sms-notifications");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One directory of .tf files, parsed. */
    record TfModule(Path dir, Map<String, Object> blocks, String text) {

        /** The blocks of a kind by name; repeated blocks (several {@code locals}) are merged. */
        @SuppressWarnings("unchecked")
        Map<String, Object> block(String kind) {
            Object value = blocks.getOrDefault(kind, Map.of());
            if (value instanceof List<?> list) {
                Map<String, Object> merged = new LinkedHashMap<>();
                list.forEach(m -> merged.putAll((Map<String, Object>) m));
                return merged;
            }
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        Set<String> resources(String kind) {
            Set<String> names = new TreeSet<>();
            block(kind).forEach((type, byName) -> ((Map<String, Object>) byName).keySet().forEach(n -> names.add(type + "." + n)));
            return names;
        }

        /** Variables without a default. */
        @SuppressWarnings("unchecked")
        Set<String> requiredVariables() {
            Set<String> required = new TreeSet<>();
            block("variable").forEach((name, body) -> {
                if (!(body instanceof Map<?, ?> m) || !m.containsKey("default")) {
                    required.add(name);
                }
            });
            return required;
        }
    }

    static List<Path> moduleDirs() throws IOException {
        try (Stream<Path> files = Files.walk(INFRA)) {
            return files.filter(p -> p.toString().endsWith(".tf")).map(Path::getParent).distinct().sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    static TfModule parse(Path dir) throws IOException {
        Map<String, Object> merged = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                Map<String, Object> parsed;
                try {
                    // structure only: expressions that refer to values known at apply time are not evaluated here
                    parsed = new HCLParser().parse(source, true);
                } catch (Exception e) {
                    throw new AssertionError(file + " does not parse: " + e.getMessage(), e);
                }
                assertThat(parsed).as("blocks of %s", file).isNotEmpty();
                parsed.forEach((kind, body) -> merge(merged, kind, body, kind.equals("resource") || kind.equals("data") ? 2 : 1));
                // comments out, so references in them are not checked
                text.append(source.replaceAll("(?m)^\\s*#.*$", "")).append('\n');
            }
        }
        return new TfModule(dir, merged, text.toString());
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, String key, Object value, int depth) {
        if (depth > 0 && value instanceof Map<?, ?> map && into.get(key) instanceof Map<?, ?> existing) {
            map.forEach((k, v) -> merge((Map<String, Object>) existing, (String) k, v, depth - 1));
        } else {
            into.put(key, value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : value);
        }
    }

    /** With a Terraform binary on the machine, its own parser checks the syntax and the formatting of every file. */
    @Test
    void terraform_fmt_accepts_every_file_when_terraform_is_installed() throws Exception {
        Path terraform = Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator)).map(d -> Path.of(d, "terraform"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(terraform != null, "no terraform binary on PATH");
        Process fmt = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", "-diff", ".").directory(INFRA.toFile())
                .redirectErrorStream(true).start();
        String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fmt.waitFor()).as(output).isZero();
    }

    static Set<String> matches(String text, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void every_terraform_file_parses_and_every_reference_resolves() throws IOException {
        List<Path> dirs = moduleDirs();
        assertThat(dirs).extracting(Path::toString).contains("infra/modules/sms-notifications", "infra/app/app-config",
                "infra/app/app-config/env-config", "infra/app/service");
        for (Path dir : dirs) {
            TfModule module = parse(dir);
            String text = module.text();
            assertThat(matches(text, "\\bvar\\.([a-z0-9_]+)")).as("variables used in %s", dir).isSubsetOf(module.block("variable").keySet());
            assertThat(matches(text, "\\blocal\\.([a-z0-9_]+)")).as("locals used in %s", dir).isSubsetOf(module.block("locals").keySet());
            assertThat(matches(text, "\\bmodule\\.([a-z0-9_]+)")).as("modules used in %s", dir).isSubsetOf(module.block("module").keySet());
            assertThat(matches(text, "\\bdata\\.([a-z0-9_]+\\.[a-z0-9_]+)")).as("data sources used in %s", dir)
                    .isSubsetOf(module.resources("data"));
            Set<String> resourceRefs = matches(text, "(?<![.\\w\"])(aws_[a-z0-9_]+\\.[a-z0-9_]+)\\.");
            assertThat(resourceRefs).as("resources used in %s", dir).isSubsetOf(module.resources("resource"));
            checkModuleCalls(module);
        }
    }

    /** Module calls read from the text: the source and the arguments at the call's top level. */
    private static void checkModuleCalls(TfModule module) throws IOException {
        Matcher call = Pattern.compile("(?m)^module \"([a-z0-9_]+)\" \\{\n(.*?)\n\\}", Pattern.DOTALL).matcher(module.text());
        int calls = 0;
        while (call.find()) {
            calls++;
            String name = call.group(1);
            String body = call.group(2);
            Matcher sourceMatch = Pattern.compile("(?m)^\\s{2}source\\s*=\\s*\"([^\"]+)\"").matcher(body);
            assertThat(sourceMatch.find()).as("source of module %s", name).isTrue();
            Path source = module.dir().resolve(sourceMatch.group(1)).normalize();
            assertThat(source).as("source of module %s in %s", name, module.dir()).isDirectory();
            TfModule child = parse(source);
            Set<String> passed = matches(body, "(?m)^\\s{2}([a-z0-9_]+)\\s*=");
            passed.removeAll(Set.of("source", "count", "for_each", "depends_on", "providers"));
            assertThat(passed).as("arguments of module %s", name).isSubsetOf(child.block("variable").keySet());
            assertThat(passed).as("required variables of module %s", name).containsAll(child.requiredVariables());
            Set<String> outputsUsed = matches(module.text(), "\\bmodule\\." + name + "(?:\\[0\\])?\\.([a-z0-9_]+)");
            assertThat(outputsUsed).as("outputs of module %s used in %s", name, module.dir()).isSubsetOf(child.block("output").keySet());
        }
        assertThat(calls).as("module calls in %s", module.dir()).isEqualTo(module.block("module").size());
    }

    @Test
    void the_module_creates_the_pieces_the_console_and_the_app_need() throws IOException {
        TfModule module = parse(MODULE);
        assertThat(module.resources("resource")).contains("aws_cloudwatch_log_group.delivery_receipts", "aws_pinpointsmsvoicev2_phone_number.sender",
                "aws_pinpointsmsvoicev2_opt_out_list.this", "aws_cloudformation_stack.pool_and_configuration_set", "aws_iam_role.events",
                "aws_iam_policy.app", "aws_iam_policy.console", "aws_vpc_endpoint.sms_voice");
        assertThat(module.block("output").keySet()).contains("configuration_set_name", "phone_pool_id", "phone_pool_arn", "log_group_name",
                "log_group_arn");
        assertThat(module.text()).contains("\"/aws/sms-voice/${local.service_name}/sms-notifications/delivery-receipts\"")
                .contains("\"aws:SourceAccount\"");
        TfModule app = parse(INFRA.resolve("app/app-config"));
        assertThat(app.block("locals")).containsKey("enable_sms_notifications");
        TfModule env = parse(INFRA.resolve("app/app-config/env-config"));
        assertThat(env.block("variable").keySet()).contains("sms_sender_phone_number_registration_id", "sms_number_type",
                "enable_sms_notifications");
        TfModule service = parse(INFRA.resolve("app/service"));
        assertThat(service.text()).contains("AWS_SMS_CONFIGURATION_SET_NAME", "AWS_SMS_PHONE_POOL_ARN", "AWS_SMS_PHONE_POOL_ID",
                "AWS_SMS_DELIVERY_LOG_GROUP");
        assertThat(Files.readString(INFRA.resolve("Makefile"))).contains("infra-update-app-service:");
    }

    // ------------------------------------------------------------------ CloudFormation

    @Test
    void the_cloudformation_template_matches_the_smsvoice_resource_schemas_and_the_stack_wiring() throws IOException {
        Path cfn = MODULE.resolve("cloudformation");
        JsonNode template = JSON.readTree(cfn.resolve("sms-pool-and-configuration-set.json").toFile());
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(cfn.resolve("schemas"))) {
            for (Path file : files.toList()) {
                JsonNode schema = JSON.readTree(file.toFile());
                schemas.put(schema.path("typeName").asString(), schema);
            }
        }
        Set<String> parameters = new TreeSet<>(template.path("Parameters").propertyNames());
        Set<String> resources = new TreeSet<>(template.path("Resources").propertyNames());
        List<String> problems = new ArrayList<>();
        template.path("Resources").properties().forEach(entry -> {
            String type = entry.getValue().path("Type").asString();
            JsonNode schema = schemas.get(type);
            if (schema == null) {
                problems.add(entry.getKey() + ": no schema for " + type);
                return;
            }
            validate(entry.getKey(), entry.getValue().path("Properties"), schema, schema, problems);
        });
        // every Ref names a parameter or a resource; every GetAtt a resource's read-only property
        checkIntrinsics(template, parameters, resources, template, schemas, problems);
        assertThat(problems).isEmpty();

        // the Terraform stack passes exactly the template's parameters and reads only its outputs
        TfModule module = parse(MODULE);
        String main = Files.readString(MODULE.resolve("main.tf"));
        Matcher block = Pattern.compile("parameters = \\{([^}]*)\\}").matcher(main);
        assertThat(block.find()).isTrue();
        assertThat(matches(block.group(1), "(?m)^\\s*([A-Za-z]+)\\s*=")).isEqualTo(parameters);
        assertThat(matches(module.text(), "outputs\\[\"([A-Za-z]+)\"\\]")).isSubsetOf(template.path("Outputs").propertyNames());
        assertThat(main).contains("file(\"${path.module}/cloudformation/sms-pool-and-configuration-set.json\")");
    }

    private static void validate(String path, JsonNode value, JsonNode node, JsonNode schema, List<String> problems) {
        if (node.has("$ref")) {
            String ref = node.path("$ref").asString().replace("#/definitions/", "");
            validate(path, value, schema.path("definitions").path(ref), schema, problems);
            return;
        }
        if (isIntrinsic(value)) {
            return;
        }
        String type = node.path("type").asString("object");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(path + ": expected an object");
                    return;
                }
                JsonNode properties = node.path("properties");
                for (JsonNode required : node.path("required")) {
                    if (!value.has(required.asString())) {
                        problems.add(path + ": missing required " + required.asString());
                    }
                }
                Set<String> readOnly = new HashSet<>();
                node.path("readOnlyProperties").forEach(r -> readOnly.add(r.asString().replace("/properties/", "")));
                value.properties().forEach(e -> {
                    if (!properties.has(e.getKey())) {
                        problems.add(path + "." + e.getKey() + ": not a property");
                    } else if (readOnly.contains(e.getKey())) {
                        problems.add(path + "." + e.getKey() + ": read-only");
                    } else {
                        validate(path + "." + e.getKey(), e.getValue(), properties.path(e.getKey()), schema, problems);
                    }
                });
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": expected a list");
                    return;
                }
                if (node.has("minItems") && value.size() < node.path("minItems").asInt()) {
                    problems.add(path + ": fewer than " + node.path("minItems").asInt() + " items");
                }
                if (node.has("maxItems") && value.size() > node.path("maxItems").asInt()) {
                    problems.add(path + ": more than " + node.path("maxItems").asInt() + " items");
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(path + "[" + i + "]", value.get(i), node.path("items"), schema, problems);
                }
            }
            case "string" -> {
                if (!value.isString()) {
                    problems.add(path + ": expected text");
                } else if (node.has("enum") && !node.path("enum").valueStream().anyMatch(v -> v.asString().equals(value.asString()))) {
                    problems.add(path + ": " + value.asString() + " is not one of " + node.path("enum"));
                } else if (node.has("maxLength") && value.asString().length() > node.path("maxLength").asInt()) {
                    problems.add(path + ": longer than " + node.path("maxLength").asInt());
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(path + ": expected true or false");
                }
            }
            default -> problems.add(path + ": schema type " + type + " not checked");
        }
    }

    private static boolean isIntrinsic(JsonNode value) {
        return value.isObject() && value.size() == 1 && (value.has("Ref") || value.propertyNames().iterator().next().startsWith("Fn::"));
    }

    private static void checkIntrinsics(JsonNode node, Set<String> parameters, Set<String> resources, JsonNode template,
            Map<String, JsonNode> schemas, List<String> problems) {
        if (node.isObject()) {
            if (node.has("Ref")) {
                String ref = node.path("Ref").asString();
                if (!parameters.contains(ref) && !resources.contains(ref) && !ref.startsWith("AWS::")) {
                    problems.add("Ref to unknown " + ref);
                }
            }
            if (node.has("Fn::GetAtt")) {
                String resource = node.path("Fn::GetAtt").get(0).asString();
                String attribute = node.path("Fn::GetAtt").get(1).asString();
                JsonNode schema = schemas.get(template.path("Resources").path(resource).path("Type").asString());
                if (schema == null || !schema.path("readOnlyProperties").valueStream()
                        .anyMatch(r -> r.asString().equals("/properties/" + attribute))) {
                    problems.add("GetAtt " + resource + "." + attribute + " is not an attribute");
                }
            }
            node.properties().forEach(e -> checkIntrinsics(e.getValue(), parameters, resources, template, schemas, problems));
        } else if (node.isArray()) {
            node.forEach(n -> checkIntrinsics(n, parameters, resources, template, schemas, problems));
        }
    }

    // ------------------------------------------------------------------ IAM

    @Test
    @SuppressWarnings("unchecked")
    void the_console_policy_holds_exactly_the_actions_the_gateways_call() throws IOException {
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = Pattern.compile("AwsCalls\\.(smsVoice|logs)\\(\"([A-Za-z]+)\"").matcher(Files.readString(file));
                while (m.find()) {
                    called.add((m.group(1).equals("logs") ? "logs:" : "sms-voice:") + m.group(2));
                }
            }
        }
        TfModule module = parse(MODULE);
        Map<String, Object> documents = (Map<String, Object>) module.block("data").get("aws_iam_policy_document");
        Set<String> console = actions(documents.get("console"));
        assertThat(called).hasSizeGreaterThan(30);
        assertThat(console).as("console policy vs the AWS operations in the code").isEqualTo(called);

        Set<String> app = actions(documents.get("app"));
        assertThat(app).containsExactlyInAnyOrder("sms-voice:SendTextMessage", "sms-voice:DescribeOptedOutNumbers");
        String iam = Files.readString(MODULE.resolve("iam.tf"));
        Matcher appDocument = Pattern.compile("data \"aws_iam_policy_document\" \"app\" \\{(.*?)\\n\\}", Pattern.DOTALL).matcher(iam);
        assertThat(appDocument.find()).isTrue();
        assertThat(appDocument.group(1)).doesNotContain("\"*\"");
        // every statement that writes is scoped to resource ARNs
        for (Map<String, Object> statement : statements(documents.get("console"))) {
            List<String> actions = (List<String>) statement.get("actions");
            boolean changes = actions.stream().anyMatch(a -> !a.contains(":Describe") && !a.contains(":List"));
            if (changes) {
                assertThat(String.valueOf(statement.get("resources"))).as("resources of %s", statement.get("sid")).doesNotContain("[*]");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object document) {
        Object statements = ((Map<String, Object>) document).get("statement");
        return statements instanceof List<?> list ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) statements);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> actions(Object document) {
        Set<String> actions = new TreeSet<>();
        statements(document).forEach(s -> actions.addAll((List<String>) s.get("actions")));
        return actions;
    }

    // ------------------------------------------------------------------ docker compose

    @Test
    @SuppressWarnings("unchecked")
    void docker_compose_runs_the_console_with_postgresql_in_two_profiles_without_secrets() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "console-emulator", "console-aws");
        assertThat(((Map<String, Object>) compose.get("volumes"))).containsKey("postgres-data");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.startsWith("postgres-data:"));
        assertThat(postgres).containsKey("healthcheck");
        for (String name : List.of("console-emulator", "console-aws")) {
            Map<String, Object> console = (Map<String, Object>) services.get(name);
            assertThat((List<String>) console.get("profiles")).containsExactly(name.substring("console-".length()));
            assertThat(console.get("build")).isEqualTo(".");
            assertThat(console).containsKey("healthcheck");
            assertThat((Map<String, Object>) console.get("depends_on")).containsKey("postgres");
            Map<String, Object> env = (Map<String, Object>) console.get("environment");
            assertThat(String.valueOf(env.get("SPRING_PROFILES_ACTIVE"))).contains("postgres");
            env.forEach((key, value) -> {
                if (key.contains("PASSWORD") || key.contains("SECRET") || key.contains("TOKEN")) {
                    assertThat(String.valueOf(value)).as(key).startsWith("${");
                }
            });
        }
        Map<String, Object> aws = (Map<String, Object>) ((Map<String, Object>) services.get("console-aws")).get("environment");
        assertThat(aws).containsKeys("AWS_SMS_CONFIGURATION_SET_NAME", "AWS_SMS_PHONE_POOL_ID", "AWS_SMS_PHONE_POOL_ARN",
                "AWS_SMS_DELIVERY_LOG_GROUP");
        assertThat(String.valueOf(aws.get("SPRING_PROFILES_ACTIVE"))).startsWith("aws");
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("HEALTHCHECK").contains("USER console");
    }
}
