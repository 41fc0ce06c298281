package com.example.smsconsole.emulator.logs;

import com.example.smsconsole.emulator.sms.ReceiptSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The log groups of the emulated CloudWatch Logs, kept in memory and under a data directory
 * ({@code meta.json} for groups and streams, one event file per group).
 */
public final class LogStore implements ReceiptSink {

    private final ConcurrentSkipListMap<String, LogGroup> groups = new ConcurrentSkipListMap<>();
    private final @Nullable Path dir;
    private final Clock clock;
    private final JsonMapper mapper;

    public LogStore(@Nullable Path dir, Clock clock, JsonMapper mapper) {
        this.dir = dir;
        this.clock = clock;
        this.mapper = mapper;
        if (dir != null) {
            load();
        }
    }

    public @Nullable LogGroup group(String name) {
        return groups.get(name);
    }

    List<LogGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    public boolean exists(String name) {
        return groups.containsKey(name);
    }

    /** Creates a group; false when it exists. */
    public synchronized boolean createGroup(String name, @Nullable String kmsKeyId) {
        if (groups.containsKey(name)) {
            return false;
        }
        String fileId = HexFormat.of().formatHex(sha1(name));
        var group = new LogGroup(name, clock.millis(), fileId, dir == null ? null : dir.resolve(fileId + ".events"));
        group.kmsKeyId = kmsKeyId;
        groups.put(name, group);
        saveMeta();
        return true;
    }

    public synchronized void deleteGroup(String name) {
        LogGroup group = groups.remove(name);
        if (group != null) {
            try {
                group.deleteFile();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            saveMeta();
        }
    }

    synchronized void setRetention(LogGroup group, @Nullable Integer days) {
        group.retentionInDays = days;
        saveMeta();
    }

    /** Creates a stream; false when it exists. */
    synchronized boolean createStream(LogGroup group, String streamName) {
        group.lock.writeLock().lock();
        try {
            if (group.stream(streamName) != null) {
                return false;
            }
            group.createStream(streamName, clock.millis());
        } finally {
            group.lock.writeLock().unlock();
        }
        saveMeta();
        return true;
    }

    @Override
    public boolean append(String logGroupName, String logStreamName, long timestamp, String message) {
        LogGroup group = groups.get(logGroupName);
        if (group == null) {
            return false;
        }
        if (group.stream(logStreamName) == null) {
            createStream(group, logStreamName);
        }
        group.lock.writeLock().lock();
        try {
            group.append(group.stream(logStreamName), timestamp, clock.millis(), message.getBytes(StandardCharsets.UTF_8), true);
            group.flush();
        } finally {
            group.lock.writeLock().unlock();
        }
        return true;
    }

    public void close() {
        groups.values().forEach(LogGroup::close);
    }

    private static byte[] sha1(String value) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveMeta() {
        if (dir == null) {
            return;
        }
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("groups");
        for (LogGroup group : groups.values()) {
            ObjectNode g = array.addObject();
            g.put("name", group.name);
            g.put("creationTime", group.creationTime);
            g.put("fileId", group.fileId);
            if (group.retentionInDays != null) {
                g.put("retentionInDays", group.retentionInDays);
            }
            if (group.kmsKeyId != null) {
                g.put("kmsKeyId", group.kmsKeyId);
            }
            ArrayNode streams = g.putArray("streams");
            for (LogGroup.Stream stream : group.streamsByIndex) {
                ObjectNode s = streams.addObject();
                s.put("name", stream.name);
                s.put("creationTime", stream.creationTime);
            }
        }
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve("meta.json.tmp");
            Files.write(tmp, mapper.writeValueAsBytes(root));
            Files.move(tmp, dir.resolve("meta.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void load() {
        Path meta = dir.resolve("meta.json");
        if (!Files.exists(meta)) {
            return;
        }
        try {
            JsonNode root = mapper.readTree(meta.toFile());
            for (JsonNode g : root.path("groups")) {
                String fileId = g.path("fileId").asString();
                var group = new LogGroup(g.path("name").asString(), g.path("creationTime").asLong(), fileId, dir.resolve(fileId + ".events"));
                if (g.hasNonNull("retentionInDays")) {
                    group.retentionInDays = g.path("retentionInDays").asInt();
                }
                if (g.hasNonNull("kmsKeyId")) {
                    group.kmsKeyId = g.path("kmsKeyId").asString();
                }
                for (JsonNode s : g.path("streams")) {
                    group.createStream(s.path("name").asString(), s.path("creationTime").asLong());
                }
                group.load();
                for (int i = 0; i < group.size(); i++) {
                    LogGroup.Stream stream = group.streamsByIndex.get(group.streamIndex(i));
                    long ts = group.timestamp(i);
                    if (stream.firstEventTimestamp == 0 || ts < stream.firstEventTimestamp) {
                        stream.firstEventTimestamp = ts;
                    }
                    stream.lastEventTimestamp = Math.max(stream.lastEventTimestamp, ts);
                }
                groups.put(group.name, group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the emulator's log store under " + dir, e);
        }
    }
}
