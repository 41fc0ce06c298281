package com.example.smsconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A second console on the same H2 file stops in one line that names the file and what to do. The first
 * console is another JVM holding the file open (H2 shares an open database between connections of one
 * JVM, so only a second process meets the file lock); the second is the console itself (its
 * {@code Application}, property files, emulator on a free port) started on the same {@code app.data-dir}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecondConsoleOnTheSameH2FileTest {

    private Process first;

    @AfterEach
    void stopTheFirst() throws InterruptedException {
        if (first != null) {
            first.destroy();
            if (!first.waitFor(10, TimeUnit.SECONDS)) {
                first.destroyForcibly();
            }
        }
    }

    @Test
    void the_second_console_stops_in_one_line_naming_the_file(CapturedOutput output) throws Exception {
        Path dataDir = Path.of("target/test-data/second-console-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(dataDir);
        String url = "jdbc:h2:file:" + dataDir + "/console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        first = holdOpen(dataDir, url);

        // started as a console is: the data directory on the command line, over application.properties
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).run("--app.data-dir=" + dataDir, "--app.emulator.port=0", "--server.port=0").close())
                .hasStackTraceContaining("Database may be already in use");

        String log = output.getOut() + output.getErr();
        assertThat(log).contains("APPLICATION FAILED TO START")
                .contains("The H2 database file " + dataDir + "/console.mv.db is in use by another process (another console on the "
                        + "same app.data-dir?): this console cannot open it.")
                .contains("Stop the other console first, or give this one its own data directory (--app.data-dir=...)")
                .doesNotContain("Application run failed")
                .doesNotContain("\tat org.h2");
        assertThat(first.isAlive()).as("the first console keeps its database").isTrue();
    }

    /** Another JVM that opens the database as a console does and keeps it open until it is stopped. */
    private static Process holdOpen(Path dataDir, String url) throws Exception {
        Path source = dataDir.resolve("HoldDatabase.java");
        Files.writeString(source, """
                import java.sql.Connection;
                import java.sql.DriverManager;

                public class HoldDatabase {
                    public static void main(String[] args) throws Exception {
                        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                            c.createStatement().execute("create table if not exists held (id int)");
                            System.out.println("HOLDING");
                            System.out.flush();
                            Thread.sleep(Long.MAX_VALUE);
                        }
                    }
                }
                """);
        String h2 = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", h2, source.toString(), url).redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        assertThat(line).as("the first console opened the database").isEqualTo("HOLDING");
        return process;
    }
}
