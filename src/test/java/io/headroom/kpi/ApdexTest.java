package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.headroom.store.LatencyHistogram;
import org.junit.jupiter.api.Test;

class ApdexTest {

    /** 60 requests at 100 ms, 30 at 1 s, 10 at 5 s; T = 500 ms, so 4T = 2 s. */
    private static LatencyHistogram mixed() {
        var histogram = new LatencyHistogram();
        histogram.recordNanos(100_000_000L, 60);
        histogram.recordNanos(1_000_000_000L, 30);
        histogram.recordNanos(5_000_000_000L, 10);
        return histogram;
    }

    @Test
    void satisfiedCountFullyToleratingHalfFrustratedNot() {
        assertThat(Apdex.score(mixed(), 0, 500)).isCloseTo((60 + 30 / 2.0) / 100, within(1e-12));
    }

    @Test
    void failuresAreFrustratedTakenFromTheSatisfiedFirst() {
        // 5 failures: 55 satisfied, 30 tolerating.
        assertThat(Apdex.score(mixed(), 5, 500)).isCloseTo((55 + 15) / 100.0, within(1e-12));
        // 70 failures: none satisfied, 10 of the tolerating go too.
        assertThat(Apdex.score(mixed(), 70, 500)).isCloseTo((0 + 20 / 2.0) / 100, within(1e-12));
    }

    @Test
    void noRequestsNoScore() {
        assertThat(Apdex.score(new LatencyHistogram(), 0, 500)).isNull();
        assertThat(Apdex.score(null, 0, 500)).isNull();
    }
}
