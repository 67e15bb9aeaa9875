package io.headroom.store;

/**
 * The timestamps that can be stored at one moment: from the oldest day retention keeps to a day
 * ahead. Taken once per request or compaction round and asked per sample, because reading the
 * clock for each of a request's thousands of samples cost 4 % of ingest's CPU.
 *
 * @param oldestNanos the earliest storable time, in nanoseconds since the epoch
 * @param newestNanos the first time too far ahead to store
 */
public record AcceptedTimes(long oldestNanos, long newestNanos) {

    private static final long DAY_NANOS = 86_400_000_000_000L;

    static AcceptedTimes at(long nowMillis, long retentionNanos) {
        long now = nowMillis * 1_000_000L;
        return new AcceptedTimes(now - retentionNanos, now + DAY_NANOS);
    }

    public boolean accepts(long epochNanos) {
        return epochNanos >= oldestNanos && epochNanos < newestNanos;
    }

    /** {@link #accepts} for a time in milliseconds, as Prometheus sends them; any long is safe to pass. */
    public boolean acceptsMillis(long epochMillis) {
        return Math.abs(epochMillis) < Long.MAX_VALUE / 1_000_000L && accepts(epochMillis * 1_000_000L);
    }
}
