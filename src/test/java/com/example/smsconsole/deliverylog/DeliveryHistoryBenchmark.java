package com.example.smsconsole.deliverylog;

import com.example.smsconsole.Application;
import com.example.smsconsole.support.Chromium;
import com.example.smsconsole.support.PostgresTestServer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * The delivery-history benchmark (not part of the test run): generates realistic receipts in the
 * emulator's log group through PutLogEvents, ingests them, runs a fixed set of searches on the store
 * (first page and exact counts, p50/p95), answers the same searches by paging FilterLogEvents over the
 * same data, and measures the server heap per open viewer session for small and large results. On H2
 * and on PostgreSQL. Prints figures; asserts nothing. Run with
 * {@code ./mvnw -Pbenchmark test} (see the README for the options).
 */
class DeliveryHistoryBenchmark {

    private static final PrintStream out = System.out;
    private static final int REPEATS = 25;

    record Search(String name, Supplier<DeliverySearch> filter, String pattern) {
    }

    @Test
    void benchmark() throws Exception {
        int events = Integer.getInteger("benchmark.events", 1_000_000);
        List<String> databases = Arrays.asList(System.getProperty("benchmark.db", "h2,postgres").split(","));
        int sessions = Integer.getInteger("benchmark.sessions", 8);
        // above 1,000,000 receipts the search part loads receipts into the store directly (the emulator need not hold them all);
        // ingestion end to end is measured on 1,000,000
        boolean direct = Boolean.parseBoolean(System.getProperty("benchmark.direct", String.valueOf(events > 1_000_000)));
        boolean compare = !direct && Boolean.parseBoolean(System.getProperty("benchmark.compare", "true"));
        Path work = Path.of("target", "benchmark", Instant.now().toString().replace(":", "-"));
        Files.createDirectories(work);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofDays(7));
        var generator = new ReceiptGenerator(42, 40_000);
        var report = new StringBuilder();
        line(report, "# Delivery history benchmark");
        line(report, "");
        line(report, "%d receipts over %s .. %s; JVM %s, %d cores, max heap %d MB", events, start, end, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<String> messageIds = null;
        Map<String, Paging> cwl = new LinkedHashMap<>();
        for (String database : databases) {
            line(report, "");
            line(report, "## %s", database.equals("postgres") ? "PostgreSQL" : "H2 (file)");
            try (ConfigurableApplicationContext app = start(database, work)) {
                URI emulator = app.getBean(com.example.smsconsole.aws.AwsTarget.class).endpoint();
                try (CloudWatchLogsClient logs = logsClient(emulator)) {
                    var store = app.getBean(com.example.smsconsole.deliverylog.repository.DeliveryStore.class);
                    if (direct) {
                        long t0 = System.nanoTime();
                        messageIds = loadDirectly(store, generator, events, start, end);
                        double s = seconds(t0);
                        line(report, "loaded directly into the store (parsed, keyed, messages and hourly counts kept in step, no emulator):"
                                + " %d receipts, %d messages in %.1f s (%.0f receipts/s)", events, messageIds.size(), s, events / s);
                    }
                    if (!direct && messageIds == null) {
                        long t0 = System.nanoTime();
                        messageIds = put(logs, generator, events, start, end);
                        double s = seconds(t0);
                        line(report, "generated and written with PutLogEvents: %d receipts, %d messages in %.1f s (%.0f receipts/s)",
                                events, messageIds.size(), s, events / s);
                    }
                    var ingestion = app.getBean(DeliveryIngestion.class);
                    if (!direct) {
                    long cpu0 = processCpuMillis();
                    long pg0 = postgresCpuMillis();
                    long t0 = System.nanoTime();
                    var result = ingestion.runOnce();
                    double s = seconds(t0);
                    line(report, "CPU during ingestion: console JVM (with the emulator) %.1f s, PostgreSQL processes %.1f s, in %.1f s wall on %d cores",
                            (processCpuMillis() - cpu0) / 1000.0, (postgresCpuMillis() - pg0) / 1000.0, s, Runtime.getRuntime().availableProcessors());
                    line(report, "ingestion: %d receipts stored in %.1f s = **%.0f receipts/s** end to end (%d FilterLogEvents calls, %d duplicates, error %s)",
                            result.inserted(), s, result.inserted() / s, result.calls(), result.duplicates(), result.error());
                    var again = ingestion.runOnce();
                    line(report, "second run (overlap window re-read): %d new, %d already stored", again.inserted(), again.duplicates());
                    }
                    if (database.equals("postgres")) {
                        long v0 = System.nanoTime();
                        app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).execute("VACUUM (ANALYZE) delivery_event, delivery_event_raw,"
                                + " delivery_message, delivery_event_hourly, delivery_message_hourly, delivery_event_daily, delivery_destination_hourly,"
                                + " delivery_destination_message_hourly");
                        line(report, "VACUUM (ANALYZE) of the delivery tables, which autovacuum does on its own shortly after a load like this: %.1f s",
                                seconds(v0));
                    }
                    Long bytes = store.storeBytes();
                    if (bytes != null) {
                        line(report, "store size: %,d bytes = **%.0f bytes per receipt**, indexes, messages and hourly counts included", bytes,
                                (double) bytes / events);
                    }
                    storeBreakdown(report, app.getBean(org.springframework.jdbc.core.JdbcTemplate.class), database.equals("postgres"), events);
                    // what the store's housekeeping makes of it: every week packed (PostgreSQL packs a week a day after it ends,
                    // the load's last week has not) and the H2 file compacted (every app.delivery.compaction-interval)
                    long p0 = System.nanoTime();
                    int packed = 0;
                    for (long week : store.weeks()) {
                        try {
                            packed += store.packWeek(week) ? 1 : 0;
                        } catch (org.springframework.dao.DataAccessException e) {
                            line(report, "packing week %d failed: %s", week, e.getMostSpecificCause().getMessage());
                        }
                    }
                    var compacted = store.compactH2File(600_000);
                    Long housekept = store.storeBytes();
                    if (housekept != null && (packed > 0 || compacted != null)) {
                        line(report, "after packing %d weekly partitions%s: %.1f s, store size %,d bytes = **%.0f bytes per receipt**", packed,
                                compacted == null ? "" : String.format(java.util.Locale.ROOT, " and compacting the file (%d%% → %d%% live)",
                                        compacted.livePercentBefore(), compacted.livePercentAfter()),
                                seconds(p0), housekept, (double) housekept / events);
                    }
                    if (!Boolean.parseBoolean(System.getProperty("benchmark.searches", "true"))) {
                        continue;
                    }

                    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("benchmark", "x", "ROLE_SUPPORT"));
                    var service = app.getBean(DeliveryLogService.class);
                    List<Search> searches = searches(end, generator.busyNumber(), messageIds.get(messageIds.size() / 2));
                    line(report, "");
                    line(report, "| search | matches | first page p50 / p95 ms | exact count p50 / p95 ms | counts per type p50 / p95 ms"
                            + " | chart p50 / p95 ms | messages: first page p50 / p95 ms | messages: count p50 / p95 ms |%s",
                            compare ? " FilterLogEvents calls | as fast as answered: s, slower | at 5 calls/s: s, slower |" : "");
                    line(report, "|---|---|---|---|---|---|---|---|%s", compare ? "---|---|---|" : "");
                    List<Double> pageP95 = new ArrayList<>();
                    List<Double> ratios = new ArrayList<>();
                    List<Double> countP95 = new ArrayList<>();
                    for (Search search : searches) {
                        DeliverySearch filter = search.filter().get();
                        long matches = service.countEvents(filter);
                        double[] page = time(i -> service.findEvents(shifted(filter, i), 0, 50, true));
                        double[] count = time(i -> service.countEvents(shifted(filter, i)));
                        double[] byType = time(i -> service.countsByType(shifted(filter, i)));
                        double[] chart = time(i -> {
                            DeliverySearch f = shifted(filter, i);
                            service.histogram(f, f.from(), f.to(), 60);
                        });
                        double[] messagesPage = time(i -> service.findMessages(shifted(filter, i), false, 0, 50));
                        double[] messagesCount = time(i -> service.countMessages(shifted(filter, i), false));
                        pageP95.add(Math.max(page[1], messagesPage[1]));
                        countP95.add(Math.max(Math.max(count[1], byType[1]), messagesCount[1]));
                        String paging = "";
                        if (compare) {
                            Paging p = cwl.computeIfAbsent(search.name(), n -> filterLogEvents(logs, search, matches));
                            double storeMillis = page[0] + byType[0];
                            ratios.add(p.pacedMillis() / Math.max(0.01, storeMillis));
                            paging = String.format(" %d | %.2f, %.0f× | %.2f, %.0f× |", p.calls(), p.millis() / 1000.0, p.millis() / Math.max(0.01, storeMillis),
                                    p.pacedMillis() / 1000.0, p.pacedMillis() / Math.max(0.01, storeMillis));
                        }
                        line(report, "| %s | %d | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |%s", search.name(),
                                matches, page[0], page[1], count[0], count[1], byType[0], byType[1], chart[0], chart[1], messagesPage[0],
                                messagesPage[1], messagesCount[0], messagesCount[1], paging);
                    }
                    line(report, "");
                    double[] pending = time(i -> service.findMessages(shifted(searches.getFirst().filter().get(), i), true, 0, 50));
                    double[] pendingCount = time(i -> service.countMessages(shifted(searches.getFirst().filter().get(), i), true));
                    line(report, "| messages without a final receipt after %s, 7 days | | | | | | %.1f / %.1f | %.1f / %.1f |", service.pendingAfter(),
                            pending[0], pending[1], pendingCount[0], pendingCount[1]);
                    pageP95.add(pending[1]);
                    countP95.add(pendingCount[1]);
                    line(report, "");
                    if (compare) {
                        line(report, "smallest FilterLogEvents-to-store ratio at AWS's 5 calls/s: %.0f× (target 100×)",
                                ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0));
                    }
                    line(report, "worst p95 (receipts and messages): first page %.1f ms (target 50), exact count %.1f ms (target 300)",
                            pageP95.stream().mapToDouble(Double::doubleValue).max().orElse(0), countP95.stream().mapToDouble(Double::doubleValue).max().orElse(0));
                    SecurityContextHolder.clearContext();
                    if (sessions > 0) {
                        heapPerSession(report, app, sessions, messageIds.getFirst());
                    }
                    // retention of the oldest receipts, in its small transactions: by default as many as one day of a sender of
                    // ten million texts a month (three receipts each, 30 days: about 330,000 receipts a day); receipts are spread
                    // evenly over the 7 days, so the cut-off lies that share of the 7 days after the start
                    int retained = Math.min(events, Integer.getInteger("benchmark.retention-receipts", 330_000));
                    Instant cutoff = start.plusMillis(Duration.ofDays(7).toMillis() * retained / events);
                    long r0 = System.nanoTime();
                    var purged = store.purgeBefore(cutoff.toEpochMilli(), 5000);
                    line(report, "retention of the oldest %.1f days: %d receipts and %d messages removed (%d weekly partitions dropped) in %d"
                            + " transactions, %.1f s", Duration.between(start, cutoff).toMinutes() / 1440.0, purged.receipts(), purged.messages(),
                            purged.partitionsDropped(), purged.transactions(), seconds(r0));
                }
            }
        }
        if (compare) {
            line(report, "");
            line(report, "FilterLogEvents: the runbook's way of answering the same search, every page over the range (FilterLogEvents"
                    + " returns oldest first, while the viewer shows the newest first with counts per type), against the local emulator."
                    + " \"As fast as answered\" is the emulator's in-memory scan on this machine, with no network; \"at 5 calls/s\" adds"
                    + " only AWS's documented FilterLogEvents quota per account (calls start at least 200 ms apart). The store time is"
                    + " the first page plus the counts per type (p50).");
        }
        Files.writeString(work.resolve("report.md"), report);
        out.println();
        out.println(report);
        out.println("Report written to " + work.resolve("report.md"));
    }

    /** Generates the receipts and stores them as ingestion would, in transactions of 10,000, without CloudWatch Logs. */
    private static List<String> loadDirectly(com.example.smsconsole.deliverylog.repository.DeliveryStore store, ReceiptGenerator generator,
            int events, Instant from, Instant to) {
        String group = "/aws/sms-voice/app-sms/sms-notifications/delivery-receipts";
        List<com.example.smsconsole.deliverylog.repository.DeliveryStore.Receipt> batch = new ArrayList<>();
        long[] seq = {0, 0};
        Runnable flush = () -> {
            if (!batch.isEmpty()) {
                store.store(group, batch, List.of(), seq[1], 0, System.currentTimeMillis());
                batch.clear();
            }
        };
        List<String> ids = generator.generate(events, from, to, r -> {
            try {
                String id = String.format("%056d", seq[0]++);
                batch.add(new com.example.smsconsole.deliverylog.repository.DeliveryStore.Receipt(
                        ReceiptParser.parse(id, r.timestamp(), r.timestamp() + 500, r.stream(), r.message()), r.message(), r.timestamp()));
                seq[1] = r.timestamp();
            } catch (ReceiptParser.MalformedReceiptException e) {
                throw new IllegalStateException(e);
            }
            if (batch.size() == 10_000) {
                flush.run();
            }
            if (seq[0] % 1_000_000 == 0) {
                out.printf("  loaded %,d receipts%n", seq[0]);
            }
        });
        flush.run();
        return ids;
    }

    private static List<Search> searches(Instant end, String busyNumber, String messageId) {
        Instant d7 = end.minus(Duration.ofDays(7));
        Instant d1 = end.minus(Duration.ofDays(1));
        Instant h1 = end.minus(Duration.ofHours(1));
        Instant m30 = end.minus(Duration.ofMinutes(30));
        Instant customFrom = end.minus(Duration.ofDays(2)).minus(Duration.ofMinutes(17));
        Instant customTo = customFrom.plus(Duration.ofHours(3));
        String failures = String.join(" || ", ReceiptGenerator.failureTypes().stream().map(t -> "$.eventType = \"" + t + "\"").toList());
        return List.of(
                new Search("all, last 7 days", () -> DeliverySearch.empty().withRange(d7, end), ""),
                new Search("TEXT_DELIVERED, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withEventTypes(Set.of("TEXT_DELIVERED")),
                        "{ $.eventType = \"TEXT_DELIVERED\" }"),
                new Search("all failure types, 7 days", () -> DeliverySearch.empty().withRange(d7, end)
                        .withEventTypes(Set.copyOf(ReceiptGenerator.failureTypes())), "{ " + failures + " }"),
                new Search("final only, last 24 h", () -> DeliverySearch.empty().withRange(d1, end).withFinalOnly(true),
                        "{ $.isFinal IS TRUE }"),
                new Search("all, last 1 h", () -> DeliverySearch.empty().withRange(h1, end), ""),
                new Search("TEXT_QUEUED, last 30 min", () -> DeliverySearch.empty().withRange(m30, end).withEventTypes(Set.of("TEXT_QUEUED")),
                        "{ $.eventType = \"TEXT_QUEUED\" }"),
                new Search("full number, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withDestination(busyNumber),
                        "{ $.destinationPhoneNumber = \"" + busyNumber + "\" }"),
                new Search("prefix +1425, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withDestination("+1425"),
                        "{ $.destinationPhoneNumber = \"+1425*\" }"),
                new Search("prefix +44 + TEXT_DELIVERED, 24 h", () -> DeliverySearch.empty().withRange(d1, end).withDestination("+44")
                        .withEventTypes(Set.of("TEXT_DELIVERED")),
                        "{ $.destinationPhoneNumber = \"+44*\" && $.eventType = \"TEXT_DELIVERED\" }"),
                new Search("message id, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withMessageId(messageId),
                        "{ $.messageId = \"" + messageId + "\" }"),
                new Search("country ES, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withCountry("ES"),
                        "{ $.isoCountryCode = \"ES\" }"),
                new Search("GB + TEXT_BLOCKED + final, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withCountry("GB")
                        .withEventTypes(Set.of("TEXT_BLOCKED")).withFinalOnly(true),
                        "{ $.isoCountryCode = \"GB\" && $.eventType = \"TEXT_BLOCKED\" && $.isFinal IS TRUE }"),
                new Search("origination +12065550101, 7 days", () -> DeliverySearch.empty().withRange(d7, end).withOrigination("+12065550101"),
                        "{ $.originationPhoneNumber = \"+12065550101\" }"),
                new Search("context account=a7, 24 h", () -> DeliverySearch.empty().withRange(d1, end)
                        .withContext(new SearchDimension.ContextMatch("account", "a7")), "{ $.context.account = \"a7\" }"),
                new Search("context account=a7, 7 days", () -> DeliverySearch.empty().withRange(d7, end)
                        .withContext(new SearchDimension.ContextMatch("account", "a7")), "{ $.context.account = \"a7\" }"),
                new Search("custom 3 h, SUCCESSFUL+DELIVERED", () -> DeliverySearch.empty().withRange(customFrom, customTo)
                        .withEventTypes(Set.of("TEXT_SUCCESSFUL", "TEXT_DELIVERED")),
                        "{ $.eventType = \"TEXT_SUCCESSFUL\" || $.eventType = \"TEXT_DELIVERED\" }"));
    }

    /**
     * Bytes per receipt of each delivery table and each of its indexes (on PostgreSQL summed over the
     * weekly partitions; a table's figure includes its TOAST part), largest first.
     */
    private static void storeBreakdown(StringBuilder report, org.springframework.jdbc.core.JdbcTemplate jdbc, boolean postgres, int events) {
        List<Map<String, Object>> rows;
        if (postgres) {
            rows = jdbc.queryForList("""
                    SELECT c.relname AS name, CASE WHEN c.relkind IN ('i', 'I') THEN 'index' ELSE 'table' END AS kind,
                        CASE WHEN c.relkind IN ('p', 'I')
                            THEN (SELECT COALESCE(SUM(CASE WHEN c.relkind = 'I' THEN pg_relation_size(t.relid) ELSE pg_table_size(t.relid) END), 0)
                                  FROM pg_partition_tree(c.oid) t)
                            WHEN c.relkind = 'i' THEN pg_relation_size(c.oid) ELSE pg_table_size(c.oid) END AS bytes
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'i', 'I') AND NOT c.relispartition
                        AND (c.relname LIKE 'delivery%' OR c.relname LIKE 'ingest%')
                    ORDER BY bytes DESC""");
        } else {
            rows = jdbc.queryForList("""
                    SELECT table_name AS name, 'table' AS kind, DB_OBJECT_SIZE('TABLE', table_schema, table_name) AS bytes
                    FROM information_schema.tables WHERE table_schema = current_schema AND (table_name LIKE 'delivery%' OR table_name LIKE 'ingest%')
                    UNION ALL
                    SELECT index_name || ' (' || table_name || ')', 'index', DB_OBJECT_SIZE('INDEX', index_schema, index_name)
                    FROM information_schema.indexes WHERE index_schema = current_schema AND (table_name LIKE 'delivery%' OR table_name LIKE 'ingest%')
                        -- a table whose primary key is one BIGINT is that index (H2 reports the same pages twice)
                        AND DB_OBJECT_SIZE('INDEX', index_schema, index_name) <> DB_OBJECT_SIZE('TABLE', table_schema, table_name)
                    ORDER BY bytes DESC""");
        }
        line(report, "");
        line(report, "| relation | kind | bytes | bytes per receipt |");
        line(report, "|---|---|---|---|");
        long total = 0;
        for (Map<String, Object> row : rows) {
            long bytes = row.get("bytes") == null ? 0 : ((Number) row.get("bytes")).longValue();
            total += bytes;
            line(report, "| %s | %s | %,d | %.1f |", row.get("name"), row.get("kind"), bytes, (double) bytes / events);
        }
        line(report, "| (sum) | | %,d | %.1f |", total, (double) total / events);
        if (!postgres) {
            line(report, "(the H2 file also holds free space of chunks not yet rewritten, so it is larger than the sum)");
        }
        line(report, "");
    }

    private static ConfigurableApplicationContext start(String database, Path work) throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("app.data-dir", work.resolve(database).toAbsolutePath().toString());
        properties.put("app.emulator.port", "0");
        properties.put("app.emulator.data-dir", work.resolve("emulator").toString());
        properties.put("app.delivery.ingest.enabled", "false");
        properties.put("app.delivery.ingest.max-calls-per-second", "0");
        properties.put("app.delivery.ingest.initial-lookback", "8d");
        properties.put("app.delivery.ingest.lease-duration", "30m");
        properties.put("logging.level.root", "WARN");
        properties.put("vaadin.launch-browser", "false");
        if (database.equals("postgres")) {
            var server = PostgresTestServer.get();
            String url = server.createDatabase("benchmark") + "?reWriteBatchedInserts=true";
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", server.user());
            properties.put("spring.datasource.password", server.password());
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class).run(args);
    }

    private static CloudWatchLogsClient logsClient(URI endpoint) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    /** Writes the receipts with PutLogEvents, one batch per stream at a time (at most 1 MB, 10,000 events). */
    private static List<String> put(CloudWatchLogsClient logs, ReceiptGenerator generator, int events, Instant from, Instant to) {
        String group = "/aws/sms-voice/app-sms/sms-notifications/delivery-receipts";
        Set<String> streams = new java.util.HashSet<>();
        List<InputLogEvent> batch = new ArrayList<>();
        String[] batchStream = {null};
        long[] bytes = {0};
        Runnable flush = () -> {
            if (batch.isEmpty()) {
                return;
            }
            String stream = batchStream[0];
            if (streams.add(stream)) {
                try {
                    logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
                } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException e) {
                    out.println("  stream " + stream + " already exists; known: " + streams.size());
                }
            }
            logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(batch));
            batch.clear();
            bytes[0] = 0;
        };
        List<String> ids = generator.generate(events, from, to, r -> {
            long size = r.message().length() + 26;
            if (!r.stream().equals(batchStream[0]) || batch.size() == 10_000 || bytes[0] + size > 1_000_000) {
                flush.run();
                batchStream[0] = r.stream();
            }
            batch.add(InputLogEvent.builder().timestamp(r.timestamp()).message(r.message()).build());
            bytes[0] += size;
        });
        flush.run();
        return ids;
    }

    /** How the runbook's paging went: calls, the time taken, and the time at AWS's quota of 5 calls a second. */
    record Paging(int calls, long millis, long pacedMillis) {
    }

    /** Answers one search the runbook's way: every FilterLogEvents page over the range. */
    private static Paging filterLogEvents(CloudWatchLogsClient logs, Search search, long expected) {
        DeliverySearch filter = search.filter().get();
        long startTime = filter.from() == null ? 0 : filter.from().toEpochMilli();
        long endTime = filter.to().toEpochMilli() - 1;
        String token = null;
        long found = 0;
        int calls = 0;
        long millis = 0;
        long paced = 0;
        do {
            String current = token;
            long t0 = System.nanoTime();
            FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName("/aws/sms-voice/app-sms/sms-notifications/delivery-receipts")
                    .startTime(startTime).endTime(endTime).filterPattern(search.pattern().isEmpty() ? null : search.pattern()).nextToken(current));
            long took = (System.nanoTime() - t0) / 1_000_000;
            found += page.events().size();
            token = page.nextToken();
            calls++;
            millis += took;
            // at 5 calls a second the next call starts 200 ms after this one did at the earliest
            paced += token == null ? took : Math.max(took, 200);
        } while (token != null);
        if (found != expected) {
            out.printf("  note: FilterLogEvents found %d for '%s', the store %d%n", found, search.name(), expected);
        }
        out.printf("  FilterLogEvents '%s': %d calls, %d events, %d ms%n", search.name(), calls, found, millis);
        return new Paging(calls, millis, paced);
    }

    private static void heapPerSession(StringBuilder report, ConfigurableApplicationContext app, int sessions, String messageId) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://localhost:" + port;
        List<BrowserContext> open = new ArrayList<>();
        try {
            long baseline = usedHeapAfterGc();
            openSessions(open, base + "/delivery-history?range=7d&msg=" + messageId, sessions);
            long small = usedHeapAfterGc();
            openSessions(open, base + "/delivery-history?range=7d", sessions);
            long large = usedHeapAfterGc();
            line(report, "");
            line(report, "heap per open viewer session (after GC): %.0f KB for a result of 3 receipts, %.0f KB for a result of all receipts of 7 days",
                    (small - baseline) / 1024.0 / sessions, (large - small) / 1024.0 / sessions);
        } finally {
            open.forEach(BrowserContext::close);
        }
    }

    private static void openSessions(List<BrowserContext> open, String url, int count) {
        for (int i = 0; i < count; i++) {
            BrowserContext context = Chromium.newContext();
            open.add(context);
            Page page = context.newPage();
            Chromium.login(page, url.substring(0, url.indexOf("/delivery-history")), "support", "support");
            page.navigate(url);
            page.locator("vaadin-grid vaadin-grid-cell-content").first().waitFor();
            page.waitForTimeout(500);
        }
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /**
     * The filter with its range moved back by {@code millis}: each repetition asks a query the
     * database has not answered yet, so no result cache (H2 keeps the last result of a statement)
     * answers it.
     */
    private static DeliverySearch shifted(DeliverySearch filter, int millis) {
        return filter.withRange(filter.from() == null ? null : filter.from().minusMillis(millis),
                filter.to() == null ? null : filter.to().minusMillis(millis));
    }

    private static double[] time(java.util.function.IntConsumer work) {
        for (int i = 0; i < 5; i++) {
            work.accept(REPEATS + 1 + i);
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            work.accept(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[REPEATS / 2], ms[(int) Math.ceil(REPEATS * 0.95) - 1]};
    }

    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** CPU time of all postgres processes on the machine, from /proc (Linux), in milliseconds. */
    private static long postgresCpuMillis() {
        long ticks = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : dirs.toList()) {
                if (!dir.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException e) {
                    // the process ended
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void line(StringBuilder report, String format, Object... args) {
        String text = args.length == 0 ? format : String.format(format, args);
        report.append(text).append('\n');
        out.println(text);
    }
}
