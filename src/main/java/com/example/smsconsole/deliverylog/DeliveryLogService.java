package com.example.smsconsole.deliverylog;

import com.example.smsconsole.audit.AuditService;
import com.example.smsconsole.common.SmsResources;
import com.example.smsconsole.deliverylog.repository.DeliveryQueries;
import com.example.smsconsole.deliverylog.repository.DeliveryStore;
import com.example.smsconsole.security.AppRoles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Searching the delivery history (receipts and messages), its chart and CSV export, and the state
 * of ingestion. Reading is for support, QA and admins; a manual sync is for admins and audited.
 */
@Service
@PreAuthorize(AppRoles.ANY_ROLE)
public class DeliveryLogService {

    /** One column of the CSV export: its header and its cell for a receipt. */
    private record CsvColumn(String name, Function<DeliveryEvent, @Nullable String> cell) {
    }

    /** The CSV export's columns, in order; every search dimension's declared CSV column is one of them. */
    private static final List<CsvColumn> CSV = List.of(
            new CsvColumn("event_time", e -> e.eventAt().toString()),
            new CsvColumn("event_type", DeliveryEvent::eventType),
            new CsvColumn("message_id", DeliveryEvent::messageId),
            new CsvColumn("destination", DeliveryEvent::destination),
            new CsvColumn("origination", DeliveryEvent::origination),
            new CsvColumn("configuration_set", DeliveryEvent::configurationSet),
            new CsvColumn("country", DeliveryEvent::country),
            new CsvColumn("message_status", DeliveryEvent::messageStatus),
            new CsvColumn("status_description", DeliveryEvent::statusDescription),
            new CsvColumn("message_type", DeliveryEvent::messageType),
            new CsvColumn("encoding", DeliveryEvent::encoding),
            new CsvColumn("parts", e -> e.parts() == null ? null : e.parts().toString()),
            new CsvColumn("price_usd", e -> plain(e.price())),
            new CsvColumn("carrier_fee_usd", e -> plain(e.carrierFee())),
            new CsvColumn("is_final", e -> Boolean.toString(e.isFinal())),
            new CsvColumn("carrier", DeliveryEvent::carrier),
            new CsvColumn("context", DeliveryEvent::context),
            new CsvColumn("event_id", DeliveryEvent::eventId));

    /** The columns of the CSV export, in order. */
    public static final List<String> CSV_COLUMNS = CSV.stream().map(CsvColumn::name).toList();

    private final DeliveryStore store;
    private final DeliveryQueries queries;
    private final DeliveryIngestion ingestion;
    private final IngestionProperties ingestionProperties;
    private final DeliveryViewProperties viewProperties;
    private final SmsResources resources;
    private final AuditService audit;
    private final Clock clock;
    private final ExecutorService syncs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "delivery-sync");
        t.setDaemon(true);
        return t;
    });

    DeliveryLogService(DeliveryStore store, DeliveryQueries queries, DeliveryIngestion ingestion, IngestionProperties ingestionProperties,
            DeliveryViewProperties viewProperties, SmsResources resources, AuditService audit, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.ingestion = ingestion;
        this.ingestionProperties = ingestionProperties;
        this.viewProperties = viewProperties;
        this.resources = resources;
        this.audit = audit;
        this.clock = clock;
    }

    /** Receipts matching the filter, newest first unless asked otherwise. */
    public List<DeliveryEvent> findEvents(DeliverySearch filter, int offset, int limit, boolean newestFirst) {
        return queries.findEvents(filter, offset, limit, newestFirst);
    }

    /** Receipts matching the filter in the given order (time, number, type or country), sorted on the server. */
    public List<DeliveryEvent> findEventsSorted(DeliverySearch filter, int offset, int limit, DeliverySort sort) {
        return queries.findEvents(filter, offset, limit, sort);
    }

    /** The exact number of receipts matching the filter. */
    public long countEvents(DeliverySearch filter) {
        return queries.countEvents(filter);
    }

    /** For each event type, how many receipts match the rest of the filter (its type selection ignored). */
    public Map<String, Long> countsByType(DeliverySearch filter) {
        return queries.countsByType(filter.withEventTypes(java.util.Set.of()));
    }

    /** Every event type present in the store, including types newer than the console. */
    public List<String> eventTypesPresent() {
        return queries.eventTypes();
    }

    /** The newest log events of the receipt log group that could not be parsed, newest first. */
    public List<MalformedReceipt> malformed(int limit) {
        return store.malformed(resources.deliveryLogGroup(), limit).stream()
                .map(m -> new MalformedReceipt(m.eventId(), m.logStream(), Instant.ofEpochMilli(m.logTimestamp()), m.error(), m.raw())).toList();
    }

    /** When FilterLogEvents was last throttled in this instance (ingestion backs off meanwhile), if ever. */
    public Optional<Instant> lastThrottledAt() {
        return ingestion.lastThrottledAt();
    }

    /** Messages (latest state of each) first seen in the filter's range, newest first. */
    public List<DeliveryMessage> findMessages(DeliverySearch filter, boolean pendingOnly, int offset, int limit) {
        return queries.findMessages(filter, pendingOnly, pendingBefore(), offset, limit);
    }

    public long countMessages(DeliverySearch filter, boolean pendingOnly) {
        return queries.countMessages(filter, pendingOnly, pendingBefore());
    }

    /** After how long without a final receipt a message is flagged. */
    public Duration pendingAfter() {
        return viewProperties.pendingAfter();
    }

    private long pendingBefore() {
        return clock.millis() - viewProperties.pendingAfter().toMillis();
    }

    /** Every receipt of one message, oldest first. */
    public List<DeliveryEvent> timeline(String messageId) {
        return queries.timeline(messageId);
    }

    public Optional<DeliveryMessage> message(String messageId) {
        return queries.message(messageId);
    }

    /** The receipt as AWS wrote it. */
    public Optional<String> rawJson(DeliveryEvent event) {
        return queries.raw(event.eventId(), event.eventAt());
    }

    /**
     * Receipts per type over [from, to) in about {@code buckets} slices: 1, 2, 5 or 10 minutes for
     * short ranges, else whole hours (answered from the hourly counts), aligned to their size.
     */
    public Histogram histogram(DeliverySearch filter, Instant from, Instant to, int buckets) {
        long bucket = bucketFor(Math.max(1, to.toEpochMilli() - from.toEpochMilli()) / Math.max(1, buckets));
        long start = Math.floorDiv(from.toEpochMilli(), bucket) * bucket;
        Map<Long, Map<String, Long>> counts = queries.histogram(filter, start, to.toEpochMilli(), bucket);
        List<Instant> starts = new ArrayList<>();
        for (long t = start; t < to.toEpochMilli(); t += bucket) {
            starts.add(Instant.ofEpochMilli(t));
        }
        Map<Instant, Map<String, Long>> byStart = new TreeMap<>();
        counts.forEach((k, v) -> byStart.put(Instant.ofEpochMilli(k), v));
        return new Histogram(starts, Duration.ofMillis(bucket), byStart);
    }

    static long bucketFor(long wantedMillis) {
        for (long minutes : new long[] {1, 2, 5, 10}) {
            if (wantedMillis <= minutes * 60_000) {
                return minutes * 60_000;
            }
        }
        for (long hours : new long[] {1, 2, 3, 4, 6, 12, 24}) {
            if (wantedMillis <= hours * 3_600_000) {
                return hours * 3_600_000;
            }
        }
        return Math.ceilDiv(wantedMillis, 86_400_000L) * 86_400_000L;
    }

    /** Receipts per type and time bucket. */
    public record Histogram(List<Instant> bucketStarts, Duration bucket, Map<Instant, Map<String, Long>> counts) {
    }

    /** The most rows one export holds. */
    public int exportCap() {
        return viewProperties.exportCap();
    }

    /**
     * Writes the receipts matching the filter as CSV (UTF-8, header row, newest first), streamed
     * row by row, at most {@link #exportCap()} rows. Audited.
     *
     * @return the number of data rows written
     */
    public int exportCsv(DeliverySearch filter, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            writer.write(String.join(",", CSV_COLUMNS) + "\r\n");
            int rows = queries.stream(filter, viewProperties.exportCap(), e -> {
                try {
                    writer.write(csv(CSV.stream().map(c -> c.cell().apply(e)).toArray(String[]::new)));
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            });
            writer.flush();
            audit.success("ExportDeliveryHistory", filter.describe(), null, rows + " rows (cap " + viewProperties.exportCap() + ")");
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable String plain(@Nullable BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /**
     * One CSV line. A cell a spreadsheet would read as a formula is prefixed with {@code '}: one that
     * starts with {@code = + - @} (unless it is a plain number such as {@code +14255550123} or
     * {@code -0.5}), a TAB or a carriage return (OWASP, "CSV Injection").
     */
    static String csv(@Nullable String... values) {
        var line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            String v = values[i] == null ? "" : values[i];
            if (!v.isEmpty() && ("\t\r".indexOf(v.charAt(0)) >= 0 || ("=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-]?[0-9.]+")))) {
                v = "'" + v;
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            line.append(v);
        }
        return line.append("\r\n").toString();
    }

    /** Where ingestion stands. */
    public IngestionStatus status() {
        String group = resources.deliveryLogGroup();
        long now = clock.millis();
        var state = store.state(group);
        var runs = store.runsSince(group, now - 600_000);
        long stored = runs.stream().mapToLong(DeliveryStore.Run::inserted).sum();
        double minutes = runs.isEmpty() ? 10 : Math.max(1, (now - runs.getLast().startedAt()) / 60_000.0);
        var last = store.lastRun(group, false);
        var lastSuccess = store.lastRun(group, true);
        return new IngestionStatus(group, ingestionProperties.enabled(), ingestion.isRunning(),
                state.map(s -> s.watermarkAt() > 0 ? Instant.ofEpochMilli(s.watermarkAt()) : null).orElse(null),
                last.map(r -> Instant.ofEpochMilli(r.finishedAt())).orElse(null),
                lastSuccess.map(r -> Instant.ofEpochMilli(r.finishedAt())).orElse(null),
                state.map(DeliveryStore.State::eventsTotal).orElse(0L),
                state.map(DeliveryStore.State::duplicatesTotal).orElse(0L),
                state.map(DeliveryStore.State::malformedTotal).orElse(0L),
                stored / minutes,
                state.map(DeliveryStore.State::lastError).orElse(null),
                state.map(s -> s.lastErrorAt() == null ? null : Instant.ofEpochMilli(s.lastErrorAt())).orElse(null),
                store.oldestEventAt().orElse(null), store.storeBytes(), viewProperties.retention().toDays());
    }

    /** Starts an ingestion run now (admins); audited with what it stored. */
    @PreAuthorize(AppRoles.ONLY_ADMIN)
    public CompletableFuture<String> syncNow() {
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        return CompletableFuture.supplyAsync(() -> {
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            try {
                DeliveryIngestion.RunResult result = ingestion.runOnce();
                String target = resources.deliveryLogGroup();
                if (!result.ran()) {
                    audit.refused("SyncDeliveryHistory", target, "A sync is already running (here or on another instance).");
                    return "A sync is already running; try again in a moment.";
                }
                String detail = result.inserted() + " new receipts, " + result.duplicates() + " already stored, " + result.malformed()
                        + " malformed, " + result.calls() + " FilterLogEvents calls" + (result.throttled() > 0 ? ", " + result.throttled() + " throttled" : "");
                if (result.error() != null) {
                    audit.failure("SyncDeliveryHistory", target, null, result.error());
                    return "Sync stopped: " + result.error();
                }
                audit.success("SyncDeliveryHistory", target, null, detail);
                return "Synced: " + detail + ".";
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        }, syncs);
    }

    /** Asks for an ingestion run soon, for a view that waits for the receipts of a message it just sent. */
    public void requestSync() {
        syncs.execute(ingestion::runOnce);
    }

    /** Messages first seen in [from, to) by latest state, with spend and the top failure descriptions. */
    public DeliverySummary summary(Instant from, Instant to) {
        long delivered = 0;
        long inProgress = 0;
        long messages = 0;
        BigDecimal spend = BigDecimal.ZERO;
        Map<String, Long> failed = new LinkedHashMap<>();
        for (DeliveryQueries.TypeTotals row : queries.messageTotals(from, to)) {
            String type = row.latestType();
            long count = row.messages();
            messages += count;
            spend = spend.add(row.price()).add(row.carrierFee());
            if (DeliveryEventTypes.isSuccess(type)) {
                delivered += count;
            } else if (DeliveryEventTypes.isInProgress(type)) {
                inProgress += count;
            } else {
                failed.merge(type, count, Long::sum);
            }
        }
        List<String> failureTypes = DeliveryEventTypes.ALL.stream().filter(DeliveryEventTypes::isFailure).toList();
        List<DeliverySummary.Failure> top = queries.topFailureDescriptions(from.toEpochMilli(), to.toEpochMilli(), failureTypes, 5).stream()
                .map(r -> new DeliverySummary.Failure((String) r.get("latest_type"), String.valueOf(r.get("latest_description")),
                        ((Number) r.get("messages")).longValue()))
                .toList();
        return new DeliverySummary(from, to, messages, delivered, failed, inProgress, spend, top);
    }

    /** The newest receipt stored, if any. */
    public Optional<Instant> newestReceipt() {
        return queries.newestEventAt();
    }
}
