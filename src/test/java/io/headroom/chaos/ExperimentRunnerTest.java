package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {

    @Test
    void theAfterCheckWaitsForTheRecoveryAndOneWholeMinuteWithoutTheFaults() {
        Instant ended = Instant.parse("2026-12-07T10:00:40Z");
        assertThat(ExperimentRunner.verifyAfter(ended, Duration.ZERO)).isEqualTo(Instant.parse("2026-12-07T10:02:00Z"));
        assertThat(ExperimentRunner.verifyAfter(ended, Duration.ofMinutes(1))).isEqualTo(Instant.parse("2026-12-07T10:02:00Z"));
        assertThat(ExperimentRunner.verifyAfter(ended, Duration.ofMinutes(5))).isEqualTo(Instant.parse("2026-12-07T10:05:40Z"));
    }
}
