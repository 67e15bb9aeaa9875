package io.headroom.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.headroom.store.RollupKeys.OperationKey;
import io.headroom.store.RollupKeys.ServiceKey;

/**
 * What batches add to the rollup tables, in the binary form kept in {@code rollup_journal}.
 * A request records each span as a few bytes (its key's number in the request's own key list,
 * duration, flags) rather than building histograms: a request of 512 spans from ten services
 * can touch hundreds of keys with one or two spans each, and building and merging a histogram
 * per key per request would cost more than the span itself. The applier turns the recorded
 * spans into histograms once, for many requests together.
 */
final class RollupDelta {

    private static final int VERSION = 2;
    private static final int ERROR = 1;
    private static final int ENTRY = 2;
    /** Added in version 2 without a version change: entries written before it have no roots, which reads as none. */
    private static final int ROOT = 4;

    final Map<OperationKey, RollupCell> operations = new HashMap<>();
    final Map<ServiceKey, RollupCell> services = new HashMap<>();
    /** Both cells a key feeds, so that each recorded key costs one lookup while decoding. */
    private final Map<OperationKey, RollupCell[]> cellsByKey = new HashMap<>();

    /** Records the spans of one request; runs on the request thread. */
    static final class Recorder {
        private final Map<OperationKey, Integer> keyIds = new HashMap<>();
        private final List<OperationKey> keys = new ArrayList<>();
        private final ByteArrayOutputStream spans;
        private int spanCount;

        Recorder(int expectedSpans) {
            spans = new ByteArrayOutputStream(16 + expectedSpans * 8);
        }

        void record(OperationKey key, long durationNanos, boolean error, boolean entry, boolean root) {
            Integer id = keyIds.get(key);
            if (id == null) {
                id = keys.size();
                keyIds.put(key, id);
                keys.add(key);
            }
            writeVarint(spans, id);
            writeVarint(spans, Math.max(0, durationNanos));
            spans.write((error ? ERROR : 0) | (entry ? ENTRY : 0) | (root ? ROOT : 0));
            spanCount++;
        }

        /** @return the encoded delta, or null when no span was recorded */
        byte[] encode() {
            if (spanCount == 0) {
                return null;
            }
            var out = new ByteArrayOutputStream(64 + keys.size() * 32 + spans.size());
            out.write(VERSION);
            writeVarint(out, keys.size());
            for (OperationKey key : keys) {
                writeString(out, key.service());
                writeVarint(out, key.minuteEpochSecond());
                writeString(out, key.operation());
                writeVarint(out, key.kind());
            }
            writeVarint(out, spanCount);
            out.write(spans.toByteArray(), 0, spans.size());
            return out.toByteArray();
        }
    }

    /**
     * Walks an encoded journal entry without adding it, so that a malformed or newer-version
     * entry can be left aside instead of half-applied.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void validate(byte[] encoded) {
        var in = new Reader(encoded);
        while (in.position < encoded.length) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown rollup delta version");
            }
            long keyCount = in.readVarint();
            for (long i = 0; i < keyCount; i++) {
                in.readString();
                in.readVarint();
                in.readString();
                in.readVarint();
            }
            long spanCount = in.readVarint();
            for (long s = 0; s < spanCount; s++) {
                if (in.readVarint() >= keyCount) {
                    throw new IllegalArgumentException("span refers to an unknown rollup key");
                }
                in.readVarint();
                in.readByte();
            }
        }
    }

    /** Adds encoded deltas (a journal entry holds one or more, one after another) into this one. */
    void addEncoded(byte[] encoded) {
        var in = new Reader(encoded);
        while (in.position < encoded.length) {
            if (in.readByte() != VERSION) {
                throw new IllegalArgumentException("unknown rollup delta version");
            }
            int keyCount = (int) in.readVarint();
            RollupCell[] operationCells = new RollupCell[keyCount];
            RollupCell[] serviceCells = new RollupCell[keyCount];
            for (int i = 0; i < keyCount; i++) {
                var key = new OperationKey(in.readString(), in.readVarint(), in.readString(), (int) in.readVarint());
                RollupCell[] pair = cellsByKey.get(key);
                if (pair == null) {
                    pair = new RollupCell[] {
                            operations.computeIfAbsent(key, k -> new RollupCell()),
                            services.computeIfAbsent(new ServiceKey(key.service(), key.minuteEpochSecond()), k -> new RollupCell())};
                    cellsByKey.put(key, pair);
                }
                operationCells[i] = pair[0];
                serviceCells[i] = pair[1];
            }
            long spanCount = in.readVarint();
            for (long s = 0; s < spanCount; s++) {
                int id = (int) in.readVarint();
                long duration = in.readVarint();
                int flags = in.readByte();
                boolean error = (flags & ERROR) != 0;
                boolean root = (flags & ROOT) != 0;
                operationCells[id].record(duration, error, root);
                if ((flags & ENTRY) != 0) {
                    serviceCells[id].record(duration, error, root);
                }
            }
        }
        // A service whose spans in this delta were all non-entry spans has no requests to add.
        services.values().removeIf(cell -> cell.count == 0);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, utf8.length);
        out.writeBytes(utf8);
    }

    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int readByte() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("truncated rollup delta");
            }
            return bytes[position++] & 0xFF;
        }

        long readVarint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = readByte();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint in rollup delta");
        }

        String readString() {
            int length = (int) readVarint();
            if (length < 0 || length > bytes.length - position) {
                throw new IllegalArgumentException("truncated rollup delta");
            }
            String text = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return text;
        }
    }
}
