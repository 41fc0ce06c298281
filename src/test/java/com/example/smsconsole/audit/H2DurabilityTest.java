package com.example.smsconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the console has committed survive a {@code kill -9} of the console right after the commit:
 * a child JVM opens the H2 file with the console's own default URL, commits audit and test-send
 * rows, says so, and is killed with SIGKILL at once; the file then holds every row it committed.
 *
 * <p>H2 documents that by default it delays writing a commit to the file by up to 500 ms ("SET
 * WRITE_DELAY ... The default is 500 ms ... This setting can be appended to the database URL:
 * jdbc:h2:./test;WRITE_DELAY=0", h2database help.csv, version 2.4.240), which is the window in which
 * the rows were lost.
 */
class H2DurabilityTest {

    static final int ROWS = 20;

    @TempDir
    Path dir;

    @Test
    void the_default_url_writes_each_commit_before_it_returns() throws IOException {
        assertThat(defaultUrl()).contains(";WRITE_DELAY=0");
    }

    @Test
    void committed_rows_survive_a_kill_9_right_after_the_commit() throws Exception {
        String url = defaultUrl().replace("${app.data-dir}", dir.toString());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), url, Integer.toString(ROWS))
                .redirectErrorStream(true).start();
        String last = "";
        long confirmed = 0;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
                if (line.startsWith("COMMITTED")) {
                    confirmed = Long.parseLong(line.substring("COMMITTED ".length()));
                    // SIGKILL on Linux (Process.destroyForcibly): no shutdown hook, no close of the database
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(last).as("the child's last line").startsWith("COMMITTED");
        assertThat(child.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);

        var ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        var jdbc = JdbcClient.create(ds);
        long audit = jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'DurabilityProbe'").query(Long.class).single();
        long sends = jdbc.sql("SELECT COUNT(*) FROM test_send WHERE username = 'durability'").query(Long.class).single();
        System.out.printf("kill -9 right after a confirmed commit: %d confirmed, %d audit rows and %d test-send rows on file%n",
                confirmed, audit, sends);
        assertThat(audit).isGreaterThanOrEqualTo(confirmed);
        assertThat(sends).isGreaterThanOrEqualTo(confirmed);
        jdbc.sql("SHUTDOWN").update();
    }

    static String defaultUrl() throws IOException {
        var properties = new Properties();
        try (InputStream in = H2DurabilityTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:");
        return url;
    }

}
