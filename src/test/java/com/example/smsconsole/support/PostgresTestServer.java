package com.example.smsconsole.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for the test run, started once per JVM from the machine's PostgreSQL
 * binaries (Debian's {@code postgresql} package) into a throw-away directory, and stopped at exit.
 * As root it runs the server as the {@code postgres} user, since PostgreSQL refuses to run as root.
 * With {@code TEST_POSTGRES_URL} (plus {@code TEST_POSTGRES_USER}/{@code TEST_POSTGRES_PASSWORD})
 * an existing server is used instead. Without either, tests that need it fail with a message that
 * says what to install; they never skip.
 */
public final class PostgresTestServer {

    private static PostgresTestServer instance;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminUrl;
    private int databases;

    private PostgresTestServer(String host, int port, String user, String password, String adminUrl) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminUrl = adminUrl;
    }

    /** The server, started on first use. */
    public static synchronized PostgresTestServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A new, empty database on the server; its JDBC URL. */
    public synchronized String createDatabase(String prefix) {
        String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + (++databases)).toLowerCase();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    public PGSimpleDataSource dataSource(String jdbcUrl) {
        var ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static PostgresTestServer start() {
        String externalUrl = System.getenv("TEST_POSTGRES_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            String u = envOr("TEST_POSTGRES_USER", "postgres");
            String p = envOr("TEST_POSTGRES_PASSWORD", "");
            var uri = java.net.URI.create(externalUrl.substring("jdbc:".length()));
            return new PostgresTestServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), u, p, externalUrl);
        }
        Path bin = findBinaries();
        try {
            int port = freePort();
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("sms-console-pg-");
            Path data = dir.resolve("data");
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), dir, false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-instructions"), dir, root);
            String options = "-p " + port + " -k " + dir + " -h 127.0.0.1 -c fsync=off -c synchronous_commit=off"
                    + " -c full_page_writes=off -c max_connections=200 -c shared_buffers=256MB";
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), dir, root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, dir, root)));
            return new PostgresTestServer("127.0.0.1", port, "postgres", "", "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a PostgreSQL test server: " + e.getMessage(), e);
        }
    }

    private static void stop(Path bin, Path data, Path dir, boolean root) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), dir, root);
        } catch (RuntimeException | IOException e) {
            // the process is ending anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("TEST_POSTGRES_BIN");
        if (configured != null) {
            candidates.add(Paths.get(configured));
        }
        try (Stream<Path> versions = Files.list(Paths.get("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin"))
                    .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
                    .forEach(candidates::add);
        } catch (IOException e) {
            // not a Debian layout
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Paths.get(dir));
        }
        return candidates.stream()
                .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("""
                        The PostgreSQL tests need a PostgreSQL server: install Debian's 'postgresql' package \
                        (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin), set TEST_POSTGRES_BIN to \
                        the folder holding initdb and pg_ctl, or set TEST_POSTGRES_URL to a running server."""));
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void run(List<String> command, Path dir, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Command failed: " + String.join(" ", full) + "\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + full, e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
