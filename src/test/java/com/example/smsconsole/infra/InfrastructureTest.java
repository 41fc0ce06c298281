package com.example.smsconsole.infra;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.example.smsconsole.audit.AuditEntry;
import com.example.smsconsole.audit.AuditOutcome;
import com.example.smsconsole.audit.repository.AuditEntryRepository;
import com.example.smsconsole.support.PostgresTestServer;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.Yaml;

/**
 * What the real tools (TerraformTest, IamSimulationTest) do not check: the lifecycle that keeps registered
 * numbers, the platform's file layout and root Makefile targets, the order of steps in infra/README.md,
 * the container image and the compose file.
 */
class InfrastructureTest {

    static final Path INFRA = Path.of("infra");
    static final Path PHONE_POOL = INFRA.resolve("modules/notifications-phone-pool/resources/main.tf");

    @Test
    void a_registered_number_is_protected_and_replaced_before_it_is_released() throws Exception {
        String main = Files.readString(PHONE_POOL);
        Map<String, Object> registered = resource(main, "aws_pinpointsmsvoicev2_phone_number", "registered");
        Map<String, Object> simulator = resource(main, "aws_pinpointsmsvoicev2_phone_number", "simulator");
        assertThat(registered.get("deletion_protection_enabled")).isEqualTo(true);
        assertThat(lifecycle(registered)).containsEntry("create_before_destroy", true).containsEntry("prevent_destroy", true);
        assertThat(lifecycle(simulator)).containsEntry("create_before_destroy", true);
        assertThat(main).contains("registration_id             = var.sms_sender_phone_number_registration_id");
        // an adopted number is not a resource of ours: nothing in Terraform can release it
        assertThat(main.split("resource \"aws_pinpointsmsvoicev2_phone_number\"", -1)).hasSize(3);
    }

    /** One resource block of a file, parsed by itself (the HCL parser does not evaluate the file's other expressions). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(String file, String type, String name) throws Exception {
        int start = file.indexOf("resource \"" + type + "\" \"" + name + "\" {");
        assertThat(start).as("resource %s.%s", type, name).isNotNegative();
        int depth = 0;
        int end = start;
        for (int i = file.indexOf('{', start); i < file.length(); i++) {
            if (file.charAt(i) == '{') {
                depth++;
            } else if (file.charAt(i) == '}' && --depth == 0) {
                end = i + 1;
                break;
            }
        }
        // comments and the count expression out: only the literal settings are read
        String block = file.substring(start, end).replaceAll("(?m)^\\s*(#|count\\s*=).*$", "");
        Map<String, Object> parsed = new HCLParser().parse(block, true);
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) parsed.get("resource")).get(type)).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lifecycle(Map<String, Object> resource) {
        Object lifecycle = resource.get("lifecycle");
        return lifecycle instanceof List<?> list ? (Map<String, Object>) list.getFirst() : (Map<String, Object>) lifecycle;
    }

    @Test
    void the_layout_follows_the_platform_modules_and_service_notifications() {
        for (String path : List.of("modules/notifications-sms/resources/main.tf", "modules/notifications-sms/resources/access.tf",
                "modules/notifications-phone-pool/resources/main.tf", "modules/notifications-phone-pool/data/main.tf",
                "app/app-config/env-config/notifications.tf", "app/service/notifications.tf")) {
            assertThat(INFRA.resolve(path)).as(path).isRegularFile();
        }
        assertThat(INFRA.resolve("modules/sms-notifications")).doesNotExist();
    }

    /** The runbook's command works from the repository root; make -n prints what it would run. */
    @Test
    void make_runs_the_infrastructure_targets_from_the_repository_root() {
        Path make = Tools.require("make", "Install make (Debian package make).");
        Tools.Result update = Tools.run(Path.of("."), Map.of(), Duration.ofSeconds(30), make, "-n", "infra-update-app-service", "APP_NAME=app",
                "ENVIRONMENT=dev");
        assertThat(update.ok()).as(update.describe()).isTrue();
        assertThat(update.output()).contains("terraform -chdir=\"infra/app/service\" init -input=false -reconfigure -backend-config=\"dev.s3.tfbackend\"")
                .contains("terraform -chdir=\"infra/app/service\" apply -var=\"environment_name=dev\"");
        Tools.Result output = Tools.run(Path.of("."), Map.of(), Duration.ofSeconds(30), make, "-n", "infra-output-app-service", "APP_NAME=app",
                "ENVIRONMENT=prod");
        assertThat(output.output()).contains("output -raw sms_console_env_file");
        Tools.Result missing = Tools.run(Path.of("."), Map.of(), Duration.ofSeconds(30), make, "-n", "infra-update-app-service", "APP_NAME=app");
        assertThat(missing.ok()).isFalse();
        assertThat(missing.output()).contains("ENVIRONMENT is not set");
    }

    /** The order of steps is written where a platform team reads it, and the plan test that checks it is named there. */
    @Test
    void the_readme_gives_the_order_apply_register_set_the_id_apply() throws IOException {
        String readme = Files.readString(INFRA.resolve("README.md"));
        int apply = readme.indexOf("make infra-update-app-service APP_NAME=app ENVIRONMENT=dev");
        int register = readme.indexOf("Register", apply);
        int setId = readme.indexOf("sms_sender_phone_number_id", register);
        int applyAgain = readme.indexOf("Apply again", setId);
        assertThat(List.of(apply, register, setId, applyAgain)).as("positions in infra/README.md").allMatch(i -> i >= 0).isSorted();
        assertThat(readme).contains("modules/notifications-phone-pool/resources/tests/numbers.tftest.hcl");
    }

    @Test
    void the_release_image_runs_the_layered_jar_as_a_non_root_user_with_a_read_only_root_filesystem() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("AS release").contains("-Djarmode=tools -jar application.jar extract --layers --destination extracted");
        int release = dockerfile.indexOf("AS release");
        String stage = dockerfile.substring(release);
        assertThat(stage.indexOf("extracted/dependencies/")).isLessThan(stage.indexOf("extracted/spring-boot-loader/"));
        assertThat(stage.indexOf("extracted/snapshot-dependencies/")).isLessThan(stage.indexOf("extracted/application/"));
        assertThat(stage).contains("USER 10001").contains("VOLUME [\"/data\", \"/tmp\"]").contains("HEALTHCHECK")
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"application.jar\"]");
        // the release stage is the last, so a plain docker build gives it too
        assertThat(stage).doesNotContain("\nFROM ");
        List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip).filter(l -> !l.startsWith("#")).toList();
        assertThat(ignored).contains("target", "**/.terraform", ".env", "**/*.tfstate", ".git");
    }

    @Test
    @SuppressWarnings("unchecked")
    void docker_compose_runs_the_release_image_with_postgresql_in_two_profiles_without_secrets() throws IOException {
        String text = Files.readString(Path.of("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsOnlyKeys("postgres", "console-emulator", "console-aws");
        assertThat(((Map<String, Object>) compose.get("volumes"))).containsKeys("postgres-data", "console-data");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertThat((List<String>) postgres.get("volumes")).anyMatch(v -> v.startsWith("postgres-data:"));
        assertThat(postgres).containsKey("healthcheck");
        for (String name : List.of("console-emulator", "console-aws")) {
            Map<String, Object> console = (Map<String, Object>) services.get(name);
            assertThat((List<String>) console.get("profiles")).containsExactly(name.substring("console-".length()));
            assertThat((Map<String, Object>) console.get("build")).containsEntry("context", ".").containsEntry("target", "release");
            assertThat(console).containsEntry("read_only", true).containsEntry("tmpfs", List.of("/tmp"));
            assertThat((List<String>) console.get("volumes")).contains("console-data:/data");
            assertThat(String.join(" ", (List<String>) ((Map<String, Object>) console.get("healthcheck")).get("test"))).contains("/actuator/health");
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
                "AWS_SMS_DELIVERY_LOG_GROUP", "AWS_SMS_OPT_OUT_LIST_NAME");
        assertThat(String.valueOf(aws.get("SPRING_PROFILES_ACTIVE"))).startsWith("aws");
        // the bcrypt hash contains "$": how to quote it is written where it is set
        assertThat(text).contains("CONSOLE_ADMIN_PASSWORD_HASH='{bcrypt}$2a$10$...'").contains("single-quoted ones are taken literally");
    }

    /**
     * The tables belong to the postgres image's superuser (POSTGRES_USER), who runs the migrations; the
     * console connects as the role the init script creates, in sms_console_app, whatever the .env file
     * leaves unset. The console's variable names are the ones application-postgres.properties reads.
     */
    @Test
    @SuppressWarnings("unchecked")
    void docker_compose_runs_the_migrations_as_the_owner_and_the_console_as_a_role_that_cannot_rewrite_the_audit_log() throws IOException {
        Properties postgresProfile = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application-postgres.properties"))) {
            postgresProfile.load(in);
        }
        assertThat(variable(postgresProfile.getProperty("spring.datasource.username"))).isEqualTo("POSTGRES_USER");
        assertThat(variable(postgresProfile.getProperty("spring.datasource.password"))).isEqualTo("POSTGRES_PASSWORD");
        assertThat(variable(postgresProfile.getProperty("spring.flyway.user"))).isEqualTo("POSTGRES_MIGRATION_USER");
        assertThat(variable(postgresProfile.getProperty("spring.flyway.password"))).isEqualTo("POSTGRES_MIGRATION_PASSWORD");

        Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(Files.readString(Path.of("docker-compose.yml")))
                .get("services");
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        Map<String, Object> server = (Map<String, Object>) postgres.get("environment");
        String owner = String.valueOf(server.get("POSTGRES_USER"));
        String ownerPassword = String.valueOf(server.get("POSTGRES_PASSWORD"));
        String consoleUser = String.valueOf(server.get("POSTGRES_CONSOLE_USER"));
        String consolePassword = String.valueOf(server.get("POSTGRES_CONSOLE_PASSWORD"));
        assertThat(variable(consoleUser)).isNotEqualTo(variable(owner));
        assertThat(defaultOf(consoleUser)).as("with nothing set, two roles all the same").isNotBlank().isNotEqualTo(defaultOf(owner));
        assertThat(variable(consolePassword)).isNotEqualTo(variable(ownerPassword));
        assertThat(consolePassword).as("no password committed").startsWith("${").contains(":?");
        assertThat(initScript()).as("the init script the postgres service runs").isExecutable();

        for (String name : List.of("console-emulator", "console-aws")) {
            Map<String, Object> env = (Map<String, Object>) ((Map<String, Object>) services.get(name)).get("environment");
            assertThat(env.get("POSTGRES_USER")).as(name + " connects as the console's role").isEqualTo(consoleUser);
            assertThat(env.get("POSTGRES_PASSWORD")).as(name).isEqualTo(consolePassword);
            assertThat(env.get("POSTGRES_MIGRATION_USER")).as(name + " migrates as the owner").isEqualTo(owner);
            assertThat(env.get("POSTGRES_MIGRATION_PASSWORD")).as(name).isEqualTo(ownerPassword);
        }
    }

    /**
     * The script the compose file mounts into /docker-entrypoint-initdb.d, run as the postgres image
     * runs it (as POSTGRES_USER on POSTGRES_DB, with the container's environment), then the migrations
     * as that owner: the console's role logs in with the password given, is no superuser, appends to
     * the audit log and may not rewrite it (SQLSTATE 42501, insufficient_privilege), and writes its other
     * tables. It may run again on a volume that has the roles.
     */
    @Test
    void the_compose_init_script_creates_the_console_role_that_the_migrations_grant() throws Exception {
        Path bash = Tools.require("bash", "Install bash.");
        Tools.require("psql", "Install psql (Debian package postgresql-client); it runs the compose file's init script.");
        var server = PostgresTestServer.get();
        String url = server.createDatabase("composeinit");
        URI uri = URI.create(url.substring("jdbc:".length()));
        String consoleUser = "compose_console_" + ProcessHandle.current().pid();
        String password = "it's \"quoted\" $HOME :'x'";
        Map<String, String> env = new HashMap<>(Map.of("POSTGRES_USER", server.user(), "POSTGRES_DB", uri.getPath().substring(1),
                "POSTGRES_CONSOLE_USER", consoleUser, "POSTGRES_CONSOLE_PASSWORD", password,
                "PGHOST", uri.getHost(), "PGPORT", Integer.toString(uri.getPort()), "PGPASSWORD", server.password()));

        for (int run = 1; run <= 2; run++) {
            Tools.Result result = Tools.run(Path.of("."), env, Duration.ofSeconds(60), bash, initScript());
            assertThat(result.ok()).as("run " + run + ": " + result.describe()).isTrue();
        }
        var admin = JdbcClient.create(server.dataSource(url));
        assertThat(admin.sql("SELECT rolpassword FROM pg_authid WHERE rolname = ?").param(consoleUser).query(String.class).single())
                .as("the password given, stored as a SCRAM verifier").satisfies(verifier -> assertThat(scramMatches(verifier, password)).isTrue());

        Flyway.configure().dataSource(server.dataSource(url)).locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load()
                .migrate();
        var consoleDs = server.dataSource(url);
        consoleDs.setUser(consoleUser);
        consoleDs.setPassword(password);
        var console = JdbcClient.create(consoleDs);
        assertThat(console.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
                .single()).isFalse();
        assertThat(console.sql("SELECT pg_has_role(current_user, 'sms_console_app', 'MEMBER')").query(Boolean.class).single()).isTrue();
        var log = new AuditEntryRepository(consoleDs);
        AuditEntry entry = log.append(new AuditEntry(0, Instant.parse("2026-12-02T09:00:00Z"), "admin", "ADMIN", "DeleteRegistration",
                "registration-1", AuditOutcome.SUCCESS, "req-1", null));
        assertThat(log.connectedRoleMayRewrite()).isFalse();
        for (String statement : List.of("UPDATE audit_entry SET actor = 'nobody' WHERE id = " + entry.id(), "TRUNCATE TABLE audit_entry",
                "ALTER TABLE audit_entry DISABLE TRIGGER USER")) {
            assertThatThrownBy(() -> console.sql(statement).update()).as(statement)
                    .satisfies(e -> assertThat(sqlState(e)).as(statement).isEqualTo("42501"));
        }
        assertThat(console.sql("""
                INSERT INTO test_send (username, sent_at, destination, message_type, encoding, parts, dry_run, outcome)
                VALUES ('qa', :at, '+14254147755', 'TRANSACTIONAL', 'GSM', 1, FALSE, 'SENT')""").param("at", Timestamp.from(Instant.now())).update())
                .isEqualTo(1);

        env.remove("POSTGRES_CONSOLE_PASSWORD");
        Tools.Result noPassword = Tools.run(Path.of("."), env, Duration.ofSeconds(60), bash, initScript());
        assertThat(noPassword.ok()).isFalse();
        assertThat(noPassword.output()).contains("POSTGRES_CONSOLE_PASSWORD: set POSTGRES_CONSOLE_PASSWORD");
        env.put("POSTGRES_CONSOLE_PASSWORD", password);
        env.put("POSTGRES_CONSOLE_USER", server.user());
        Tools.Result same = Tools.run(Path.of("."), env, Duration.ofSeconds(60), bash, initScript());
        assertThat(same.ok()).as("the owner is not the console's role").isFalse();
        assertThat(same.output()).contains("POSTGRES_CONSOLE_USER must differ from POSTGRES_USER");
    }

    /** The host side of the compose file's mount into /docker-entrypoint-initdb.d. */
    @SuppressWarnings("unchecked")
    private static Path initScript() throws IOException {
        Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(Files.readString(Path.of("docker-compose.yml")))
                .get("services");
        List<String> volumes = (List<String>) ((Map<String, Object>) services.get("postgres")).get("volumes");
        List<String> scripts = volumes.stream().filter(v -> v.split(":")[1].startsWith("/docker-entrypoint-initdb.d/")).toList();
        assertThat(scripts).hasSize(1);
        assertThat(scripts.getFirst().split(":")[1]).endsWith(".sh");
        return Path.of(scripts.getFirst().split(":")[0]);
    }

    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{([A-Z_]+)(?::[-?](.*))?}$");

    /** NAME of a compose or Spring placeholder ${NAME}, ${NAME:-default}, ${NAME:?message}, ${NAME:default}. */
    private static String variable(String placeholder) {
        Matcher m = Pattern.compile("^\\$\\{([A-Z_]+)[:}]").matcher(String.valueOf(placeholder));
        assertThat(m.find()).as(placeholder).isTrue();
        return m.group(1);
    }

    private static String defaultOf(String placeholder) {
        Matcher m = VARIABLE.matcher(placeholder);
        assertThat(m.matches()).as(placeholder).isTrue();
        return placeholder.contains(":-") ? m.group(2) : "";
    }

    /**
     * Whether a PostgreSQL SCRAM-SHA-256 verifier ("SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey",
     * PostgreSQL manual, "Password Authentication") is the one of this password: StoredKey =
     * H(HMAC(SaltedPassword, "Client Key")) with SaltedPassword = PBKDF2-HMAC-SHA-256 (RFC 5802 section 3,
     * RFC 7677).
     */
    private static boolean scramMatches(String verifier, String password) throws Exception {
        Matcher m = Pattern.compile("^SCRAM-SHA-256\\$(\\d+):([^$]+)\\$([^:]+):(.+)$").matcher(verifier);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(m.group(2));
        byte[] salted = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(m.group(1)), 256)).getEncoded();
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(salted, "HmacSHA256"));
        byte[] clientKey = hmac.doFinal("Client Key".getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(clientKey), Base64.getDecoder().decode(m.group(3)));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "none: " + e;
    }
}
