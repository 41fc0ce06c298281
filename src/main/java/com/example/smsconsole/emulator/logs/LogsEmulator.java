package com.example.smsconsole.emulator.logs;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.EmulatorProperties;
import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.CallContext;
import com.example.smsconsole.emulator.protocol.EmulatedService;
import com.example.smsconsole.emulator.protocol.Json;
import com.example.smsconsole.emulator.protocol.ModelValidator;
import com.example.smsconsole.emulator.protocol.Operation;
import com.example.smsconsole.emulator.protocol.ServiceModel;
import com.example.smsconsole.emulator.protocol.StreamingResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulated CloudWatch Logs ({@code Logs_20140328}, JSON 1.1). FilterLogEvents follows the
 * service's limits: at most 10,000 events and about 1 MB per page, events in time order,
 * {@code startTime}/{@code endTime} inclusive, a {@code nextToken} while more may follow; optionally
 * partial pages after a scan budget and a calls-per-second quota (see {@code app.emulator.logs}).
 * Logs Insights' StartQuery, GetQueryResults and StopQuery run a part of the query language (see
 * {@link InsightsQuery}).
 */
public final class LogsEmulator implements EmulatedService {

    static final int MAX_PAGE_BYTES = 1_048_576;
    private static final int EVENT_OVERHEAD = 26;
    private static final long MAX_FUTURE = 2L * 3600 * 1000;
    private static final long MAX_AGE = 14L * 24 * 3600 * 1000;
    private static final long MAX_BATCH_SPAN = 24L * 3600 * 1000;
    private static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
            1827, 2192, 2557, 2922, 3288, 3653);

    private final ServiceModel model;
    private final LogStore store;
    private final Clock clock;
    private final EmulatorProperties properties;
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Object rateLock = new Object();
    private final InsightsQueries insights;
    private long rateWindow;
    private int callsInWindow;

    public LogsEmulator(ServiceModel model, LogStore store, Clock clock, EmulatorProperties properties) {
        this.model = model;
        this.store = store;
        this.clock = clock;
        this.properties = properties;
        op("CreateLogGroup", (in, ctx) -> createLogGroup(in));
        op("DeleteLogGroup", (in, ctx) -> deleteLogGroup(in));
        op("DescribeLogGroups", (in, ctx) -> describeLogGroups(in));
        op("PutRetentionPolicy", (in, ctx) -> putRetentionPolicy(in));
        op("CreateLogStream", (in, ctx) -> createLogStream(in));
        op("DescribeLogStreams", (in, ctx) -> describeLogStreams(in));
        op("PutLogEvents", (in, ctx) -> putLogEvents(in));
        op("GetLogEvents", (in, ctx) -> getLogEvents(in));
        op("FilterLogEvents", (in, ctx) -> filterLogEvents(in));
        this.insights = new InsightsQueries(clock, store::group, this::retentionCutoff, properties.accountId());
        op("StartQuery", (in, ctx) -> insights.start(in));
        op("GetQueryResults", (in, ctx) -> insights.results(in));
        op("StopQuery", (in, ctx) -> insights.stop(in));
    }

    private void op(String name, BiFunction<JsonNode, CallContext, Object> handler) {
        operations.put(name, handler::apply);
    }

    @Override
    public ServiceModel model() {
        return model;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public AwsFault invalidInput(List<ModelValidator.Violation> violations) {
        return AwsFault.logsInvalidParameter(violations.size() + " validation error" + (violations.size() == 1 ? "" : "s") + " detected: "
                + String.join("; ", violations.stream().map(v -> "Value at '" + v.path() + "' failed to satisfy constraint: " + v.message()).toList()));
    }

    // --- groups and streams ---

    private JsonNode createLogGroup(JsonNode in) {
        String name = text(in, "logGroupName", "");
        if (name.startsWith("aws/")) {
            throw AwsFault.logsInvalidParameter("Log group names starting with 'aws/' are reserved.");
        }
        if (!store.createGroup(name, text(in, "kmsKeyId"))) {
            throw AwsFault.logsAlreadyExists("The specified log group already exists");
        }
        return object();
    }

    private JsonNode deleteLogGroup(JsonNode in) {
        group(text(in, "logGroupName", ""));
        store.deleteGroup(text(in, "logGroupName", ""));
        return object();
    }

    private JsonNode putRetentionPolicy(JsonNode in) {
        LogGroup group = group(text(in, "logGroupName", ""));
        int days = in.path("retentionInDays").asInt();
        if (!RETENTION_DAYS.contains(days)) {
            throw AwsFault.logsInvalidParameter("Invalid value for retentionInDays: " + days + ". Possible values are: " + RETENTION_DAYS.stream().sorted().toList());
        }
        store.setRetention(group, days);
        return object();
    }

    private JsonNode describeLogGroups(JsonNode in) {
        String prefix = text(in, "logGroupNamePrefix");
        String pattern = text(in, "logGroupNamePattern");
        if (prefix != null && pattern != null) {
            throw AwsFault.logsInvalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }
        List<String> identifiers = texts(in, "logGroupIdentifiers").stream().map(LogsEmulator::nameOf).toList();
        List<LogGroup> matching = store.groups().stream()
                .filter(g -> prefix == null || g.name.startsWith(prefix))
                .filter(g -> pattern == null || g.name.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT)))
                .filter(g -> identifiers.isEmpty() || identifiers.contains(g.name))
                .toList();
        var page = Json.page(matching, text(in, "nextToken"), Json.number(in, "limit"), 50, this::invalidToken);
        ObjectNode out = object();
        out.set("logGroups", Json.array(page.items(), g -> {
            ObjectNode node = object();
            node.put("logGroupName", g.name);
            node.put("creationTime", g.creationTime);
            if (g.retentionInDays != null) {
                node.put("retentionInDays", g.retentionInDays);
            }
            node.put("metricFilterCount", 0);
            node.put("arn", arn(g.name) + ":*");
            node.put("storedBytes", g.storedBytes());
            if (g.kmsKeyId != null) {
                node.put("kmsKeyId", g.kmsKeyId);
            }
            node.put("logGroupClass", "STANDARD");
            node.put("logGroupArn", arn(g.name));
            node.put("deletionProtectionEnabled", false);
            return node;
        }));
        page.writeTokenTo(out, "nextToken");
        return out;
    }

    private JsonNode createLogStream(JsonNode in) {
        LogGroup group = group(text(in, "logGroupName", ""));
        if (!store.createStream(group, text(in, "logStreamName", ""))) {
            throw AwsFault.logsAlreadyExists("The specified log stream already exists");
        }
        return object();
    }

    private JsonNode describeLogStreams(JsonNode in) {
        LogGroup group = groupOf(in);
        String prefix = text(in, "logStreamNamePrefix");
        String orderBy = text(in, "orderBy", "LogStreamName");
        boolean descending = Json.bool(in, "descending");
        if (prefix != null && "LastEventTime".equals(orderBy)) {
            throw AwsFault.logsInvalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        List<LogGroup.Stream> streams;
        group.lock.readLock().lock();
        try {
            streams = new ArrayList<>(group.streams.values());
        } finally {
            group.lock.readLock().unlock();
        }
        streams.removeIf(s -> prefix != null && !s.name.startsWith(prefix));
        Comparator<LogGroup.Stream> order = "LastEventTime".equals(orderBy)
                ? Comparator.comparingLong((LogGroup.Stream s) -> s.lastEventTimestamp).thenComparing(s -> s.name)
                : Comparator.comparing((LogGroup.Stream s) -> s.name);
        streams.sort(descending ? order.reversed() : order);
        var page = Json.page(streams, text(in, "nextToken"), Json.number(in, "limit"), 50, this::invalidToken);
        ObjectNode out = object();
        out.set("logStreams", Json.array(page.items(), s -> {
            ObjectNode node = object();
            node.put("logStreamName", s.name);
            node.put("creationTime", s.creationTime);
            if (s.firstEventTimestamp > 0) {
                node.put("firstEventTimestamp", s.firstEventTimestamp);
                node.put("lastEventTimestamp", s.lastEventTimestamp);
                node.put("lastIngestionTime", s.lastIngestionTime);
            }
            node.put("arn", arn(group.name) + ":log-stream:" + s.name);
            node.put("storedBytes", s.storedBytes);
            return node;
        }));
        page.writeTokenTo(out, "nextToken");
        return out;
    }

    // --- events ---

    private JsonNode putLogEvents(JsonNode in) {
        LogGroup group = group(text(in, "logGroupName", ""));
        String streamName = text(in, "logStreamName", "");
        JsonNode events = in.path("logEvents");
        if (events.size() > 10_000) {
            throw AwsFault.logsInvalidParameter("The maximum number of log events in a batch is 10,000.");
        }
        long batchBytes = 0;
        long previous = Long.MIN_VALUE;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JsonNode event : events) {
            long ts = event.path("timestamp").asLong();
            batchBytes += event.path("message").asString().getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD;
            if (ts < previous) {
                throw AwsFault.logsInvalidParameter("Log events in a single PutLogEvents request must be in chronological order.");
            }
            previous = ts;
            first = Math.min(first, ts);
            last = Math.max(last, ts);
        }
        if (batchBytes > MAX_PAGE_BYTES) {
            throw AwsFault.logsInvalidParameter("Log event batch is too large: " + batchBytes + " bytes; the maximum is 1,048,576 bytes.");
        }
        if (events.size() > 0 && last - first > MAX_BATCH_SPAN) {
            throw AwsFault.logsInvalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }
        long now = clock.millis();
        long oldestAllowed = now - (group.retentionInDays == null ? MAX_AGE : Math.min(MAX_AGE, group.retentionInDays * 86_400_000L));
        int tooOldEnd = -1;
        int tooNewStart = -1;
        group.lock.writeLock().lock();
        try {
            LogGroup.Stream stream = group.stream(streamName);
            if (stream == null) {
                throw AwsFault.logsNotFound("The specified log stream does not exist.");
            }
            int index = 0;
            for (JsonNode event : events) {
                long ts = event.path("timestamp").asLong();
                if (ts < oldestAllowed) {
                    tooOldEnd = index;
                } else if (ts > now + MAX_FUTURE) {
                    if (tooNewStart < 0) {
                        tooNewStart = index;
                    }
                } else {
                    group.append(stream, ts, now, event.path("message").asString().getBytes(StandardCharsets.UTF_8), true);
                }
                index++;
            }
            group.flush();
        } finally {
            group.lock.writeLock().unlock();
        }
        ObjectNode out = object();
        out.put("nextSequenceToken", String.format("%056d", now));
        if (tooOldEnd >= 0 || tooNewStart >= 0) {
            ObjectNode rejected = out.putObject("rejectedLogEventsInfo");
            if (tooNewStart >= 0) {
                rejected.put("tooNewLogEventStartIndex", tooNewStart);
            }
            if (tooOldEnd >= 0) {
                rejected.put("tooOldLogEventEndIndex", tooOldEnd);
            }
        }
        return out;
    }

    private JsonNode getLogEvents(JsonNode in) {
        LogGroup group = groupOf(in);
        String streamName = text(in, "logStreamName", "");
        long start = Json.number(in, "startTime") == null ? Long.MIN_VALUE : Json.number(in, "startTime");
        long end = Json.number(in, "endTime") == null ? Long.MAX_VALUE : Json.number(in, "endTime") - 1;
        int limit = Json.number(in, "limit") == null ? 10_000 : Json.number(in, "limit").intValue();
        String token = text(in, "nextToken");
        boolean fromHead = token != null ? token.startsWith("f/") : Json.bool(in, "startFromHead");
        List<LogGroup.Event> selected = new ArrayList<>();
        long cutoff = retentionCutoff(group);
        group.lockForRead();
        try {
            LogGroup.Stream stream = group.stream(streamName);
            if (stream == null) {
                throw AwsFault.logsNotFound("The specified log stream does not exist.");
            }
            List<Integer> positions = new ArrayList<>();
            for (int p = group.lowerBound(Math.max(start, cutoff)); p < group.size(); p++) {
                int e = group.at(p);
                if (group.timestamp(e) > end) {
                    break;
                }
                if (group.streamIndex(e) == stream.index) {
                    positions.add(p);
                }
            }
            int from;
            int to;
            if (token != null) {
                int position = decodePosition(token.substring(2));
                if (fromHead) {
                    from = firstAtOrAfter(positions, position);
                    to = Math.min(positions.size(), from + limit);
                } else {
                    to = firstAtOrAfter(positions, position);
                    from = Math.max(0, to - limit);
                }
            } else if (fromHead) {
                from = 0;
                to = Math.min(positions.size(), limit);
            } else {
                to = positions.size();
                from = Math.max(0, to - limit);
            }
            int bytes = 0;
            for (int i = from; i < to; i++) {
                LogGroup.Event event = group.event(group.at(positions.get(i)));
                bytes += event.length() + EVENT_OVERHEAD;
                if (bytes > MAX_PAGE_BYTES && !selected.isEmpty()) {
                    to = i;
                    break;
                }
                selected.add(event);
            }
            ObjectNode out = object();
            out.set("events", Json.array(selected, e -> {
                ObjectNode node = object();
                node.put("timestamp", e.timestamp());
                node.put("message", e.message());
                node.put("ingestionTime", e.ingestionTime());
                return node;
            }));
            int forward = to < positions.size() ? positions.get(to) : group.size();
            int backward = from < positions.size() ? positions.get(from) : group.size();
            out.put("nextForwardToken", "f/" + encodePosition(forward));
            out.put("nextBackwardToken", "b/" + encodePosition(backward));
            return out;
        } finally {
            group.lock.readLock().unlock();
        }
    }

    private static int firstAtOrAfter(List<Integer> positions, int position) {
        int i = 0;
        while (i < positions.size() && positions.get(i) < position) {
            i++;
        }
        return i;
    }

    private Object filterLogEvents(JsonNode in) {
        throttleFilter();
        LogGroup group = groupOf(in);
        FilterPattern pattern;
        try {
            pattern = FilterPattern.parse(text(in, "filterPattern"));
        } catch (FilterPattern.InvalidPatternException e) {
            throw AwsFault.logsInvalidParameter(e.getMessage());
        }
        List<String> streamNames = texts(in, "logStreamNames");
        String streamPrefix = text(in, "logStreamNamePrefix");
        if (!streamNames.isEmpty() && streamPrefix != null) {
            throw AwsFault.logsInvalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive.");
        }
        long start = Json.number(in, "startTime") == null ? Long.MIN_VALUE : Json.number(in, "startTime");
        long end = Json.number(in, "endTime") == null ? Long.MAX_VALUE : Json.number(in, "endTime");
        int limit = Json.number(in, "limit") == null ? 10_000 : Json.number(in, "limit").intValue();
        String token = text(in, "nextToken");
        int scanLimit = properties.logs().filterScanLimit();
        long cutoff = retentionCutoff(group);
        JsonScanner.Selector[] indexed = pattern.indexableSelectors();
        if (indexed != null) {
            group.index(indexed);
        }
        Page page = new Page();
        while (true) {
            group.lockForRead();
            try {
                long[][] columns = indexed == null ? null : group.columns(indexed);
                if (indexed != null && columns == null) {
                    continue;
                }
                scan(group, pattern, columns, streamNames, streamPrefix, start, end, limit, token, scanLimit, cutoff, page);
                break;
            } finally {
                group.lock.readLock().unlock();
            }
        }
        return (StreamingResponse) page::write;
    }

    /**
     * One FilterLogEvents answer: the chosen events, copied out under the group's read lock (their
     * message bytes never change once written), and the token.
     */
    private static final class Page {
        byte[][] chunks = new byte[256][];
        int[] offsets = new int[256];
        int[] lengths = new int[256];
        long[] timestamps = new long[256];
        long[] ingestionTimes = new long[256];
        long[] sequences = new long[256];
        String[] streams = new String[256];
        int count;
        int bytes;
        @org.jspecify.annotations.Nullable String nextToken;

        void add(LogGroup group, int e) {
            if (count == offsets.length) {
                int n = count * 2;
                chunks = java.util.Arrays.copyOf(chunks, n);
                offsets = java.util.Arrays.copyOf(offsets, n);
                lengths = java.util.Arrays.copyOf(lengths, n);
                timestamps = java.util.Arrays.copyOf(timestamps, n);
                ingestionTimes = java.util.Arrays.copyOf(ingestionTimes, n);
                sequences = java.util.Arrays.copyOf(sequences, n);
                streams = java.util.Arrays.copyOf(streams, n);
            }
            chunks[count] = group.chunk(e);
            offsets[count] = group.offset(e);
            lengths[count] = group.length(e);
            timestamps[count] = group.timestamp(e);
            ingestionTimes[count] = group.ingestionTime(e);
            sequences[count] = group.sequence(e);
            streams[count] = group.streamName(e);
            count++;
        }

        /** Writes the page straight as bytes: stored messages are copied with JSON escaping, not decoded and re-encoded. */
        void write(tools.jackson.core.JsonGenerator generator) {
            var out = new JsonBytes(bytes + count * 160 + 256);
            out.raw("{\"events\":[");
            Map<String, byte[]> streamJson = new java.util.HashMap<>();
            for (int i = 0; i < count; i++) {
                String stream = streams[i];
                byte[] name = streamJson.computeIfAbsent(stream, n -> new JsonBytes(n.length() + 8).string(n).toByteArray());
                out.raw(i == 0 ? "{\"logStreamName\":" : ",{\"logStreamName\":").raw(name)
                        .raw(",\"timestamp\":").number(timestamps[i])
                        .raw(",\"message\":").string(chunks[i], offsets[i], lengths[i])
                        .raw(",\"ingestionTime\":").number(ingestionTimes[i])
                        .raw(",\"eventId\":\"").padded(timestamps[i], 20).padded(sequences[i], 20)
                        .padded(Math.floorMod(stream.hashCode(), 10_000_000_000_000_000L), 16).raw("\"}");
            }
            out.raw("],\"searchedLogStreams\":[]");
            if (nextToken != null) {
                out.raw(",\"nextToken\":").string(nextToken);
            }
            out.raw("}");
            out.writeTo(generator);
        }
    }

    private void scan(LogGroup group, FilterPattern pattern, long @org.jspecify.annotations.Nullable [][] columns, List<String> streamNames,
            @org.jspecify.annotations.Nullable String streamPrefix, long start, long end, int limit, @org.jspecify.annotations.Nullable String token,
            int scanLimit, long cutoff, Page page) {
        BitSet allowed = null;
        if (!streamNames.isEmpty() || streamPrefix != null) {
            allowed = new BitSet();
            for (LogGroup.Stream s : group.streamsByIndex) {
                if (streamNames.contains(s.name) || (streamPrefix != null && s.name.startsWith(streamPrefix))) {
                    allowed.set(s.index);
                }
            }
            for (String name : streamNames) {
                if (group.stream(name) == null) {
                    throw AwsFault.logsNotFound("The specified log stream does not exist: " + name);
                }
            }
        }
        int position;
        if (token != null) {
            long[] key = decodeToken(token);
            position = group.after(key[0], key[1]);
        } else {
            position = group.lowerBound(Math.max(start, cutoff));
        }
        boolean all = pattern.matchesAll();
        long[] values = columns == null ? null : new long[columns.length];
        int scanned = 0;
        long lastTs = 0;
        long lastSeq = 0;
        int lastSelected = -1;
        for (; position < group.size(); position++) {
            int e = group.at(position);
            long ts = group.timestamp(e);
            if (ts > end) {
                break;
            }
            if (scanLimit > 0 && scanned >= scanLimit) {
                page.nextToken = encodeToken(lastTs, lastSeq, group, position);
                break;
            }
            scanned++;
            lastTs = ts;
            lastSeq = group.sequence(e);
            if (ts < cutoff || ts < start || (allowed != null && !allowed.get(group.streamIndex(e)))) {
                continue;
            }
            if (!all) {
                boolean matches;
                if (columns != null) {
                    for (int k = 0; k < columns.length; k++) {
                        values[k] = columns[k][e];
                    }
                    matches = pattern.matchesIndexed(group.chunk(e), group.offset(e), values);
                } else {
                    matches = pattern.matches(group.chunk(e), group.offset(e), group.length(e));
                }
                if (!matches) {
                    continue;
                }
            }
            int size = group.length(e) + EVENT_OVERHEAD;
            if (page.count > 0 && (page.count >= limit || page.bytes + size > MAX_PAGE_BYTES)) {
                page.nextToken = encodeToken(group.timestamp(lastSelected), group.sequence(lastSelected), group, position);
                break;
            }
            page.add(group, e);
            page.bytes += size;
            lastSelected = e;
        }
    }

    private void throttleFilter() {
        int perSecond = properties.logs().filterCallsPerSecond();
        if (perSecond <= 0) {
            return;
        }
        synchronized (rateLock) {
            long second = clock.millis() / 1000;
            if (second != rateWindow) {
                rateWindow = second;
                callsInWindow = 0;
            }
            if (++callsInWindow > perSecond) {
                throw new AwsFault("ThrottlingException", 400, "Rate exceeded", Map.of());
            }
        }
    }

    // --- helpers ---

    private long retentionCutoff(LogGroup group) {
        return group.retentionInDays == null ? Long.MIN_VALUE : clock.millis() - group.retentionInDays * 86_400_000L;
    }

    private LogGroup groupOf(JsonNode in) {
        String name = text(in, "logGroupName");
        String identifier = text(in, "logGroupIdentifier");
        if (name != null && identifier != null) {
            throw AwsFault.logsInvalidParameter("LogGroup name and LogGroup identifier are mutually exclusive parameters.");
        }
        if (name == null && identifier == null) {
            throw AwsFault.logsInvalidParameter("Either logGroupName or logGroupIdentifier is required.");
        }
        return group(name != null ? name : nameOf(identifier));
    }

    private LogGroup group(String name) {
        LogGroup group = store.group(name);
        if (group == null) {
            throw AwsFault.logsNotFound("The specified log group does not exist.");
        }
        return group;
    }

    static String nameOf(String identifier) {
        int index = identifier.indexOf(":log-group:");
        if (index < 0) {
            return identifier;
        }
        String name = identifier.substring(index + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    private String arn(String groupName) {
        return "arn:aws:logs:" + properties.region() + ":" + properties.accountId() + ":log-group:" + groupName;
    }

    private static String encodeToken(long timestamp, long sequence, LogGroup group, int position) {
        String raw = "v1/" + group.fileId.substring(0, 8) + "/" + timestamp + "/" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private long[] decodeToken(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("/");
            if (parts.length != 4 || !parts[0].equals("v1")) {
                throw invalidToken();
            }
            return new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])};
        } catch (IllegalArgumentException e) {
            throw invalidToken();
        }
    }

    private static String encodePosition(int position) {
        return String.format("%056d", position);
    }

    private int decodePosition(String value) {
        try {
            return Integer.parseInt(value.replaceFirst("^0+(?=\\d)", ""));
        } catch (NumberFormatException e) {
            throw invalidToken();
        }
    }

    private AwsFault invalidToken() {
        return AwsFault.logsInvalidParameter("The specified nextToken is invalid.");
    }

    /** For the emulator's own seeding. */
    public LogStore store() {
        return store;
    }
}
