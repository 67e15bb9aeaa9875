package io.headroom.store;

import java.util.Arrays;

/**
 * Log-bucketed (DDSketch-style) span latency histogram: per-minute rollups can be merged exactly into any window,
 * and every quantile stays within {@link #RELATIVE_ERROR} of the true value regardless of the latency range.
 */
public final class LatencyHistogram {

    private static final double GAMMA = 1.02;
    public static final double RELATIVE_ERROR = (GAMMA - 1) / (GAMMA + 1);

    // StrictMath, not Math: encoded buckets are persisted and merged across JVMs, so the value-to-bucket mapping
    // must be bit-for-bit stable rather than depend on which intrinsic a JIT picked.
    private static final double LOG_GAMMA = StrictMath.log(GAMMA);
    /** About 2.8 hours; anything longer is a broken span rather than a latency worth resolving. */
    private static final long MAX_NANOS = 10_000_000_000_000L;
    private static final int MAX_INDEX = index(MAX_NANOS);
    private static final byte VERSION = 1;
    private static final long[] NO_COUNTS = new long[0];

    private long zeroCount;
    private long total;
    /** counts[i] belongs to bucket offset + i; a dense window is cheaper to merge into than a sparse map. */
    private long[] counts = NO_COUNTS;
    private int offset;

    public LatencyHistogram() {
    }

    public void recordNanos(long durationNanos) {
        recordNanos(durationNanos, 1);
    }

    public void recordNanos(long durationNanos, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (count == 0) {
            return;
        }
        total = Math.addExact(total, count);
        if (durationNanos <= 0) {
            zeroCount += count;
            return;
        }
        int index = index(Math.min(durationNanos, MAX_NANOS));
        ensureRange(index, index);
        counts[index - offset] += count;
    }

    public void merge(LatencyHistogram other) {
        // merge(this) must double every count, so each field of other is read before ours is written.
        long[] source = other.counts;
        int sourceOffset = other.offset;
        total = Math.addExact(total, other.total);
        zeroCount += other.zeroCount;
        if (source.length == 0) {
            return;
        }
        ensureRange(sourceOffset, sourceOffset + source.length - 1);
        int shift = sourceOffset - offset;
        for (int i = 0; i < source.length; i++) {
            counts[i + shift] += source[i];
        }
    }

    public void mergeEncoded(byte[] encoded) {
        // Validate everything before touching any count, so a corrupt row cannot leave a half-merged histogram.
        Reader reader = new Reader(encoded);
        long zeros = reader.addCount(0, true);
        int buckets = reader.bucketCount();
        int bucketsStart = reader.pos;
        long added = zeros;
        int firstIndex = -1;
        int lastIndex = -1;
        for (int b = 0; b < buckets; b++) {
            lastIndex = reader.nextIndex(lastIndex);
            firstIndex = b == 0 ? lastIndex : firstIndex;
            added = reader.addCount(added, false);
        }
        reader.expectEnd();
        total = Math.addExact(total, added);
        zeroCount += zeros;
        if (buckets == 0) {
            return;
        }
        ensureRange(firstIndex, lastIndex);
        reader.pos = bucketsStart;
        int index = -1;
        for (int b = 0; b < buckets; b++) {
            index = reader.nextIndex(index);
            counts[index - offset] += reader.varint();
        }
    }

    public long count() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public double quantileNanos(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + q);
        }
        if (total == 0) {
            return Double.NaN;
        }
        // q is usually a decimal such as 0.07 that a double holds slightly too large; without the few-ulp
        // allowance 0.07 * 100 would round up to rank 8 instead of 7.
        double exactRank = q * total;
        long rank = (long) Math.ceil(exactRank - 4 * Math.ulp(exactRank));
        rank = Math.max(1, Math.min(total, rank));
        if (rank <= zeroCount) {
            return 0;
        }
        long seen = zeroCount;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                // The midpoint in relative terms, so values at either end of the bucket are equally far off.
                return 2 * StrictMath.pow(GAMMA, offset + i) / (GAMMA + 1);
            }
        }
        throw new IllegalStateException("bucket counts do not add up to " + total);
    }

    /**
     * How many durations were at most {@code thresholdNanos}, for latency SLOs. The bucket that
     * holds the threshold counts as within it, so durations up to one bucket width (2 %) above
     * the threshold may count as within it too; none below it is ever left out.
     */
    public long countAtMostNanos(long thresholdNanos) {
        if (thresholdNanos <= 0) {
            return zeroCount;
        }
        int last = index(Math.min(thresholdNanos, MAX_NANOS)) - offset;
        long within = zeroCount;
        for (int i = 0; i < counts.length && i <= last; i++) {
            within += counts[i];
        }
        return within;
    }

    /**
     * {@link #countAtMostNanos(long)} of an encoded histogram, read straight from its bytes: an SLO
     * status needs only this number from each of a month of rows, and decoding each row into
     * buckets allocated a few kilobytes per row (over 100 MB for one Overview of 50 services).
     */
    public static long countAtMostNanos(byte[] encoded, long thresholdNanos) {
        Reader reader = new Reader(encoded);
        long within = reader.addCount(0, true);
        int buckets = reader.bucketCount();
        int last = thresholdNanos <= 0 ? -1 : index(Math.min(thresholdNanos, MAX_NANOS));
        int index = -1;
        for (int b = 0; b < buckets; b++) {
            index = reader.nextIndex(index);
            long count = reader.addCount(0, false);
            within = index <= last ? Math.addExact(within, count) : within;
        }
        reader.expectEnd();
        return within;
    }

    /** Version byte, zero count, bucket count, then (first index zigzag | index delta, count) varint pairs. */
    public byte[] encode() {
        int buckets = 0;
        for (long count : counts) {
            buckets += count != 0 ? 1 : 0;
        }
        // Indices stay below 2^14, so a bucket takes at most 2 bytes of index and 10 of count.
        byte[] out = new byte[1 + 10 + 2 + 12 * buckets];
        out[0] = VERSION;
        int pos = writeVarint(out, 1, zeroCount);
        pos = writeVarint(out, pos, buckets);
        int previous = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                int index = offset + i;
                pos = writeVarint(out, pos, previous < 0 ? (long) index << 1 : index - previous);
                pos = writeVarint(out, pos, counts[i]);
                previous = index;
            }
        }
        return Arrays.copyOf(out, pos);
    }

    public static LatencyHistogram decode(byte[] encoded) {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.mergeEncoded(encoded);
        return histogram;
    }

    /** Bucket i holds (GAMMA^(i-1), GAMMA^i]; callers pass 1..MAX_NANOS, so i is never negative. */
    private static int index(long nanos) {
        return (int) Math.ceil(StrictMath.log(nanos) / LOG_GAMMA);
    }

    private void ensureRange(int low, int high) {
        int currentHigh = offset + counts.length - 1;
        if (counts.length != 0 && low >= offset && high <= currentHigh) {
            return;
        }
        // Grow with slack on the side that overflowed so a minute's worth of records does not reallocate per bucket.
        int slack = Math.max(16, counts.length / 2);
        int newLow = counts.length == 0 || low < offset ? Math.max(0, low - slack) : offset;
        int newHigh = counts.length == 0 || high > currentHigh ? Math.min(MAX_INDEX, high + slack) : currentHigh;
        long[] grown = new long[newHigh - newLow + 1];
        if (counts.length != 0) {
            System.arraycopy(counts, 0, grown, offset - newLow, counts.length);
        }
        counts = grown;
        offset = newLow;
    }

    private static int writeVarint(byte[] out, int pos, long value) {
        while ((value & ~0x7FL) != 0) {
            out[pos++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[pos++] = (byte) value;
        return pos;
    }

    /** Bounds-checked cursor: stored rows are untrusted input, so every malformation must become a clear IAE. */
    private static final class Reader {
        private final byte[] in;
        private int pos = 1;

        Reader(byte[] in) {
            if (in == null || in.length == 0) {
                throw new IllegalArgumentException("encoded latency histogram is empty");
            }
            if (in[0] != VERSION) {
                throw new IllegalArgumentException("unknown latency histogram version " + (in[0] & 0xFF));
            }
            this.in = in;
        }

        long varint() {
            if (pos < in.length && in[pos] >= 0) {
                return in[pos++];
            }
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= in.length) {
                    throw invalid("is truncated");
                }
                byte b = in[pos++];
                // Padded varints are rejected so that equal histograms always have equal encodings.
                if ((shift == 63 && (b & 0xFE) != 0) || (b == 0 && shift > 0)) {
                    break;
                }
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw invalid("has an overlong or padded varint");
        }

        int bucketCount() {
            long buckets = varint();
            // Each bucket takes at least two bytes, which rules out absurd counts before anything is allocated.
            if (buckets < 0 || buckets > MAX_INDEX + 1 || buckets * 2 > in.length - pos) {
                throw invalid("claims " + buckets + " buckets in " + (in.length - pos) + " remaining bytes");
            }
            return (int) buckets;
        }

        /** The first index is zigzag-encoded, later ones are strictly positive deltas. */
        int nextIndex(int previous) {
            long raw = varint();
            long index = previous < 0 ? (raw >>> 1) ^ -(raw & 1) : previous + raw;
            if (index < 0 || index > MAX_INDEX || (previous >= 0 && raw <= 0)) {
                throw invalid("has a bucket index out of range");
            }
            return (int) index;
        }

        /** Only the zero count may be 0: an empty bucket would make equal histograms encode differently. */
        long addCount(long sum, boolean mayBeZero) {
            long count = varint();
            if (count < 0 || (count == 0 && !mayBeZero) || sum + count < 0) {
                throw invalid("has an invalid or overflowing count");
            }
            return sum + count;
        }

        void expectEnd() {
            if (pos != in.length) {
                throw invalid("has " + (in.length - pos) + " trailing bytes");
            }
        }

        private IllegalArgumentException invalid(String problem) {
            return new IllegalArgumentException("encoded latency histogram " + problem + " (at byte " + pos + ")");
        }
    }
}
