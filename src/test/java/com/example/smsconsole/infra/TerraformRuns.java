package com.example.smsconsole.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Terraform over a copy of {@code infra/} in {@code target/terraform}, once per test JVM:
 * {@code terraform init} of every root and module from the local provider mirror (a
 * {@code filesystem_mirror} CLI configuration, so nothing is downloaded), then {@code terraform validate}
 * of each and {@code terraform test} (with {@code mock_provider "aws"}) of each that has tests, two at a
 * time. The copy keeps {@code .terraform} folders and lock files out of the source tree; the plugin cache
 * under {@code target/} is shared by all directories.
 */
final class TerraformRuns {

    static final Path SOURCE = Path.of("infra").toAbsolutePath();
    static final Path WORK = Path.of("target", "terraform").toAbsolutePath();
    static final String PROVIDER = "registry.terraform.io/hashicorp/aws/5.100.0";
    /** The service root's test that renders the dev environment (its state feeds the IAM simulation). */
    static final String SERVICE = "app/service";
    static final String TEMPORARY_WORKSPACE = "pr-123";

    private static final Duration INIT = Duration.ofMinutes(3);
    private static final Duration VALIDATE = Duration.ofMinutes(3);
    private static final Duration TEST = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TerraformRuns instance;

    final Path terraform;
    final Path infra;
    final Map<String, String> env;
    /** Every folder with .tf files, relative to infra/: roots and modules. */
    final List<String> directories;
    final Map<String, CompletableFuture<Tools.Result>> validations = new LinkedHashMap<>();
    /** terraform test per folder with tests, and the service root's temporary-environment tests. */
    final Map<String, CompletableFuture<Tools.Result>> tests = new LinkedHashMap<>();

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "terraform");
        t.setDaemon(true);
        return t;
    });

    static synchronized TerraformRuns get() {
        if (instance == null) {
            instance = new TerraformRuns();
        }
        return instance;
    }

    private TerraformRuns() {
        terraform = Tools.terraform();
        Path mirror = Path.of(System.getenv().getOrDefault("TF_PLUGIN_MIRROR", "/opt/tf-plugins"));
        if (!Files.isDirectory(mirror.resolve(PROVIDER))) {
            throw new AssertionError("The Terraform tests install the AWS provider 5.100.0 offline from a filesystem mirror, and " + mirror
                    + " has no " + PROVIDER + ". Make one with `terraform providers mirror <dir>` (in infra/app/service, where "
                    + "registry.terraform.io is reachable) and point TF_PLUGIN_MIRROR at it.");
        }
        infra = WORK.resolve("infra");
        try {
            copy(SOURCE, infra);
            Files.createDirectories(WORK.resolve("plugin-cache"));
            Path config = WORK.resolve("terraform.rc");
            Files.writeString(config, """
                    # written by the infrastructure tests: providers come from the local mirror only
                    provider_installation {
                      filesystem_mirror {
                        path    = "%s"
                        include = ["registry.terraform.io/*/*"]
                      }
                      direct {
                        exclude = ["registry.terraform.io/*/*"]
                      }
                    }
                    """.formatted(mirror.toAbsolutePath()), StandardCharsets.UTF_8);
            env = new HashMap<>(Map.of("TF_CLI_CONFIG_FILE", config.toString(), "TF_PLUGIN_CACHE_DIR", WORK.resolve("plugin-cache").toString(),
                    "TF_IN_AUTOMATION", "1", "TF_INPUT", "0", "CHECKPOINT_DISABLE", "1", "TF_WORKSPACE", "default"));
            try (Stream<Path> files = Files.walk(infra)) {
                directories = files.filter(p -> p.toString().endsWith(".tf")).map(p -> infra.relativize(p.getParent()).toString()).distinct()
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The first init fills the plugin cache; the others only link to it. Terraform's plugin cache is not safe
        // for concurrent use: two inits racing on the same provider folder fail with "file exists", and an init
        // without a lock file may re-extract the cached provider while another folder's validate or test reads
        // it through its link ("no package ... cached in .terraform/providers"). So every init runs first, one
        // after the other, and only then do validate and test runs overlap.
        CompletableFuture<Void> previousInit = CompletableFuture.runAsync(() -> init(SERVICE), pool);
        Map<String, CompletableFuture<Void>> inits = new LinkedHashMap<>();
        inits.put(SERVICE, previousInit);
        for (String dir : directories) {
            if (!dir.equals(SERVICE)) {
                previousInit = previousInit.handle((v, e) -> null).thenRunAsync(() -> init(dir), pool);
                inits.put(dir, previousInit);
            }
        }
        CompletableFuture<Void> allInits = CompletableFuture.allOf(inits.values().toArray(CompletableFuture[]::new)).handle((v, e) -> null);
        for (String dir : directories) {
            // waits for every init, then fails with this folder's init failure if it had one
            CompletableFuture<Void> ready = allInits.thenCompose(v -> inits.get(dir));
            validations.put(dir, ready.thenApplyAsync(v -> terraform(dir, VALIDATE, Map.of(), "validate", "-no-color"), pool));
            if (Files.isDirectory(infra.resolve(dir).resolve("tests"))) {
                List<String> args = dir.equals(SERVICE) ? List.of("test", "-no-color", "-json", "-verbose") : List.of("test", "-no-color");
                tests.put(dir, ready.thenApplyAsync(v -> terraform(dir, TEST, Map.of(), args.toArray()), pool));
            }
            if (Files.isDirectory(infra.resolve(dir).resolve("tests/temporary-environment"))) {
                tests.put(dir + " (workspace " + TEMPORARY_WORKSPACE + ")", ready.thenApplyAsync(v -> terraform(dir, TEST,
                        Map.of("TF_WORKSPACE", TEMPORARY_WORKSPACE), "test", "-no-color", "-test-directory=tests/temporary-environment"), pool));
            }
        }
    }

    private void init(String dir) {
        Tools.Result init = terraform(dir, INIT, Map.of(), "init", "-backend=false", "-input=false", "-no-color");
        if (!init.ok()) {
            throw new AssertionError(init.describe());
        }
    }

    private Tools.Result terraform(String dir, Duration timeout, Map<String, String> extraEnv, Object... args) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        List<Object> command = new ArrayList<>();
        command.add(terraform);
        command.addAll(List.of(args));
        return Tools.run(infra.resolve(dir), all, timeout, command.toArray());
    }

    /** The result of a scheduled run, with the failure of the init it waited for as a failed result. */
    static Tools.Result await(CompletableFuture<Tools.Result> run) {
        try {
            return run.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw e;
        }
    }

    /**
     * The state that the service root's run {@code name} left (terraform test -json -verbose prints it
     * after each run): resources with their rendered values, and the outputs.
     */
    JsonNode serviceState(String name) {
        Tools.Result result = await(tests.get(SERVICE));
        for (String line : result.output().split("\n")) {
            if (!line.startsWith("{") || !line.contains("\"test_state\"")) {
                continue;
            }
            JsonNode message = JSON.readTree(line);
            if (name.equals(message.path("@testrun").asString())) {
                return message.path("test_state");
            }
        }
        throw new AssertionError("terraform test printed no state for run \"" + name + "\" of " + SERVICE + ":\n" + messages(result));
    }

    /** The human-readable lines of a -json run: progress, diagnostics and the summary, without states and plans. */
    static String messages(Tools.Result result) {
        StringBuilder text = new StringBuilder();
        for (String line : result.output().split("\n")) {
            if (!line.startsWith("{")) {
                text.append(line).append('\n');
                continue;
            }
            JsonNode message = JSON.readTree(line);
            String type = message.path("type").asString();
            if (type.equals("test_state") || type.equals("test_plan")) {
                continue;
            }
            text.append(message.path("@message").asString());
            JsonNode diagnostic = message.path("diagnostic");
            if (!diagnostic.isMissingNode()) {
                text.append(": ").append(diagnostic.path("summary").asString()).append(" — ").append(diagnostic.path("detail").asString());
                if (diagnostic.has("range")) {
                    text.append(" (").append(diagnostic.path("range").path("filename").asString()).append(':')
                            .append(diagnostic.path("range").path("start").path("line").asInt()).append(')');
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                // keep .terraform folders (their providers are links into the cache), refresh the sources
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    if (Files.isRegularFile(p) && !p.toString().contains("/.terraform/") && !p.getFileName().toString().equals(".terraform.lock.hcl")) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName().toString();
                if (name.equals(".terraform") || name.equals("node_modules")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.getFileName().toString().equals(".terraform.lock.hcl")) {
                    Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
