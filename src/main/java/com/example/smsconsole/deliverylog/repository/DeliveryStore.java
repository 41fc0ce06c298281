package com.example.smsconsole.deliverylog.repository;

import com.example.smsconsole.deliverylog.DeliveryEvent;
import com.example.smsconsole.deliverylog.DeliveryMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing the delivery store: receipts and their raw JSON, the latest state of each message with
 * the keys of its receipts, hourly counts per type, country, finality and origination identity, the destination prefixes
 * seen, malformed receipts, and the ingestion watermark, lease and runs ({@link DeliveryQueries}
 * searches it). SQL runs on H2 (PostgreSQL mode) and PostgreSQL; on PostgreSQL rows are written
 * with COPY.
 */
@Repository
public class DeliveryStore {

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final int IN_CHUNK = 500;
    private static final int ROWS_PER_STATEMENT = 400;
    private static final int MAX_KEYS_TEXT = 4000;
    static final int PREFIX_LENGTH = 5;

    /**
     * Receipts of one destination in one stored batch that promote it to its own hourly counts
     * (delivery_busy_destination, V71); see docs/decisions/008-20261202-delivery-store-scale.md, "Counts".
     */
    static final int BUSY_DESTINATION_RECEIPTS = 100;

    /**
     * A receipt to store, with its raw JSON and the CloudWatch Logs timestamp it was found at. What the
     * store derives from the receipt alone (its key, its raw JSON packed, its event id as bytes and its
     * context pairs) is worked out when the receipt is made, so ingestion does that on its fetching thread
     * while the storing thread waits for the database (see docs/decisions/008-20261202-delivery-store-scale.md,
     * "Ingestion end to end").
     */
    public record Receipt(DeliveryEvent event, String raw, long logTimestamp, long key, byte[] packed, byte[] eventId,
            Map<String, String> contextPairs) {

        public Receipt(DeliveryEvent event, String raw, long logTimestamp) {
            this(event, raw, logTimestamp, EventKeys.of(event.eventAt().toEpochMilli(), event.eventId()), PackedJson.pack(raw),
                    EventIds.encode(event.eventId()), DeliveryStore.contextPairs(event.context()));
        }
    }

    /** A log event that is not a receipt. */
    public record Malformed(String eventId, @Nullable String logStream, long logTimestamp, long ingestedAt, String error, String raw) {
    }

    /** What storing one batch did. */
    public record StoreResult(int inserted, int duplicates, int malformed) {
    }

    /** The persisted state of one log group's ingestion. */
    public record State(String logGroup, long watermarkAt, long updatedAt, long eventsTotal, long duplicatesTotal, long malformedTotal,
            @Nullable String lastError, @Nullable Long lastErrorAt) {
    }

    /** One ingestion run. */
    public record Run(String logGroup, String owner, long startedAt, long finishedAt, int calls, int eventsRead, int inserted, int duplicates,
            int malformed, int throttled, @Nullable String error) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final boolean postgres;

    public DeliveryStore(DataSource dataSource, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = new TransactionTemplate(transactionManager);
        this.postgres = Boolean.TRUE.equals(jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    // ------------------------------------------------------------------ writing

    /**
     * Stores receipts in one transaction: new receipts (those already stored are recognized by
     * their event id and skipped), hourly counts and message states for the new ones, malformed
     * events, and the watermark, which only moves forward.
     *
     * @param knownUpTo receipts found at or before this CloudWatch timestamp may already be stored and are checked
     */
    public StoreResult store(String logGroup, List<Receipt> receipts, List<Malformed> malformed, long watermark, long knownUpTo, long now) {
        ensurePartitions(receipts);
        try {
            return tx.execute(status -> storeInTransaction(logGroup, receipts, malformed, watermark, knownUpTo, now));
        } catch (DuplicateKeyException e) {
            // a new receipt's key met one already stored: check every receipt of the batch and probe past collisions
            return tx.execute(status -> storeInTransaction(logGroup, receipts, malformed, watermark, Long.MAX_VALUE, now));
        }
    }

    private record Keyed(long key, Receipt receipt) {
        DeliveryEvent event() {
            return receipt.event();
        }
    }

    private StoreResult storeInTransaction(String logGroup, List<Receipt> receipts, List<Malformed> malformed, long watermark, long knownUpTo,
            long now) {
        if (postgres) {
            // lookups here are by key; a plan chosen while the tables were still small must not turn them into scans
            jdbc.execute("SET LOCAL enable_seqscan = off");
            // the watermark commits with the receipts: a commit lost in a crash is read again on the next run
            jdbc.execute("SET LOCAL synchronous_commit = off");
        }
        Map<String, Receipt> unique = new LinkedHashMap<>();
        for (Receipt r : receipts) {
            unique.putIfAbsent(r.event().eventId(), r);
        }
        Map<Long, String> taken = new HashMap<>();
        List<Receipt> mayExist = unique.values().stream().filter(r -> r.logTimestamp() <= knownUpTo).toList();
        if (!mayExist.isEmpty()) {
            taken.putAll(storedIds(mayExist.stream().map(DeliveryStore::key).toList()));
            for (Receipt r : mayExist) {
                long key = key(r);
                while (taken.containsKey(key) && !taken.get(key).equals(r.event().eventId())) {
                    key++;
                    taken.putAll(storedIds(List.of(key)));
                }
            }
        }
        Set<String> stored = new java.util.HashSet<>(taken.values());
        List<Keyed> fresh = new ArrayList<>();
        for (Receipt r : unique.values()) {
            if (stored.contains(r.event().eventId())) {
                continue;
            }
            long key = key(r);
            while (taken.containsKey(key)) {
                key++;
            }
            taken.put(key, r.event().eventId());
            fresh.add(new Keyed(key, r));
        }
        Map<String, Long> busy = busyDestinations(fresh);
        insertEvents(fresh);
        addPrefixes(fresh);
        addHourlyCounts(fresh, busy);
        mergeMessages(fresh, busy);
        int newMalformed = insertMalformed(logGroup, malformed);
        int duplicates = receipts.size() - fresh.size();
        advance(logGroup, watermark, fresh.size(), duplicates, newMalformed, now);
        return new StoreResult(fresh.size(), duplicates, newMalformed);
    }

    private static long key(Receipt r) {
        return r.key();
    }

    private Map<Long, String> storedIds(List<Long> keys) {
        Map<Long, String> found = new HashMap<>();
        for (int i = 0; i < keys.size(); i += IN_CHUNK) {
            List<Long> chunk = keys.subList(i, Math.min(keys.size(), i + IN_CHUNK));
            named.query("SELECT event_key, event_id FROM delivery_event WHERE event_key IN (:keys)", Map.of("keys", chunk),
                    (ResultSet rs) -> {
                        found.put(rs.getLong(1), EventIds.decode(rs.getBytes(2)));
                    });
        }
        return found;
    }

    private static final String EVENT_COLUMNS = "event_key, event_id, event_at, ingested_at, event_type, message_id, destination, dest_prefix,"
            + " origination, configuration_set, country, message_status, status_description, message_type, encoding, parts, price, carrier_fee, is_final, carrier,"
            + " requested_at, context, log_stream";

    private static List<Object> eventValues(Keyed k) {
        DeliveryEvent e = k.event();
        return java.util.Arrays.asList(k.key(), k.receipt().eventId(), e.eventAt().toEpochMilli(), e.ingestedAt().toEpochMilli(), e.eventType(),
                e.messageId(), e.destination(), prefix(e.destination()), e.origination(), e.configurationSet(), e.country(), e.messageStatus(), e.statusDescription(),
                e.messageType(), e.encoding(), e.parts(), e.price(), e.carrierFee(), e.isFinal(), e.carrier(),
                e.requestedAt() == null ? null : e.requestedAt().toEpochMilli(), e.context(), e.logStream());
    }

    /** The raw JSON is stored packed (see {@link PackedJson}, docs/decisions/008-20261202-delivery-store-scale.md "Footprint"). */
    private static List<Object> rawValues(Keyed k) {
        return List.of(k.key(), k.receipt().packed());
    }

    /** Receipts and their raw JSON: COPY on PostgreSQL, multi-row INSERT on H2. */
    private void insertEvents(List<Keyed> receipts) {
        List<List<Object>> events = receipts.stream().map(DeliveryStore::eventValues).toList();
        List<List<Object>> raw = receipts.stream().map(DeliveryStore::rawValues).toList();
        if (postgres) {
            copy("COPY delivery_event (" + EVENT_COLUMNS + ") FROM STDIN", events);
            copy("COPY delivery_event_raw (event_key, packed) FROM STDIN", raw);
        } else {
            insertRows("delivery_event (" + EVENT_COLUMNS + ")", events);
            insertRows("delivery_event_raw (event_key, packed)", raw);
        }
    }

    private void insertRows(String table, List<List<Object>> rows) {
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            List<List<Object>> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO " + table + " VALUES " + tuples(chunk.getFirst().size(), chunk.size()));
                int p = 1;
                for (List<Object> row : chunk) {
                    for (Object value : row) {
                        bind(ps, p++, value);
                    }
                }
                return ps;
            });
        }
    }

    /** Records destination prefixes not seen before, for searches by a shorter prefix. */
    private void addPrefixes(List<Keyed> receipts) {
        Set<String> prefixes = new java.util.TreeSet<>();
        for (Keyed k : receipts) {
            prefixes.add(prefix(k.event().destination()));
        }
        if (prefixes.isEmpty()) {
            return;
        }
        prefixes.removeAll(named.queryForList("SELECT dest_prefix FROM delivery_dest_prefix WHERE dest_prefix IN (:prefixes)",
                Map.of("prefixes", prefixes), String.class));
        jdbc.batchUpdate("INSERT INTO delivery_dest_prefix (dest_prefix) VALUES (?)", new ArrayList<>(prefixes), 500,
                (ps, prefix) -> ps.setString(1, prefix));
    }

    private void copy(String sql, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var out = new org.postgresql.copy.PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16)) {
            var text = new CopyText(out);
            for (List<Object> values : rows) {
                text.row(values);
            }
            text.flush();
        } catch (SQLException e) {
            if (hasSqlState(e, UNIQUE_VIOLATION)) {
                throw new DuplicateKeyException(e.getMessage(), e);
            }
            throw new org.springframework.jdbc.UncategorizedSQLException(sql, null, e);
        } catch (IOException e) {
            if (hasSqlState(e, UNIQUE_VIOLATION)) {
                throw new DuplicateKeyException(e.getCause().getMessage(), e.getCause());
            }
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A row of an hourly rollup: the destination (only in the rollups of busy destinations, "" in the
     * others), the hour, the (latest) event type, the country and the origination identity ("" when
     * unknown) and finality; see docs/decisions/008-20261202-delivery-store-scale.md, "Counts".
     */
    private record HourKey(String destination, long hour, String type, String country, boolean isFinal, String origination) {
        static HourKey of(DeliveryEvent e) {
            return of(e.eventAt(), e.eventType(), e.country(), e.isFinal(), e.origination());
        }

        /** A message by the hour of its first receipt and its latest state. */
        static HourKey of(DeliveryMessage m) {
            return of(m.firstEventAt(), m.latestType(), m.country(), m.isFinal(), m.origination());
        }

        private static HourKey of(Instant at, String type, @Nullable String country, boolean isFinal, @Nullable String origination) {
            return new HourKey("", Math.floorDiv(at.toEpochMilli(), HOUR) * HOUR, type, country == null ? "" : country, isFinal,
                    origination == null ? "" : origination);
        }

        /** The same row for the day (UTC) that holds the hour, as delivery_event_daily keeps it (V72). */
        HourKey day() {
            return new HourKey(destination, Math.floorDiv(hour, DAY) * DAY, type, country, isFinal, origination);
        }

        HourKey forDestination(String number) {
            return new HourKey(number, hour, type, country, isFinal, origination);
        }
    }

    /** What a batch adds to a rollup row: a count and, for messages, their price and carrier fee. */
    private record Amounts(long count, BigDecimal price, BigDecimal carrierFee) {
        static final Amounts ONE = new Amounts(1, BigDecimal.ZERO, BigDecimal.ZERO);

        static Amounts of(DeliveryMessage m, int sign) {
            return new Amounts(sign, money(m.price()).multiply(BigDecimal.valueOf(sign)), money(m.carrierFee()).multiply(BigDecimal.valueOf(sign)));
        }

        Amounts plus(Amounts other) {
            return new Amounts(count + other.count, price.add(other.price), carrierFee.add(other.carrierFee));
        }

        private static BigDecimal money(@Nullable BigDecimal value) {
            return value == null ? BigDecimal.ZERO : value;
        }
    }

    private void addHourlyCounts(List<Keyed> receipts, Map<String, Long> busy) {
        Map<HourKey, Amounts> counts = new HashMap<>();
        Map<HourKey, Amounts> ofBusy = new HashMap<>();
        for (Keyed k : receipts) {
            HourKey hour = HourKey.of(k.event());
            counts.merge(hour, Amounts.ONE, Amounts::plus);
            Long countedFrom = busy.get(k.event().destination());
            if (countedFrom != null && hour.hour() >= countedFrom) {
                ofBusy.merge(hour.forDestination(k.event().destination()), Amounts.ONE, Amounts::plus);
            }
        }
        mergeHourly("delivery_event_hourly", "event_type", "events", false, counts);
        mergeHourly("delivery_destination_hourly", "event_type", "events", false, ofBusy);
        Map<HourKey, Amounts> daily = new HashMap<>();
        counts.forEach((hour, amounts) -> daily.merge(hour.day(), amounts, Amounts::plus));
        mergeHourly("delivery_event_daily", "event_type", "events", false, daily);
    }

    /**
     * The busy destinations (with the hour their own counts start), promoting those of which the batch
     * holds at least {@link #BUSY_DESTINATION_RECEIPTS} receipts: from the hour of the earliest of them,
     * the receipts and messages already stored are counted into their rollups here, in the batch's
     * transaction, before the batch itself is added like every later one.
     *
     * @see "Design decision: docs/decisions/008-20261202-delivery-store-scale.md, Counts"
     */
    private Map<String, Long> busyDestinations(List<Keyed> receipts) {
        Map<String, Long> busy = new HashMap<>();
        jdbc.query("SELECT destination, counted_from FROM delivery_busy_destination", (ResultSet rs) -> {
            busy.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, long[]> batch = new HashMap<>(); // receipts and earliest time per destination not yet busy
        for (Keyed k : receipts) {
            String destination = k.event().destination();
            if (!busy.containsKey(destination)) {
                long at = k.event().eventAt().toEpochMilli();
                long[] seen = batch.computeIfAbsent(destination, d -> new long[] {0, at});
                seen[0]++;
                seen[1] = Math.min(seen[1], at);
            }
        }
        batch.forEach((destination, seen) -> {
            if (seen[0] >= BUSY_DESTINATION_RECEIPTS) {
                long countedFrom = Math.floorDiv(seen[1], HOUR) * HOUR;
                promote(destination, countedFrom);
                busy.put(destination, countedFrom);
            }
        });
        return busy;
    }

    private void promote(String destination, long countedFrom) {
        String prefix = prefix(destination);
        jdbc.update("INSERT INTO delivery_busy_destination (destination, counted_from) VALUES (?, ?)", destination, countedFrom);
        jdbc.update("""
                INSERT INTO delivery_destination_hourly (destination, hour_at, event_type, country, is_final, origination, events)
                SELECT destination, event_at - MOD(event_at, 3600000), event_type, COALESCE(country, ''), is_final, COALESCE(origination, ''), COUNT(*)
                FROM delivery_event%s WHERE dest_prefix = ? AND event_key >= ? AND destination = ?
                GROUP BY destination, event_at - MOD(event_at, 3600000), event_type, COALESCE(country, ''), is_final, COALESCE(origination, '')"""
                .formatted(postgres ? "" : " USE INDEX (delivery_event_destination)"), prefix, EventKeys.lowest(countedFrom), destination);
        jdbc.update("""
                INSERT INTO delivery_destination_message_hourly (destination, hour_at, latest_type, country, is_final, origination, messages, price,
                    carrier_fee)
                SELECT destination, first_event_at - MOD(first_event_at, 3600000), latest_type, COALESCE(country, ''), is_final,
                    COALESCE(origination, ''), COUNT(*), COALESCE(SUM(price), 0), COALESCE(SUM(carrier_fee), 0)
                FROM delivery_message%s WHERE dest_prefix = ? AND first_event_at >= ? AND destination = ?
                GROUP BY destination, first_event_at - MOD(first_event_at, 3600000), latest_type, COALESCE(country, ''), is_final,
                    COALESCE(origination, '')""".formatted(postgres ? "" : " USE INDEX (delivery_message_destination)"), prefix, countedFrom, destination);
    }

    /** Adds the amounts to the rollup's rows, creating those not there yet. */
    private void mergeHourly(String table, String typeColumn, String countColumn, boolean withSpend, Map<HourKey, Amounts> amounts) {
        List<Map.Entry<HourKey, Amounts>> rows = new ArrayList<>(amounts.entrySet());
        boolean byDestination = table.startsWith("delivery_destination_");
        String time = table.endsWith("_daily") ? "day_at" : "hour_at";
        String columns = (byDestination ? "destination, " : "") + time + ", " + typeColumn + ", country, is_final, origination, " + countColumn
                + (withSpend ? ", price, carrier_fee" : "");
        String tuple = "(" + (byDestination ? "CAST(? AS VARCHAR(24)), " : "")
                + "CAST(? AS BIGINT), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(2)), CAST(? AS BOOLEAN), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT)"
                + (withSpend ? ", CAST(? AS NUMERIC(18, 6)), CAST(? AS NUMERIC(18, 6)))" : ")");
        String update = countColumn + " = h." + countColumn + " + s." + countColumn
                + (withSpend ? ", price = h.price + s.price, carrier_fee = h.carrier_fee + s.carrier_fee" : "");
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            List<Map.Entry<HourKey, Amounts>> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
            String sql = """
                    MERGE INTO %s h
                    USING (VALUES %s) AS s (%s)
                    ON %sh.%s = s.%s AND h.%s = s.%s AND h.country = s.country AND h.is_final = s.is_final AND h.origination = s.origination
                    WHEN MATCHED THEN UPDATE SET %s
                    WHEN NOT MATCHED THEN INSERT (%s) VALUES (s.%s)""".formatted(table, String.join(", ", Collections.nCopies(chunk.size(), tuple)),
                    columns, byDestination ? "h.destination = s.destination AND " : "", time, time, typeColumn, typeColumn, update, columns,
                    columns.replace(", ", ", s."));
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                int p = 1;
                for (Map.Entry<HourKey, Amounts> entry : chunk) {
                    if (byDestination) {
                        ps.setString(p++, entry.getKey().destination());
                    }
                    ps.setLong(p++, entry.getKey().hour());
                    ps.setString(p++, entry.getKey().type());
                    ps.setString(p++, entry.getKey().country());
                    ps.setBoolean(p++, entry.getKey().isFinal());
                    ps.setString(p++, entry.getKey().origination());
                    ps.setLong(p++, entry.getValue().count());
                    if (withSpend) {
                        ps.setBigDecimal(p++, entry.getValue().price());
                        ps.setBigDecimal(p++, entry.getValue().carrierFee());
                    }
                }
                return ps;
            });
        }
    }

    /** A busy destination's message counts hold the messages whose first receipt is in an hour from its counted_from on. */
    private static void addIfBusy(Map<HourKey, Amounts> ofBusy, Map<String, Long> busy, DeliveryMessage m, int sign) {
        Long countedFrom = busy.get(m.destination());
        HourKey hour = HourKey.of(m);
        if (countedFrom != null && hour.hour() >= countedFrom) {
            ofBusy.merge(hour.forDestination(m.destination()), Amounts.of(m, sign), Amounts::plus);
        }
    }

    /** A message's state with the keys of its receipts, as stored. */
    record MessageRow(DeliveryMessage message, String keys) {
    }

    private static final String MESSAGE_COLUMNS = "message_id, first_event_at, last_event_at, latest_type, latest_status, latest_description,"
            + " is_final, final_at, destination, dest_prefix, origination, configuration_set, country, message_type, parts, price, carrier_fee,"
            + " requested_at, event_keys";

    /**
     * Updates the message states with new receipts: messages seen for the first time are inserted,
     * known ones merged with what is stored (the latest receipt by time decides the state).
     */
    private void mergeMessages(List<Keyed> receipts, Map<String, Long> busy) {
        Map<String, MessageRow> incoming = new LinkedHashMap<>();
        for (Keyed k : receipts) {
            incoming.merge(k.event().messageId(), new MessageRow(toMessage(k.event()), ReceiptKeys.entry(k.key(), k.event().eventType())),
                    (a, b) -> new MessageRow(combine(a.message(), b.message()), a.keys() + "," + b.keys()));
        }
        if (incoming.isEmpty()) {
            return;
        }
        Map<String, MessageRow> existing = new HashMap<>();
        List<String> ids = new ArrayList<>(incoming.keySet());
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            named.query("SELECT * FROM delivery_message WHERE message_id IN (:ids)", Map.of("ids", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK))),
                    (ResultSet rs) -> {
                        existing.put(rs.getString("message_id"), new MessageRow(MESSAGE_MAPPER.mapRow(rs, 0), rs.getString("event_keys")));
                    });
        }
        List<MessageRow> inserts = new ArrayList<>();
        List<MessageRow> updates = new ArrayList<>();
        Map<HourKey, Amounts> hourly = new HashMap<>();
        Map<HourKey, Amounts> ofBusy = new HashMap<>();
        incoming.forEach((id, row) -> {
            MessageRow stored = existing.get(id);
            DeliveryMessage now;
            if (stored == null) {
                now = row.message();
                inserts.add(new MessageRow(now, ReceiptKeys.limit(row.keys(), MAX_KEYS_TEXT)));
            } else {
                now = combine(stored.message(), row.message());
                updates.add(new MessageRow(now, ReceiptKeys.limit(stored.keys() + "," + row.keys(), MAX_KEYS_TEXT)));
                DeliveryMessage was = stored.message();
                hourly.merge(HourKey.of(was), Amounts.of(was, -1), Amounts::plus);
                addIfBusy(ofBusy, busy, was, -1);
            }
            hourly.merge(HourKey.of(now), Amounts.of(now, 1), Amounts::plus);
            addIfBusy(ofBusy, busy, now, 1);
        });
        mergeHourly("delivery_message_hourly", "latest_type", "messages", true, hourly);
        mergeHourly("delivery_destination_message_hourly", "latest_type", "messages", true, ofBusy);
        widenSpan(java.util.stream.Stream.concat(inserts.stream(), updates.stream())
                .mapToLong(r -> r.message().lastEventAt().toEpochMilli() - r.message().firstEventAt().toEpochMilli()).max().orElse(0));
        addContexts(receipts);
        List<List<Object>> newRows = inserts.stream().map(DeliveryStore::messageValues).toList();
        if (postgres) {
            copy("COPY delivery_message (" + MESSAGE_COLUMNS + ") FROM STDIN", newRows);
        } else {
            insertRows("delivery_message (" + MESSAGE_COLUMNS + ")", newRows);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE delivery_message SET first_event_at = ?, last_event_at = ?, latest_type = ?, latest_status = ?, latest_description = ?,
                        is_final = ?, final_at = ?, origination = ?, configuration_set = ?, country = ?, message_type = ?, parts = ?, price = ?, carrier_fee = ?,
                        requested_at = ?, event_keys = ?
                    WHERE message_id = ?""", updates, 1000, (ps, row) -> {
                DeliveryMessage m = row.message();
                int p = 1;
                ps.setLong(p++, m.firstEventAt().toEpochMilli());
                ps.setLong(p++, m.lastEventAt().toEpochMilli());
                ps.setString(p++, m.latestType());
                ps.setString(p++, m.latestStatus());
                ps.setString(p++, m.latestDescription());
                ps.setBoolean(p++, m.isFinal());
                bind(ps, p++, m.finalAt() == null ? null : m.finalAt().toEpochMilli());
                ps.setString(p++, m.origination());
                ps.setString(p++, m.configurationSet());
                ps.setString(p++, m.country());
                ps.setString(p++, m.messageType());
                bind(ps, p++, m.parts());
                ps.setBigDecimal(p++, m.price());
                ps.setBigDecimal(p++, m.carrierFee());
                bind(ps, p++, m.requestedAt() == null ? null : m.requestedAt().toEpochMilli());
                ps.setString(p++, row.keys());
                ps.setString(p, m.messageId());
            });
        }
    }

    /** The longest span between a message's first and last receipt known to be recorded, or -1 before it is read. */
    private volatile long knownSpan = -1;

    /**
     * Records that a message's receipts span {@code span} milliseconds, when that is longer than any
     * before: the bound a search by the context index's first times relies on (DeliveryQueries).
     * Only ever grows, also after retention, so it stays a bound.
     */
    private void widenSpan(long span) {
        if (knownSpan < 0) {
            knownSpan = jdbc.queryForObject("SELECT span_ms FROM delivery_message_span WHERE id = 1", Long.class);
        }
        if (span > knownSpan) {
            jdbc.update("UPDATE delivery_message_span SET span_ms = ? WHERE id = 1 AND span_ms < ?", span, span);
            // known once committed: a batch that is rolled back and stored again must write it again
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(
                        new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                knownSpan = Math.max(knownSpan, span);
                            }
                        });
            } else {
                knownSpan = span;
            }
        }
    }

    /**
     * Records each message's context pairs (AWS copies the send's {@code context} into every receipt)
     * in the context index, once per message, with the time of the earliest receipt of the batch that
     * recorded it, for searches by a context key and value.
     */
    private void addContexts(List<Keyed> receipts) {
        Map<List<String>, Long> pairs = new LinkedHashMap<>();
        for (Keyed k : receipts) {
            long at = k.event().eventAt().toEpochMilli();
            for (Map.Entry<String, String> pair : k.receipt().contextPairs().entrySet()) {
                pairs.merge(List.of(pair.getKey(), pair.getValue(), k.event().messageId()), at, Math::min);
            }
        }
        List<Map.Entry<List<String>, Long>> rows = new ArrayList<>(pairs.entrySet());
        if (postgres) {
            // one statement of four arrays: a MERGE of VALUES rows took PostgreSQL about 50 µs a row, mostly
            // parsing and planning its thousands of parameters (decision 008, "Ingestion end to end")
            if (rows.isEmpty()) {
                return;
            }
            jdbc.execute((Connection con) -> {
                try (PreparedStatement ps = con.prepareStatement("""
                        INSERT INTO delivery_context (context_key, context_value, message_id, first_event_at)
                        SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[])
                        ON CONFLICT (context_key, context_value, message_id) DO NOTHING""")) {
                    for (int column = 0; column < 3; column++) {
                        int c = column;
                        ps.setArray(c + 1, con.createArrayOf("varchar", rows.stream().map(r -> r.getKey().get(c)).toArray()));
                    }
                    ps.setArray(4, con.createArrayOf("bigint", rows.stream().map(Map.Entry::getValue).toArray()));
                    return ps.executeUpdate();
                }
            });
            return;
        }
        String tuple = "(CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT))";
        for (int i = 0; i < rows.size(); i += ROWS_PER_STATEMENT) {
            List<Map.Entry<List<String>, Long>> chunk = rows.subList(i, Math.min(rows.size(), i + ROWS_PER_STATEMENT));
            // the time stays that of the first batch that named the pair: any receipt's time of the message is
            // within the message's span of all its others, which is all a search relies on
            String sql = """
                    MERGE INTO delivery_context c
                    USING (VALUES %s) AS s (context_key, context_value, message_id, first_event_at)
                    ON c.context_key = s.context_key AND c.context_value = s.context_value AND c.message_id = s.message_id
                    WHEN NOT MATCHED THEN INSERT (context_key, context_value, message_id, first_event_at)
                        VALUES (s.context_key, s.context_value, s.message_id, s.first_event_at)"""
                    .formatted(String.join(", ", Collections.nCopies(chunk.size(), tuple)));
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement(sql);
                int p = 1;
                for (Map.Entry<List<String>, Long> row : chunk) {
                    for (String value : row.getKey()) {
                        ps.setString(p++, value);
                    }
                    ps.setLong(p++, row.getValue());
                }
                return ps;
            });
        }
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /**
     * The key-value pairs of a receipt's context JSON as the context index holds them: keys of at most
     * 100 characters (AWS's limit), values cut at {@value com.example.smsconsole.deliverylog.SearchDimension.ContextMatch#MAX_VALUE} characters.
     */
    static Map<String, String> contextPairs(@Nullable String context) {
        if (context == null || context.isBlank()) {
            return Map.of();
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        try {
            tools.jackson.databind.JsonNode json = JSON.readTree(context);
            if (json != null && json.isObject()) {
                for (Map.Entry<String, tools.jackson.databind.JsonNode> field : json.properties()) {
                    String key = field.getKey().strip();
                    tools.jackson.databind.JsonNode value = field.getValue();
                    if (key.isEmpty() || key.length() > 100 || value == null || value.isContainer() || value.isNull()) {
                        continue;
                    }
                    String text = value.asString().strip();
                    pairs.put(key, text.length() > com.example.smsconsole.deliverylog.SearchDimension.ContextMatch.MAX_VALUE ? text.substring(0, com.example.smsconsole.deliverylog.SearchDimension.ContextMatch.MAX_VALUE) : text);
                }
            }
        } catch (tools.jackson.core.JacksonException e) {
            return Map.of();
        }
        return pairs;
    }

    private static List<Object> messageValues(MessageRow row) {
        DeliveryMessage m = row.message();
        return java.util.Arrays.asList(m.messageId(), m.firstEventAt().toEpochMilli(), m.lastEventAt().toEpochMilli(), m.latestType(),
                m.latestStatus(), m.latestDescription(), m.isFinal(), m.finalAt() == null ? null : m.finalAt().toEpochMilli(), m.destination(),
                prefix(m.destination()), m.origination(), m.configurationSet(), m.country(), m.messageType(), m.parts(), m.price(), m.carrierFee(),
                m.requestedAt() == null ? null : m.requestedAt().toEpochMilli(), row.keys());
    }

    private static DeliveryMessage toMessage(DeliveryEvent e) {
        return new DeliveryMessage(e.messageId(), e.eventAt(), e.eventAt(), e.eventType(), e.messageStatus(), e.statusDescription(), e.isFinal(),
                e.isFinal() ? e.eventAt() : null, e.destination(), e.origination(), e.configurationSet(), e.country(), e.messageType(), e.parts(), e.price(),
                e.carrierFee(), e.requestedAt());
    }

    /** Two views of one message combined: the later receipt (a final one on a tie) gives the latest state. */
    static DeliveryMessage combine(DeliveryMessage a, DeliveryMessage b) {
        boolean bLater = b.lastEventAt().isAfter(a.lastEventAt()) || (b.lastEventAt().equals(a.lastEventAt()) && b.isFinal() && !a.isFinal());
        DeliveryMessage latest = bLater ? b : a;
        Instant finalAt = a.finalAt() == null ? b.finalAt() : b.finalAt() == null ? a.finalAt()
                : a.finalAt().isBefore(b.finalAt()) ? a.finalAt() : b.finalAt();
        return new DeliveryMessage(a.messageId(), a.firstEventAt().isBefore(b.firstEventAt()) ? a.firstEventAt() : b.firstEventAt(),
                bLater ? b.lastEventAt() : a.lastEventAt(), latest.latestType(), latest.latestStatus(), latest.latestDescription(),
                a.isFinal() || b.isFinal(), finalAt, a.destination(), first(a.origination(), b.origination()),
                first(a.configurationSet(), b.configurationSet()), first(a.country(), b.country()),
                first(a.messageType(), b.messageType()), first(a.parts(), b.parts()), first(a.price(), b.price()), first(a.carrierFee(), b.carrierFee()),
                first(a.requestedAt(), b.requestedAt()));
    }

    private static <T> @Nullable T first(@Nullable T a, @Nullable T b) {
        return a != null ? a : b;
    }

    private int insertMalformed(String logGroup, List<Malformed> malformed) {
        if (malformed.isEmpty()) {
            return 0;
        }
        Set<String> existing = new java.util.HashSet<>(named.queryForList("SELECT event_id FROM delivery_event_malformed WHERE event_id IN (:ids)",
                Map.of("ids", malformed.stream().map(Malformed::eventId).toList()), String.class));
        List<Malformed> fresh = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Malformed m : malformed) {
            if (!existing.contains(m.eventId()) && seen.add(m.eventId())) {
                fresh.add(m);
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO delivery_event_malformed (event_id, log_group, log_stream, log_timestamp, ingested_at, error, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", fresh, 500, (ps, m) -> {
            ps.setString(1, m.eventId());
            ps.setString(2, logGroup);
            ps.setString(3, m.logStream());
            ps.setLong(4, m.logTimestamp());
            ps.setLong(5, m.ingestedAt());
            ps.setString(6, m.error().length() > 1000 ? m.error().substring(0, 1000) : m.error());
            ps.setString(7, m.raw().length() > 262_144 ? m.raw().substring(0, 262_144) : m.raw());
        });
        return fresh.size();
    }

    /** How many log events could not be parsed, and the newest few of them. */
    public List<Malformed> malformed(String logGroup, int limit) {
        return jdbc.query("SELECT * FROM delivery_event_malformed WHERE log_group = ? ORDER BY log_timestamp DESC LIMIT ?", (rs, i) -> new Malformed(
                rs.getString("event_id"), rs.getString("log_stream"), rs.getLong("log_timestamp"), rs.getLong("ingested_at"), rs.getString("error"),
                rs.getString("raw")), logGroup, limit);
    }

    private void advance(String logGroup, long watermark, int inserted, int duplicates, int malformed, long now) {
        int updated = jdbc.update("""
                UPDATE ingest_state SET watermark_at = CASE WHEN ? > watermark_at THEN ? ELSE watermark_at END, updated_at = ?,
                    events_total = events_total + ?, duplicates_total = duplicates_total + ?, malformed_total = malformed_total + ?
                WHERE log_group = ?""", watermark, watermark, now, inserted, duplicates, malformed, logGroup);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO ingest_state (log_group, watermark_at, updated_at, events_total, duplicates_total, malformed_total)
                    VALUES (?, ?, ?, ?, ?, ?)""", logGroup, watermark, now, inserted, duplicates, malformed);
        }
    }

    public void recordError(String logGroup, String error, long now) {
        String text = error.length() > 2000 ? error.substring(0, 2000) : error;
        int updated = jdbc.update("UPDATE ingest_state SET last_error = ?, last_error_at = ? WHERE log_group = ?", text, now, logGroup);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO ingest_state (log_group, watermark_at, updated_at, events_total, duplicates_total, malformed_total, last_error, last_error_at)
                    VALUES (?, 0, ?, 0, 0, 0, ?, ?)""", logGroup, now, text, now);
        }
    }

    public void clearError(String logGroup) {
        jdbc.update("UPDATE ingest_state SET last_error = NULL, last_error_at = NULL WHERE log_group = ? AND last_error IS NOT NULL", logGroup);
    }

    public Optional<State> state(String logGroup) {
        return jdbc.query("SELECT * FROM ingest_state WHERE log_group = ?", (rs, i) -> new State(rs.getString("log_group"),
                rs.getLong("watermark_at"), rs.getLong("updated_at"), rs.getLong("events_total"), rs.getLong("duplicates_total"),
                rs.getLong("malformed_total"), rs.getString("last_error"), rs.getObject("last_error_at", Long.class)), logGroup)
                .stream().findFirst();
    }

    public void recordRun(Run run) {
        jdbc.update("""
                INSERT INTO ingest_run (log_group, owner, started_at, finished_at, calls, events_read, inserted, duplicates, malformed, throttled, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", run.logGroup(), run.owner(), run.startedAt(), run.finishedAt(), run.calls(),
                run.eventsRead(), run.inserted(), run.duplicates(), run.malformed(), run.throttled(),
                run.error() == null ? null : run.error().length() > 2000 ? run.error().substring(0, 2000) : run.error());
    }

    private static final RowMapper<Run> RUN_MAPPER = (rs, i) -> new Run(rs.getString("log_group"), rs.getString("owner"),
            rs.getLong("started_at"), rs.getLong("finished_at"), rs.getInt("calls"), rs.getInt("events_read"), rs.getInt("inserted"),
            rs.getInt("duplicates"), rs.getInt("malformed"), rs.getInt("throttled"), rs.getString("error"));

    public List<Run> runsSince(String logGroup, long since) {
        return jdbc.query("SELECT * FROM ingest_run WHERE log_group = ? AND finished_at >= ? ORDER BY finished_at DESC", RUN_MAPPER, logGroup, since);
    }

    public Optional<Run> lastRun(String logGroup, boolean successfulOnly) {
        return jdbc.query("SELECT * FROM ingest_run WHERE log_group = ?" + (successfulOnly ? " AND error IS NULL" : "")
                + " ORDER BY finished_at DESC LIMIT 1", RUN_MAPPER, logGroup).stream().findFirst();
    }

    // ------------------------------------------------------------------ retention and size

    /** What one retention pass removed. */
    public record Purged(int messages, int receipts, int partitionsDropped, int transactions) {
    }

    /**
     * Removes messages whose first receipt is before {@code cutoffMillis}, receipts before it (on
     * PostgreSQL first by dropping whole weekly partitions, see {@link #PARTITION_MILLIS}), their
     * context pairs, hourly counts of the hours before it, malformed events and ingestion runs. Each
     * batch of at most {@code batch} rows is its own short transaction, so ingestion and searches
     * are never blocked for long; see docs/decisions/008-20261202-delivery-store-scale.md.
     */
    public Purged purgeBefore(long cutoffMillis, int batch) {
        long cutoff = Math.floorDiv(cutoffMillis, HOUR) * HOUR;
        long cutoffKey = EventKeys.lowest(cutoff);
        int messages = 0;
        int receipts = 0;
        int transactions = 0;
        while (true) {
            Integer removed = tx.execute(status -> purgeMessages(cutoff, batch));
            transactions++;
            messages += removed;
            if (removed < batch) {
                break;
            }
        }
        int dropped = postgres ? dropPartitionsBefore(cutoffKey) : 0;
        while (true) {
            Integer removed = tx.execute(status -> {
                List<Long> keys = jdbc.queryForList("SELECT event_key FROM delivery_event WHERE event_key < ? ORDER BY event_key LIMIT ?", Long.class,
                        cutoffKey, batch);
                for (int i = 0; i < keys.size(); i += IN_CHUNK) {
                    var chunk = Map.of("keys", keys.subList(i, Math.min(keys.size(), i + IN_CHUNK)));
                    named.update("DELETE FROM delivery_event_raw WHERE event_key IN (:keys)", chunk);
                    named.update("DELETE FROM delivery_event WHERE event_key IN (:keys)", chunk);
                }
                return keys.size();
            });
            transactions++;
            receipts += removed;
            if (removed < batch) {
                break;
            }
        }
        // hourly counts, malformed events and ingestion runs: one day of them per transaction, so a first run over a
        // long backlog is many short transactions too
        for (String[] table : new String[][] {{"delivery_event_hourly", "hour_at"}, {"delivery_message_hourly", "hour_at"},
                {"delivery_destination_hourly", "hour_at"}, {"delivery_destination_message_hourly", "hour_at"},
                {"delivery_event_malformed", "log_timestamp"}, {"ingest_run", "finished_at"}}) {
            Long oldest = jdbc.queryForObject("SELECT MIN(" + table[1] + ") FROM " + table[0], Long.class);
            if (oldest == null || oldest >= cutoff) {
                continue;
            }
            for (long upTo = Math.min(cutoff, oldest + DAY); ; upTo = Math.min(cutoff, upTo + DAY)) {
                long before = upTo;
                tx.executeWithoutResult(status -> jdbc.update("DELETE FROM " + table[0] + " WHERE " + table[1] + " < ?", before));
                transactions++;
                if (before >= cutoff) {
                    break;
                }
            }
        }
        // a day's counts stay whole while any hour of it is kept (they only feed the plan's estimate, which must not count too few)
        tx.executeWithoutResult(status -> jdbc.update("DELETE FROM delivery_event_daily WHERE day_at <= ?", cutoff - DAY));
        transactions++;
        return new Purged(messages, receipts, dropped, transactions);
    }

    /** One batch of messages first seen before the cutoff, with the context pairs their first receipt names. */
    private int purgeMessages(long cutoff, int batch) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT message_id, event_keys FROM delivery_message WHERE first_event_at < ?"
                + " ORDER BY first_event_at LIMIT ?", cutoff, batch);
        if (rows.isEmpty()) {
            return 0;
        }
        List<String> ids = rows.stream().map(r -> (String) r.get("message_id")).toList();
        List<Long> firstKeys = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String keys = (String) r.get("event_keys");
            ReceiptKeys.lowest(keys).ifPresent(firstKeys::add);
        }
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < firstKeys.size(); i += IN_CHUNK) {
            named.query("SELECT message_id, context FROM delivery_event WHERE event_key IN (:keys) AND context IS NOT NULL",
                    Map.of("keys", firstKeys.subList(i, Math.min(firstKeys.size(), i + IN_CHUNK))), (ResultSet rs) -> {
                        String id = rs.getString(1);
                        contextPairs(rs.getString(2)).forEach((k, v) -> pairs.add(new Object[] {k, v, id}));
                    });
        }
        jdbc.batchUpdate("DELETE FROM delivery_context WHERE context_key = ? AND context_value = ? AND message_id = ?", pairs);
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            named.update("DELETE FROM delivery_message WHERE message_id IN (:ids)", Map.of("ids", ids.subList(i, Math.min(ids.size(), i + IN_CHUNK))));
        }
        return ids.size();
    }

    /** The oldest receipt stored, if any. */
    public Optional<Instant> oldestEventAt() {
        Long min = jdbc.queryForObject("SELECT MIN(event_key) FROM delivery_event", Long.class);
        return Optional.ofNullable(min).map(key -> Instant.ofEpochMilli(key >>> EventKeys.HASH_BITS));
    }

    /**
     * Bytes the delivery store takes, indexes included: on PostgreSQL the relations' sizes (every
     * partition), on H2 the database file (which holds the console's other tables too). Null when unknown.
     */
    public @Nullable Long storeBytes() {
        if (postgres) {
            return jdbc.queryForObject("""
                    SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm') AND (c.relname LIKE 'delivery%' OR c.relname LIKE 'ingest%')""",
                    Long.class);
        }
        try {
            String url = jdbc.execute((Connection c) -> c.getMetaData().getURL());
            if (url == null || !url.startsWith("jdbc:h2:file:") && !(url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:"))) {
                return null;
            }
            String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
            int semicolon = path.indexOf(';');
            path = (semicolon < 0 ? path : path.substring(0, semicolon)) + ".mv.db";
            var file = java.nio.file.Path.of(path);
            return java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What one compaction of the H2 file did: its size and the share of it that holds live data (percent), before and after. */
    public record Compacted(long bytesBefore, long bytesAfter, int livePercentBefore, int livePercentAfter) {
    }

    /** Compaction starts when less than this share of the H2 file holds live data ... */
    static final int COMPACT_BELOW_PERCENT = 70;
    /** ... and stops once this share is reached (or its time is spent). */
    static final int COMPACT_UNTIL_PERCENT = 75;
    /** Each step holds H2's store lock (commits wait, reads do not) for about this long. */
    private static final int COMPACT_STEP_MILLIS = 200;

    /**
     * Compacts the H2 database file when less than {@link #COMPACT_BELOW_PERCENT} of it holds live
     * data, in steps of {@value #COMPACT_STEP_MILLIS} ms for at most {@code budgetMillis}. The URL's
     * {@code WRITE_DELAY=0} (commits on file before they return) leaves H2 without its background
     * writer thread, and that thread is what rewrites and frees old chunks ("0 to disable",
     * MVStore.setAutoCommitDelay, which WRITE_DELAY sets; FileStore.writeInBackground runs the
     * housekeeping; H2 2.4.240 sources), so without this the file only grows: 3,701 bytes of file
     * per receipt for 826 of data after loading 1,000,000 receipts. {@code MVStore.compactFile}
     * is what H2 runs when it closes a database (for MAX_COMPACT_TIME, default 200 ms) and for
     * SHUTDOWN COMPACT ("fully compacts the database", H2 help); it sets the retention time to 0,
     * which is restored after each step (RETENTION_TIME, default 45 s: "how long to retain old,
     * persisted data", H2 help). See docs/decisions/008-20261202-delivery-store-scale.md. Null on
     * PostgreSQL, in memory and over H2's TCP server (the server's own database does it).
     */
    public @Nullable Compacted compactH2File(long budgetMillis) {
        if (postgres) {
            return null;
        }
        return jdbc.execute((Connection c) -> {
            if (!(c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session)
                    || session.getDatabase().getStore() == null) {
                return null;
            }
            var mv = session.getDatabase().getStore().getMvStore();
            if (mv.getFileStore() == null || mv.getFileStore().getFileName() == null || mv.getFileStore().isReadOnly()) {
                return null;
            }
            long before = mv.getFileStore().size();
            int liveBefore = livePercent(mv);
            if (liveBefore >= COMPACT_BELOW_PERCENT) {
                return new Compacted(before, before, liveBefore, liveBefore);
            }
            long stopAt = System.nanoTime() + budgetMillis * 1_000_000;
            int live = liveBefore;
            while (live < COMPACT_UNTIL_PERCENT && System.nanoTime() < stopAt) {
                int retention = mv.getRetentionTime();
                try {
                    mv.compactFile(COMPACT_STEP_MILLIS);
                } finally {
                    mv.setRetentionTime(retention);
                }
                live = livePercent(mv);
            }
            // chunks moved to the front leave the file at its length until the next chunk is written, which truncates
            // it (RandomAccessStore.writeChunk calls shrinkStoreIfPossible, H2 2.4.240): one committed write does that now
            try (var touch = c.createStatement()) {
                touch.executeUpdate("UPDATE delivery_message_span SET span_ms = span_ms WHERE id = 1");
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } catch (SQLException e) {
                // the row is busy with an ingestion commit, which writes a chunk and so truncates the file itself
            }
            return new Compacted(before, mv.getFileStore().size(), liveBefore, live);
        });
    }

    /** The share of the file in use (chunks and free space between them) times the share of live data in the chunks. */
    private static int livePercent(org.h2.mvstore.MVStore mv) {
        return mv.getFillRate() * mv.getFileStore().getChunksFillRate() / 100;
    }

    // ------------------------------------------------------------------ partitions (PostgreSQL)

    /** PostgreSQL keeps receipts in one partition per week of event time (key ranges of this many milliseconds). */
    static final long PARTITION_MILLIS = 7 * 24 * HOUR;

    private final Set<Long> partitions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean partitionsRead;

    private static long partitionOf(long key) {
        return Math.floorDiv(key >>> EventKeys.HASH_BITS, PARTITION_MILLIS);
    }

    /** Creates the weekly partitions these keys fall in, each in its own short transaction before the receipts' one. */
    private void ensurePartitions(List<Receipt> receipts) {
        if (!postgres || receipts.isEmpty()) {
            return;
        }
        if (!partitionsRead) {
            readPartitions();
        }
        Set<Long> weeks = new java.util.TreeSet<>();
        for (Receipt r : receipts) {
            weeks.add(partitionOf(key(r)));
        }
        weeks.removeAll(partitions);
        for (long week : weeks) {
            // the function runs as the tables' owner, so a console role that owns nothing can add the week (V66)
            jdbc.execute("SELECT delivery_create_week_partitions(" + week + ")");
            partitions.add(week);
        }
    }

    private void readPartitions() {
        partitions.addAll(jdbc.queryForList("""
                SELECT CAST(substring(c.relname FROM 'delivery_event_w([0-9]+)') AS BIGINT) FROM pg_inherits i
                JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'delivery_event'""", Long.class));
        partitionsRead = true;
    }

    /**
     * Drops the weekly partitions that hold only receipts before the cutoff key, through the
     * owner's function (V66: the console's role owns no table). Dropping a partition takes an
     * ACCESS EXCLUSIVE lock on the partitioned table, and every search and insert that comes after
     * it queues behind it; the function gives up after its {@code lock_timeout} (200 ms) when a
     * long search holds the table, so others wait at most that long, and the drop is tried again a
     * second later, up to {@link #LOCK_ATTEMPTS} times, then left to the next retention run.
     * ({@code DETACH PARTITION ... CONCURRENTLY} would avoid the lock, but it needs the table's
     * owner and refuses to run inside a function.)
     */
    private int dropPartitionsBefore(long cutoffKey) {
        readPartitions();
        int dropped = 0;
        for (long week : new java.util.TreeSet<>(partitions)) {
            if (EventKeys.lowest((week + 1) * PARTITION_MILLIS) > cutoffKey) {
                continue;
            }
            if (!executeWithLockRetries("SELECT delivery_drop_week_partitions(" + week + ")")) {
                return dropped;
            }
            partitions.remove(week);
            dropped++;
        }
        return dropped;
    }

    /**
     * Runs one of the owner's functions that give up after their {@code lock_timeout}; tries again
     * a second later, up to {@link #LOCK_ATTEMPTS} times. False when it gave up (or was interrupted).
     */
    private boolean executeWithLockRetries(String sql) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute(sql);
                return true;
            } catch (org.springframework.dao.DataAccessException e) {
                if (!hasSqlState(e, LOCK_NOT_AVAILABLE)) {
                    throw e;
                }
                if (attempt >= LOCK_ATTEMPTS) {
                    return false;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private static final int LOCK_ATTEMPTS = 60;

    /** A week is packed once it has ended this long ago: receipts of a week arrive within minutes of their time. */
    static final long PACK_AFTER_MILLIS = 24 * HOUR;

    /**
     * Rebuilds the receipt indexes of every week that ended at least {@link #PACK_AFTER_MILLIS}
     * before {@code nowMillis} and is not packed yet, full (fillfactor 100), through the owner's
     * functions of V67 (three short steps; searches read on throughout, see the migration and
     * docs/decisions/008-20261202-delivery-store-scale.md, "Packing a closed week"). A receipt that
     * still arrives for a packed week is stored as usual. PostgreSQL only; returns the weeks packed.
     */
    public int packClosedWeeks(long nowMillis) {
        if (!postgres) {
            return 0;
        }
        readPartitions();
        int packed = 0;
        for (long week : new java.util.TreeSet<>(partitions)) {
            if ((week + 1) * PARTITION_MILLIS + PACK_AFTER_MILLIS > nowMillis
                    || Boolean.TRUE.equals(jdbc.queryForObject("SELECT delivery_week_packed(" + week + ")", Boolean.class))) {
                continue;
            }
            try {
                if (packWeek(week)) {
                    packed++;
                }
            } catch (org.springframework.dao.DataAccessException e) {
                // each step is its own transaction and starts again where the last one stopped: the next run retries the week
                org.slf4j.LoggerFactory.getLogger(DeliveryStore.class).warn("Packing the receipt indexes of week {} failed; retried on the next run", week, e);
            }
        }
        return packed;
    }

    /** Packs one week's receipt indexes whether or not it is closed (the benchmark shows a loaded week packed); false when a lock was not had. */
    public boolean packWeek(long week) {
        if (!executeWithLockRetries("SELECT delivery_pack_week_check(" + week + ")")) {
            return false;
        }
        jdbc.queryForObject("SELECT delivery_pack_week_build(" + week + ")", Integer.class);
        return executeWithLockRetries("SELECT delivery_pack_week_swap(" + week + ")");
    }

    /** The weeks that have a receipt partition (PostgreSQL; empty on H2). */
    public List<Long> weeks() {
        if (!postgres) {
            return List.of();
        }
        readPartitions();
        return List.copyOf(new java.util.TreeSet<>(partitions));
    }

    /** PostgreSQL's unique_violation and lock_not_available (a lock_timeout expired), Appendix A "Error Codes". */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** Whether {@code e} or one of its causes is an SQLException with this SQLSTATE. */
    private static boolean hasSqlState(Throwable e, String sqlState) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ lease

    /**
     * Takes or renews the named lease for {@code owner} until {@code expiresAt}; false while another
     * owner holds an unexpired lease. Safe across instances sharing one database.
     */
    public boolean tryLease(String name, String owner, long now, long expiresAt) {
        int updated = jdbc.update("UPDATE ingest_lease SET owner = ?, expires_at = ? WHERE name = ? AND (owner = ? OR expires_at < ?)",
                owner, expiresAt, name, owner, now);
        if (updated == 1) {
            return true;
        }
        try {
            jdbc.update("INSERT INTO ingest_lease (name, owner, expires_at) VALUES (?, ?, ?)", name, owner, expiresAt);
            return true;
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            return false;
        }
    }

    public void releaseLease(String name, String owner) {
        jdbc.update("UPDATE ingest_lease SET expires_at = 0 WHERE name = ? AND owner = ?", name, owner);
    }

    public Optional<String> leaseHolder(String name, long now) {
        return jdbc.query("SELECT owner FROM ingest_lease WHERE name = ? AND expires_at >= ?", (rs, i) -> rs.getString(1), name, now)
                .stream().findFirst();
    }

    // ------------------------------------------------------------------ rows

    static String prefix(String destination) {
        return destination.length() <= PREFIX_LENGTH ? destination : destination.substring(0, PREFIX_LENGTH);
    }

    /** "(?, ?), (?, ?)" for a multi-row VALUES list. */
    private static String tuples(int columns, int rows) {
        String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, tuple));
    }

    private static void bind(PreparedStatement ps, int index, @Nullable Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setInt(index, i);
            case Boolean b -> ps.setBoolean(index, b);
            case BigDecimal d -> ps.setBigDecimal(index, d);
            case byte[] b -> ps.setBytes(index, b);
            default -> ps.setString(index, value.toString());
        }
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static final RowMapper<DeliveryMessage> MESSAGE_MAPPER = (rs, i) -> new DeliveryMessage(
            rs.getString("message_id"), Instant.ofEpochMilli(rs.getLong("first_event_at")), Instant.ofEpochMilli(rs.getLong("last_event_at")),
            rs.getString("latest_type"), rs.getString("latest_status"), rs.getString("latest_description"), rs.getBoolean("is_final"),
            instant(rs, "final_at"), rs.getString("destination"), rs.getString("origination"), rs.getString("configuration_set"), rs.getString("country"),
            rs.getString("message_type"), integer(rs, "parts"), rs.getBigDecimal("price"), rs.getBigDecimal("carrier_fee"),
            instant(rs, "requested_at"));
}
