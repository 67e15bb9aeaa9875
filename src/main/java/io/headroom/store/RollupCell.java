package io.headroom.store;

/** Counts and latency distribution of the spans that fall into one rollup row. */
final class RollupCell {

    long count;
    long errors;
    long durationSumNanos;
    final LatencyHistogram histogram;

    RollupCell() {
        this(new LatencyHistogram());
    }

    RollupCell(LatencyHistogram histogram) {
        this.histogram = histogram;
    }

    void record(long durationNanos, boolean error) {
        count++;
        if (error) {
            errors++;
        }
        durationSumNanos += durationNanos;
        histogram.recordNanos(durationNanos);
    }

    void merge(RollupCell other) {
        count += other.count;
        errors += other.errors;
        durationSumNanos += other.durationSumNanos;
        histogram.merge(other.histogram);
    }
}
