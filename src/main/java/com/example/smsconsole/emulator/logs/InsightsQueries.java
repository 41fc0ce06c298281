package com.example.smsconsole.emulator.logs;

import static com.example.smsconsole.emulator.protocol.Json.object;
import static com.example.smsconsole.emulator.protocol.Json.text;
import static com.example.smsconsole.emulator.protocol.Json.texts;

import com.example.smsconsole.emulator.protocol.AwsFault;
import com.example.smsconsole.emulator.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CloudWatch Logs Insights: StartQuery, GetQueryResults and StopQuery (botocore logs model). A query
 * runs over the events present when it starts; it reports {@code Scheduled}, then {@code Running}
 * for a short while of emulator time (so that StopQuery has something to cancel and clients poll
 * as they must against AWS), then {@code Complete}; a stopped query is {@code Cancelled}. Results
 * are kept in memory (the last {@value #KEPT} queries), not across restarts.
 */
final class InsightsQueries {

    static final long SCHEDULED_MILLIS = 100;
    static final long RUN_MILLIS = 1000;
    /** "You are limited to 100 concurrent CloudWatch Logs Insights QL per account" (AnalyzingLogData). */
    static final int MAX_CONCURRENT = 100;
    static final int KEPT = 1000;
    private static final int PAGE = 10_000;

    private static final class Query {
        final String id;
        final long startedAt;
        final InsightsQuery.Result result;
        volatile boolean cancelled;

        Query(String id, long startedAt, InsightsQuery.Result result) {
            this.id = id;
            this.startedAt = startedAt;
            this.result = result;
        }
    }

    private final Map<String, Query> queries = new LinkedHashMap<>();
    private final Clock clock;
    private final Function<String, @Nullable LogGroup> groups;
    private final Function<LogGroup, Long> cutoff;
    private final String accountId;

    InsightsQueries(Clock clock, Function<String, @Nullable LogGroup> groups, Function<LogGroup, Long> cutoff, String accountId) {
        this.clock = clock;
        this.groups = groups;
        this.cutoff = cutoff;
        this.accountId = accountId;
    }

    private String status(Query q, long now) {
        if (q.cancelled) {
            return "Cancelled";
        }
        long age = now - q.startedAt;
        return age < SCHEDULED_MILLIS ? "Scheduled" : age < RUN_MILLIS ? "Running" : "Complete";
    }

    JsonNode start(JsonNode in) {
        String language = text(in, "queryLanguage", "CWLI");
        if (!language.equals("CWLI")) {
            throw malformed("The local emulator runs Logs Insights QL (CWLI) queries only, not " + language + ".", 0, 0);
        }
        List<String> names = new ArrayList<>();
        int given = 0;
        if (text(in, "logGroupName") != null) {
            names.add(text(in, "logGroupName"));
            given++;
        }
        if (in.has("logGroupNames")) {
            names.addAll(texts(in, "logGroupNames"));
            given++;
        }
        if (in.has("logGroupIdentifiers")) {
            texts(in, "logGroupIdentifiers").forEach(id -> names.add(LogsEmulator.nameOf(id)));
            given++;
        }
        if (given != 1) {
            // StartQuery: "must include exactly one of the following parameters: logGroupName, logGroupNames, or logGroupIdentifiers"
            throw AwsFault.logsInvalidParameter("A query must name its log groups with exactly one of logGroupName, logGroupNames or logGroupIdentifiers.");
        }
        if (names.size() > 50) {
            throw AwsFault.logsInvalidParameter("A query can include up to 50 log groups.");
        }
        long start = in.path("startTime").asLong();
        long end = in.path("endTime").asLong();
        if (end < start) {
            throw AwsFault.logsInvalidParameter("The query's endTime must not be before its startTime.");
        }
        InsightsQuery query;
        String queryString = text(in, "queryString", "");
        try {
            query = InsightsQuery.parse(queryString);
        } catch (InsightsQuery.Malformed e) {
            throw malformed(e.getMessage(), e.start, e.end);
        }
        List<LogGroup> selected = new ArrayList<>();
        Map<LogGroup, Long> cutoffs = new LinkedHashMap<>();
        for (String name : names) {
            LogGroup group = groups.apply(name);
            if (group == null) {
                // the message AWS answers (localstack's recording of StartQuery on a missing group)
                throw AwsFault.logsNotFound("Log group '" + name + "' does not exist for account ID '" + accountId + "'");
            }
            selected.add(group);
            cutoffs.put(group, cutoff.apply(group));
        }
        long now = clock.millis();
        synchronized (queries) {
            long running = queries.values().stream().filter(q -> !status(q, now).equals("Complete") && !q.cancelled).count();
            if (running >= MAX_CONCURRENT) {
                throw new AwsFault("LimitExceededException", 400, "Account maximum query concurrency limit of [" + MAX_CONCURRENT + "] reached.", Map.of());
            }
        }
        // StartQuery: startTime and endTime are epoch seconds, both inclusive
        int limit = in.has("limit") ? in.path("limit").asInt() : InsightsQuery.DEFAULT_LIMIT;
        var result = query.run(selected, start * 1000, end * 1000 + 999, cutoffs, limit, accountId);
        String id = UUID.randomUUID().toString();
        synchronized (queries) {
            queries.put(id, new Query(id, now, result));
            while (queries.size() > KEPT) {
                queries.remove(queries.keySet().iterator().next());
            }
        }
        ObjectNode out = object();
        out.put("queryId", id);
        return out;
    }

    JsonNode results(JsonNode in) {
        Query q = query(text(in, "queryId", ""));
        String status = status(q, clock.millis());
        ObjectNode out = object();
        out.put("queryLanguage", "CWLI");
        ArrayNode rows = out.putArray("results");
        InsightsQuery.Result r = q.result;
        boolean complete = status.equals("Complete");
        if (complete) {
            int from = 0;
            String token = text(in, "nextToken");
            if (token != null) {
                try {
                    from = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw AwsFault.logsInvalidParameter("The specified nextToken is invalid.");
                }
            }
            Long max = Json.number(in, "maxItems");
            int page = max == null || max <= 0 ? PAGE : (int) Math.min(PAGE, max);
            int to = Math.min(r.rows().size(), from + page);
            for (int i = from; i < to; i++) {
                ArrayNode row = rows.addArray();
                for (var field : r.rows().get(i)) {
                    row.addObject().put("field", field.getKey()).put("value", field.getValue());
                }
            }
            if (to < r.rows().size()) {
                out.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8)));
            }
        }
        ObjectNode stats = out.putObject("statistics");
        stats.put("recordsMatched", complete ? (double) r.recordsMatched() : 0.0);
        stats.put("recordsScanned", complete ? (double) r.recordsScanned() : 0.0);
        stats.put("bytesScanned", complete ? (double) r.bytesScanned() : 0.0);
        out.put("status", status);
        return out;
    }

    JsonNode stop(JsonNode in) {
        Query q = query(text(in, "queryId", ""));
        String status = status(q, clock.millis());
        if (!status.equals("Scheduled") && !status.equals("Running")) {
            // StopQuery: "If the query has already ended, the operation returns an error indicating that the specified query is not running."
            throw AwsFault.logsInvalidParameter("Query " + q.id + " is not running.");
        }
        q.cancelled = true;
        ObjectNode out = object();
        out.put("success", true);
        return out;
    }

    private Query query(String id) {
        Query q;
        synchronized (queries) {
            q = queries.get(id);
        }
        if (q == null) {
            throw AwsFault.logsNotFound("Query " + id + " does not exist.");
        }
        return q;
    }

    private static AwsFault malformed(String message, int start, int end) {
        return new AwsFault("MalformedQueryException", 400, message, Map.of("queryCompileError",
                Map.of("location", Map.of("startCharOffset", start, "endCharOffset", end), "message", message)));
    }
}
