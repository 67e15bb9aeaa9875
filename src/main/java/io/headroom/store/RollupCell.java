package io.headroom.store;

/** Counts and latency distribution of the spans that fall into one rollup row. */
final class RollupCell {

    long count;
    long errors;
    long durationSumNanos;
    /** Spans without a parent: the transactions started here. */
    long roots;
    final LatencyHistogram histogram;

    RollupCell() {
        this(new LatencyHistogram());
    }

    RollupCell(LatencyHistogram histogram) {
        this.histogram = histogram;
    }

    void record(long durationNanos, boolean error, boolean root) {
        count++;
        if (root) {
            roots++;
        }
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
        roots += other.roots;
        histogram.merge(other.histogram);
    }
}
