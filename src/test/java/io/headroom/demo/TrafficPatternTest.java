package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class TrafficPatternTest {

    private final TrafficPattern pattern = new TrafficPattern(Duration.ofMinutes(10), 0.5, 6, 2.5, Duration.ofSeconds(20));

    @Test
    void aCompressedDayStartsAtTheBaseRatePeaksAtAQuarterAndAveragesToTheBase() {
        assertThat(pattern.daily(Duration.ZERO)).isCloseTo(1.0, within(1e-9));
        assertThat(pattern.daily(Duration.ofMinutes(2).plusSeconds(30))).isCloseTo(1.5, within(1e-9));
        assertThat(pattern.daily(Duration.ofMinutes(7).plusSeconds(30))).isCloseTo(0.5, within(1e-9));
        double mean = LongStream.range(0, 600).mapToDouble(s -> pattern.daily(Duration.ofSeconds(s))).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, within(1e-6));
        assertThat(TrafficPattern.FLAT.daily(Duration.ofMinutes(3))).isEqualTo(1.0);
    }

    @Test
    void burstsArriveAtTheConfiguredRateOnAverage() {
        Duration tick = Duration.ofMillis(20);
        double perHour = pattern.burstChance(tick) * (3_600_000 / tick.toMillis());
        assertThat(perHour).isCloseTo(6, within(0.01));
        assertThat(TrafficPattern.FLAT.burstChance(tick)).isZero();
    }

    @Test
    void nonsenseIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new TrafficPattern(Duration.ofSeconds(10), 0.5, 6, 2, Duration.ofSeconds(5)))
                .hasMessageContaining("day-length");
        assertThatThrownBy(() -> new TrafficPattern(Duration.ofMinutes(10), 1.5, 6, 2, Duration.ofSeconds(5)))
                .hasMessageContaining("daily-amplitude");
        assertThatThrownBy(() -> new TrafficPattern(Duration.ofMinutes(10), 0.5, 6, 0.5, Duration.ofSeconds(5)))
                .hasMessageContaining("burst-factor");
    }
}
