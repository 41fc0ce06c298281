package com.example.smsconsole.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The command-line tools the infrastructure tests run (terraform, cfn-lint, node, npm, make). A missing
 * tool fails the test with what to install: these checks never skip.
 */
final class Tools {

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Result(List<String> command, int exit, String output) {

        boolean ok() {
            return exit == 0;
        }

        /** The command and the end of its output, for an assertion message. */
        String describe() {
            String tail = output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
            return String.join(" ", command) + " exited " + exit + ":\n" + tail;
        }
    }

    private Tools() {
    }

    /** The tool's path on PATH, or an AssertionError that says how to install it. */
    static Path require(String name, String install) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isBlank()).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError("`" + name + "` is not on PATH. " + install));
    }

    static Path terraform() {
        return require("terraform", "Install Terraform 1.10 or newer (https://developer.hashicorp.com/terraform/install); "
                + "the infrastructure tests run terraform init, validate, test and fmt.");
    }

    static Path cfnLint() {
        return require("cfn-lint", "Install cfn-lint 1.x (pip install cfn-lint); it checks the CloudFormation templates.");
    }

    static Path node() {
        return require("node", "Install Node.js 18 or newer (Debian package nodejs); it runs the IAM simulation.");
    }

    static Path npm() {
        return require("npm", "Install npm (Debian package npm); it installs the IAM simulation's packages.");
    }

    static Result run(Path dir, Map<String, String> env, Duration timeout, List<String> command) {
        // no standard input: a tool that would read a template or an answer from it ends instead of waiting
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        try {
            Path log = Files.createTempFile("tool-", ".log");
            try {
                builder.redirectOutput(log.toFile());
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
                }
                return new Result(List.copyOf(command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    static Result run(Path dir, Map<String, String> env, Duration timeout, Object... command) {
        List<String> args = new ArrayList<>();
        for (Object part : command) {
            args.add(part.toString());
        }
        return run(dir, env, timeout, args);
    }
}
