package com.example.smsconsole.emulator.logs;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import com.example.smsconsole.emulator.logs.JsonScanner.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * One log group: its streams and events. Events are kept column-wise in memory (message bytes in
 * large shared chunks) with an index in (timestamp, sequence) order, and appended to a file so they
 * survive a restart. JSON fields that filter patterns test get a {@link FieldIndex} column on first
 * use (8 bytes per event: the value's kind and where its text sits in the message), kept up to date
 * by appends, so a search compares bytes instead of parsing every event again.
 */
final class LogGroup {

    private static final int CHUNK = 16 * 1024 * 1024;

    /** A stream's metadata. */
    static final class Stream {
        final String name;
        final int index;
        final long creationTime;
        long firstEventTimestamp;
        long lastEventTimestamp;
        long lastIngestionTime;
        long storedBytes;

        Stream(String name, int index, long creationTime) {
            this.name = name;
            this.index = index;
            this.creationTime = creationTime;
        }
    }

    /** One event, copied out for a response. */
    record Event(long timestamp, long ingestionTime, long sequence, String streamName, byte[] chunk, int offset, int length) {

        String message() {
            return new String(chunk, offset, length, StandardCharsets.UTF_8);
        }

        String eventId() {
            return String.format("%020d%020d%016d", timestamp, sequence, Math.floorMod(streamName.hashCode(), 10_000_000_000_000_000L));
        }
    }

    final String name;
    final long creationTime;
    final String fileId;
    @Nullable Integer retentionInDays;
    @Nullable String kmsKeyId;
    final Map<String, Stream> streams = new TreeMap<>();
    final List<Stream> streamsByIndex = new ArrayList<>();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private long[] timestamps = new long[1024];
    private long[] ingestionTimes = new long[1024];
    private long[] sequences = new long[1024];
    private int[] streamIndexes = new int[1024];
    private int[] chunkIndexes = new int[1024];
    private int[] offsets = new int[1024];
    private int[] lengths = new int[1024];
    private int size;
    private final List<byte[]> chunks = new ArrayList<>();
    private int chunkFill = CHUNK;
    private int[] order = new int[1024];
    private volatile boolean sorted = true;
    private long nextSequence = 1;
    private long storedBytes;
    private @Nullable DataOutputStream file;
    private final @Nullable Path filePath;
    private final FieldIndex index = new FieldIndex();

    LogGroup(String name, long creationTime, String fileId, @Nullable Path filePath) {
        this.name = name;
        this.creationTime = creationTime;
        this.fileId = fileId;
        this.filePath = filePath;
    }

    Stream stream(String streamName) {
        return streams.get(streamName);
    }

    Stream createStream(String streamName, long now) {
        var stream = new Stream(streamName, streamsByIndex.size(), now);
        streams.put(streamName, stream);
        streamsByIndex.add(stream);
        return stream;
    }

    int size() {
        return size;
    }

    long storedBytes() {
        return storedBytes;
    }

    /** Appends one event (caller holds the write lock); {@code persist} writes it to the group's file. */
    void append(Stream stream, long timestamp, long ingestionTime, byte[] message, boolean persist) {
        long sequence = nextSequence++;
        appendInMemory(stream.index, timestamp, ingestionTime, sequence, message);
        stream.storedBytes += message.length;
        if (stream.firstEventTimestamp == 0 || timestamp < stream.firstEventTimestamp) {
            stream.firstEventTimestamp = timestamp;
        }
        stream.lastEventTimestamp = Math.max(stream.lastEventTimestamp, timestamp);
        stream.lastIngestionTime = Math.max(stream.lastIngestionTime, ingestionTime);
        if (persist) {
            write(stream.index, timestamp, ingestionTime, sequence, message);
        }
    }

    private void appendInMemory(int streamIndex, long timestamp, long ingestionTime, long sequence, byte[] message) {
        if (size == timestamps.length) {
            int capacity = size * 2;
            timestamps = Arrays.copyOf(timestamps, capacity);
            ingestionTimes = Arrays.copyOf(ingestionTimes, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            streamIndexes = Arrays.copyOf(streamIndexes, capacity);
            chunkIndexes = Arrays.copyOf(chunkIndexes, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            order = Arrays.copyOf(order, capacity);
        }
        if (chunkFill + message.length > CHUNK) {
            chunks.add(new byte[Math.max(CHUNK, message.length)]);
            chunkFill = 0;
        }
        byte[] chunk = chunks.getLast();
        System.arraycopy(message, 0, chunk, chunkFill, message.length);
        int i = size++;
        timestamps[i] = timestamp;
        ingestionTimes[i] = ingestionTime;
        sequences[i] = sequence;
        streamIndexes[i] = streamIndex;
        chunkIndexes[i] = chunks.size() - 1;
        offsets[i] = chunkFill;
        lengths[i] = message.length;
        chunkFill += message.length;
        storedBytes += message.length;
        order[i] = i;
        index.append(i, chunk, offsets[i], message.length);
        if (sorted && i > 0 && timestamp < timestamps[order[i - 1]]) {
            sorted = false;
        }
        nextSequence = Math.max(nextSequence, sequence + 1);
    }

    /** The position in time order of the first event at or after {@code timestamp} (caller holds {@link #lockForRead()}). */
    int lowerBound(long timestamp) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[order[mid]] < timestamp) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The position in time order just after the event (timestamp, sequence). */
    int after(long timestamp, long sequence) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int e = order[mid];
            if (timestamps[e] < timestamp || (timestamps[e] == timestamp && sequences[e] <= sequence)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Takes the read lock with the time-order index up to date (sorting first, under the write
     * lock, when out-of-order events arrived). Release with {@code lock.readLock().unlock()}.
     */
    void lockForRead() {
        while (true) {
            if (!sorted) {
                lock.writeLock().lock();
                try {
                    ensureSorted();
                } finally {
                    lock.writeLock().unlock();
                }
            }
            lock.readLock().lock();
            if (sorted) {
                return;
            }
            lock.readLock().unlock();
        }
    }

    /** The event index at a position in time order. */
    int at(int position) {
        return order[position];
    }

    long timestamp(int event) {
        return timestamps[event];
    }

    long sequence(int event) {
        return sequences[event];
    }

    int streamIndex(int event) {
        return streamIndexes[event];
    }

    int length(int event) {
        return lengths[event];
    }

    byte[] chunk(int event) {
        return chunks.get(chunkIndexes[event]);
    }

    int offset(int event) {
        return offsets[event];
    }

    long ingestionTime(int event) {
        return ingestionTimes[event];
    }

    String streamName(int event) {
        return streamsByIndex.get(streamIndexes[event]).name;
    }

    /**
     * Makes sure the index has a column for each selector (building the missing ones in one pass
     * over the group). Call without holding the group's lock.
     */
    void index(Selector[] selectors) {
        lock.readLock().lock();
        try {
            if (index.has(selectors)) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            index.build(selectors, this);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The index columns for the selectors, or null when one was evicted meanwhile (caller holds the read lock). */
    long @Nullable [][] columns(Selector[] selectors) {
        return index.columns(selectors);
    }

    String messageString(int event) {
        return new String(chunks.get(chunkIndexes[event]), offsets[event], lengths[event], StandardCharsets.UTF_8);
    }

    Event event(int event) {
        return new Event(timestamps[event], ingestionTimes[event], sequences[event], streamsByIndex.get(streamIndexes[event]).name,
                chunks.get(chunkIndexes[event]), offsets[event], lengths[event]);
    }

    private void ensureSorted() {
        if (sorted) {
            return;
        }
        if (size < (1 << 22) && timestamps[0] >= 0) {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = (timestamps[i] << 22) | i;
            }
            Arrays.sort(keys);
            for (int i = 0; i < size; i++) {
                order[i] = (int) (keys[i] & ((1 << 22) - 1));
            }
        } else {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (a, b) -> timestamps[a] != timestamps[b] ? Long.compare(timestamps[a], timestamps[b]) : Long.compare(sequences[a], sequences[b]));
            for (int i = 0; i < size; i++) {
                order[i] = boxed[i];
            }
        }
        sorted = true;
    }

    // --- persistence: records of [timestamp][ingestion][sequence][stream][length][bytes] ---

    private void write(int streamIndex, long timestamp, long ingestionTime, long sequence, byte[] message) {
        if (filePath == null) {
            return;
        }
        try {
            if (file == null) {
                file = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(filePath,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16));
            }
            file.writeLong(timestamp);
            file.writeLong(ingestionTime);
            file.writeLong(sequence);
            file.writeInt(streamIndex);
            file.writeInt(message.length);
            file.write(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        if (file != null) {
            try {
                file.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // closing on shutdown
            }
            file = null;
        }
    }

    /** Reads the group's file back into memory; a torn last record (crash mid-write) is ignored. */
    void load() throws IOException {
        if (filePath == null || !Files.exists(filePath)) {
            return;
        }
        byte[] all = Files.readAllBytes(filePath);
        var buffer = java.nio.ByteBuffer.wrap(all);
        long valid = 0;
        while (buffer.remaining() >= 32) {
            long timestamp = buffer.getLong();
            long ingestion = buffer.getLong();
            long sequence = buffer.getLong();
            int streamIndex = buffer.getInt();
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining() || streamIndex < 0 || streamIndex >= streamsByIndex.size()) {
                break;
            }
            byte[] message = new byte[length];
            buffer.get(message);
            Stream stream = streamsByIndex.get(streamIndex);
            appendInMemory(streamIndex, timestamp, ingestion, sequence, message);
            stream.storedBytes += length;
            valid = buffer.position();
        }
        if (valid < all.length) {
            try (var channel = java.nio.channels.FileChannel.open(filePath, StandardOpenOption.WRITE)) {
                channel.truncate(valid);
            }
        }
    }

    void deleteFile() throws IOException {
        close();
        if (filePath != null) {
            Files.deleteIfExists(filePath);
        }
    }

    /**
     * Per selector, one packed {@link JsonScanner} value per event (index = event number, not time
     * order). At most {@link #MAX_COLUMNS} columns; the least recently used goes first.
     */
    static final class FieldIndex {

        static final int MAX_COLUMNS = 16;

        private static final class Column {
            final Selector selector;
            long[] values;
            volatile long lastUsed;

            Column(Selector selector, long[] values) {
                this.selector = selector;
                this.values = values;
            }
        }

        private final Map<Selector, Column> columns = new HashMap<>();
        private Column[] all = new Column[0];
        private Selector[] selectors = new Selector[0];
        private long clock;

        boolean has(Selector[] wanted) {
            for (Selector s : wanted) {
                if (!columns.containsKey(s)) {
                    return false;
                }
            }
            return true;
        }

        long @Nullable [][] columns(Selector[] wanted) {
            long[][] out = new long[wanted.length][];
            long now = ++clock;
            for (int i = 0; i < wanted.length; i++) {
                Column column = columns.get(wanted[i]);
                if (column == null) {
                    return null;
                }
                column.lastUsed = now;
                out[i] = column.values;
            }
            return out;
        }

        /** Builds the missing columns (caller holds the write lock). */
        void build(Selector[] wanted, LogGroup group) {
            List<Selector> missing = new ArrayList<>();
            for (Selector s : wanted) {
                if (!columns.containsKey(s) && !missing.contains(s)) {
                    missing.add(s);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Selector[] scan = missing.toArray(Selector[]::new);
            int size = group.size;
            long[][] built = new long[scan.length][Math.max(1024, group.timestamps.length)];
            for (int e = 0; e < size; e++) {
                long[] values = values(group.chunk(e), group.offsets[e], group.lengths[e], scan);
                for (int k = 0; k < scan.length; k++) {
                    built[k][e] = values[k];
                }
            }
            long now = ++clock;
            for (int k = 0; k < scan.length; k++) {
                Column column = new Column(scan[k], built[k]);
                column.lastUsed = now;
                columns.put(scan[k], column);
            }
            while (columns.size() > MAX_COLUMNS) {
                Column oldest = null;
                for (Column c : columns.values()) {
                    if (!missing.contains(c.selector) && (oldest == null || c.lastUsed < oldest.lastUsed)) {
                        oldest = c;
                    }
                }
                if (oldest == null) {
                    break;
                }
                columns.remove(oldest.selector);
            }
            all = columns.values().toArray(Column[]::new);
            selectors = Arrays.stream(all).map(c -> c.selector).toArray(Selector[]::new);
        }

        /** Adds an appended event's values to every column (caller holds the write lock). */
        void append(int event, byte[] chunk, int offset, int length) {
            if (all.length == 0) {
                return;
            }
            long[] values = values(chunk, offset, length, selectors);
            for (int k = 0; k < all.length; k++) {
                Column column = all[k];
                if (event >= column.values.length) {
                    column.values = Arrays.copyOf(column.values, Math.max(event + 1, column.values.length * 2));
                }
                column.values[event] = values[k];
            }
        }

        /** The packed values of the selectors in one message ({@link JsonScanner#NOT_OBJECT} for all when it is no JSON object). */
        static long[] values(byte[] bytes, int offset, int length, Selector[] selectors) {
            long[] out = new long[selectors.length];
            boolean object = JsonScanner.scan(bytes, offset, length, selectors, new JsonScanner.Sink() {
                @Override
                public void value(int selector, long packed) {
                    out[selector] = packed;
                }

                @Override
                public void reset(int selector) {
                    out[selector] = JsonScanner.ABSENT;
                }
            });
            if (!object) {
                Arrays.fill(out, JsonScanner.NOT_OBJECT);
            }
            return out;
        }
    }
}
