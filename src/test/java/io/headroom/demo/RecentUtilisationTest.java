package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecentUtilisationTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void startsIdleAndRisesTowardsTheBusyShareWithItsTimeConstant() {
        var utilisation = new RecentUtilisation(4, Duration.ofSeconds(10), 0);
        assertThat(utilisation.share(5 * SECOND)).isZero();

        utilisation.busy(2, 5 * SECOND);
        assertThat(utilisation.share(15 * SECOND)).isCloseTo(0.5 * (1 - Math.exp(-1)), within(1e-9));
        assertThat(utilisation.share(205 * SECOND)).isCloseTo(0.5, within(1e-6));

        utilisation.busy(0, 205 * SECOND);
        assertThat(utilisation.share(215 * SECOND)).isCloseTo(0.5 * Math.exp(-1), within(1e-6));
    }

    @Test
    void aOneWorkerPoolBusyAThirdOfTheTimeReadsAboutAThirdAtAnyInstant() {
        var utilisation = new RecentUtilisation(1, Duration.ofSeconds(10), 0);
        long now = 0;
        for (int request = 0; request < 1000; request++) { // 150 ms busy, 300 ms idle
            utilisation.busy(1, now);
            now += 150_000_000L;
            utilisation.busy(0, now);
            now += 300_000_000L;
        }
        assertThat(utilisation.share(now)).isCloseTo(1 / 3.0, within(0.02));
        assertThat(utilisation.share(now + 150_000_000L)).isCloseTo(1 / 3.0, within(0.02));
    }

    @Test
    void readingDoesNotChangeTheAverage() {
        var utilisation = new RecentUtilisation(1, Duration.ofSeconds(10), 0);
        utilisation.busy(1, 0);
        for (long t = 0; t <= 10 * SECOND; t += SECOND / 3) {
            utilisation.share(t);
        }
        assertThat(utilisation.share(10 * SECOND)).isCloseTo(1 - Math.exp(-1), within(1e-9));
    }
}
