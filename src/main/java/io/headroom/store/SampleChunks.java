package io.headroom.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.Map;

/**
 * The samples of many {@code metric_sample_batches} rows regrouped by series and UTC day, read
 * from their binary COPY output and written back as {@code metric_chunks} rows. Done in Java,
 * not with {@code unnest}/{@code array_agg}: grouping by a long in a hash map is several times
 * cheaper than PostgreSQL's per-element array functions, and compaction has to keep pace with
 * ingest.
 */
final class SampleChunks {

    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int INT8_OID = 20;
    private static final int TIMESTAMPTZ_OID = 1184;
    private static final int FLOAT8_OID = 701;
    private static final int JSONB_OID = 3802;

    /** One chunk being gathered: times in PostgreSQL microseconds, values as raw bits, null for a stale marker. */
    private static final class Chunk {
        final long seriesId;
        final long day;
        long[] times = new long[8];
        long[] valueBits = new long[8];
        boolean[] stale = new boolean[8];
        byte[][] histograms;
        int count;

        Chunk(long seriesId, long day) {
            this.seriesId = seriesId;
            this.day = day;
        }

        void add(long time, long bits, boolean isStale, byte[] histogram) {
            if (count == times.length) {
                int grown = count * 2;
                times = Arrays.copyOf(times, grown);
                valueBits = Arrays.copyOf(valueBits, grown);
                stale = Arrays.copyOf(stale, grown);
                if (histograms != null) {
                    histograms = Arrays.copyOf(histograms, grown);
                }
            }
            if (histogram != null && histograms == null) {
                histograms = new byte[times.length][];
            }
            times[count] = time;
            valueBits[count] = bits;
            stale[count] = isStale;
            if (histograms != null) {
                histograms[count] = histogram;
            }
            count++;
        }
    }

    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

    private final ChunkTable chunks = new ChunkTable();
    private final PartitionMaintenance partitions;
    private int samples;
    private int expired;

    /** @param partitions says which samples still have a partition to go to: those retention has dropped meanwhile are left out */
    SampleChunks(PartitionMaintenance partitions) {
        this.partitions = partitions;
    }

    /** Adds the rows of {@code COPY (SELECT series_ids, times, "values", histograms ...) TO STDOUT (FORMAT binary)}. */
    void addCopyOutput(byte[] copy) {
        AcceptedTimes accepted = partitions.acceptedTimes();
        ByteBuffer in = ByteBuffer.wrap(copy);
        in.position(BinaryCopyBuffer.HEADER.length);
        while (in.remaining() >= 2) {
            short fields = in.getShort();
            if (fields == -1) {
                break;
            }
            long[] seriesIds = longArray(in);
            long[] times = longArray(in);
            int valuesLength = in.getInt();
            int valuesEnd = in.position() + valuesLength;
            int count = arrayHeader(in);
            long[] bits = new long[count];
            boolean[] stale = new boolean[count];
            for (int i = 0; i < count; i++) {
                int length = in.getInt();
                stale[i] = length < 0;
                bits[i] = length < 0 ? 0 : in.getLong();
            }
            in.position(valuesEnd);
            byte[][] histograms = jsonbArray(in, count);
            for (int i = 0; i < count; i++) {
                if (!accepted.accepts((times[i] + PG_EPOCH_MICROS) * 1000L)) {
                    expired++;
                    continue;
                }
                chunks.get(seriesIds[i], Math.floorDiv(times[i], MICROS_PER_DAY)).add(times[i], bits[i], stale[i],
                        histograms == null ? null : histograms[i]);
            }
            samples += count;
        }
    }

    /** Samples left out because their day is no longer kept (compaction was held up for that long). */
    int expired() {
        return expired;
    }

    int chunkCount() {
        return chunks.size();
    }

    long[] seriesIds() {
        return chunks.stream().mapToLong(chunk -> chunk.seriesId).distinct().toArray();
    }

    /** The chunks as COPY rows of {@code (service_name, series_id, start_time, end_time, times, values, histograms)}, times sorted. */
    BinaryCopyBuffer copyRows(Map<Long, String> services) {
        var rows = new BinaryCopyBuffer(samples * 20 + chunks.size() * 128);
        chunks.stream().forEach(chunk -> {
            sortByTime(chunk);
            rows.beginRow(7);
            rows.text(services.get(chunk.seriesId));
            rows.int8(chunk.seriesId);
            rows.timestamptzMicros(chunk.times[0]);
            rows.timestamptzMicros(chunk.times[chunk.count - 1]);
            array(rows, TIMESTAMPTZ_OID, chunk.count, false, 8 * chunk.count + 4 * chunk.count);
            for (int i = 0; i < chunk.count; i++) {
                rows.timestamptzMicros(chunk.times[i]);
            }
            int nulls = 0;
            for (int i = 0; i < chunk.count; i++) {
                nulls += chunk.stale[i] ? 1 : 0;
            }
            array(rows, FLOAT8_OID, chunk.count, nulls > 0, 12 * (chunk.count - nulls) + 4 * nulls);
            for (int i = 0; i < chunk.count; i++) {
                if (chunk.stale[i]) {
                    rows.nullField();
                } else {
                    rows.float8(Double.longBitsToDouble(chunk.valueBits[i]));
                }
            }
            if (chunk.histograms == null) {
                rows.nullField();
            } else {
                int bytes = 0;
                for (int i = 0; i < chunk.count; i++) {
                    bytes += 4 + (chunk.histograms[i] == null ? 0 : chunk.histograms[i].length);
                }
                array(rows, JSONB_OID, chunk.count, true, bytes);
                for (int i = 0; i < chunk.count; i++) {
                    rows.rawField(chunk.histograms[i]);
                }
            }
            rows.endRow();
        });
        return rows;
    }

    private static void array(BinaryCopyBuffer rows, int elementOid, int count, boolean hasNulls, int elementBytes) {
        rows.int4Raw(20 + elementBytes);
        rows.int4Raw(1);
        rows.int4Raw(hasNulls ? 1 : 0);
        rows.int4Raw(elementOid);
        rows.int4Raw(count);
        rows.int4Raw(1);
    }

    /** Samples of one series arrive in order within a batch and mostly across batches; sort only when they did not. */
    private static void sortByTime(Chunk chunk) {
        boolean sorted = true;
        for (int i = 1; i < chunk.count && sorted; i++) {
            sorted = chunk.times[i - 1] <= chunk.times[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[chunk.count];
        for (int i = 0; i < chunk.count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(chunk.times[a], chunk.times[b]));
        long[] times = new long[chunk.count];
        long[] bits = new long[chunk.count];
        boolean[] stale = new boolean[chunk.count];
        byte[][] histograms = chunk.histograms == null ? null : new byte[chunk.count][];
        for (int i = 0; i < chunk.count; i++) {
            times[i] = chunk.times[order[i]];
            bits[i] = chunk.valueBits[order[i]];
            stale[i] = chunk.stale[order[i]];
            if (histograms != null) {
                histograms[i] = chunk.histograms[order[i]];
            }
        }
        chunk.times = times;
        chunk.valueBits = bits;
        chunk.stale = stale;
        chunk.histograms = histograms;
    }

    /**
     * The chunks by series and day, in an open-addressing table: compaction looks one up per sample,
     * and a HashMap's key object and boxing per lookup were a fifth of its time.
     */
    private static final class ChunkTable {
        private Chunk[] slots = new Chunk[1024];
        private int size;

        Chunk get(long seriesId, long day) {
            int mask = slots.length - 1;
            int slot = spread(seriesId, day) & mask;
            Chunk chunk;
            while ((chunk = slots[slot]) != null) {
                if (chunk.seriesId == seriesId && chunk.day == day) {
                    return chunk;
                }
                slot = (slot + 1) & mask;
            }
            chunk = new Chunk(seriesId, day);
            slots[slot] = chunk;
            if (++size * 2 > slots.length) {
                grow();
            }
            return chunk;
        }

        int size() {
            return size;
        }

        Stream<Chunk> stream() {
            return Arrays.stream(slots).filter(Objects::nonNull);
        }

        private void grow() {
            Chunk[] old = slots;
            slots = new Chunk[old.length * 2];
            int mask = slots.length - 1;
            for (Chunk chunk : old) {
                if (chunk != null) {
                    int slot = spread(chunk.seriesId, chunk.day) & mask;
                    while (slots[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    slots[slot] = chunk;
                }
            }
        }

        private static int spread(long seriesId, long day) {
            long h = (seriesId ^ day * 0x9E3779B97F4A7C15L) * 0xC2B2AE3D27D4EB4FL;
            return (int) (h ^ h >>> 32);
        }
    }

    private static int arrayHeader(ByteBuffer in) {
        int dimensions = in.getInt();
        in.getInt();
        in.getInt();
        if (dimensions == 0) {
            return 0;
        }
        int count = in.getInt();
        in.getInt();
        return count;
    }

    private static long[] longArray(ByteBuffer in) {
        int length = in.getInt();
        int end = in.position() + length;
        int count = arrayHeader(in);
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            in.getInt();
            values[i] = in.getLong();
        }
        in.position(end);
        return values;
    }

    /** The jsonb elements with their version byte, as COPY fields carry them; null when the array is null. */
    private static byte[][] jsonbArray(ByteBuffer in, int expected) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        int end = in.position() + length;
        int count = arrayHeader(in);
        byte[][] values = new byte[Math.max(count, expected)][];
        for (int i = 0; i < count; i++) {
            int elementLength = in.getInt();
            if (elementLength >= 0) {
                values[i] = new byte[elementLength];
                in.get(values[i]);
            }
        }
        in.position(end);
        return values;
    }
}
