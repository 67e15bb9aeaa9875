package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultSpecTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @ParameterizedTest
    @CsvSource({"50, 2, 1", "50, 3, 2", "50, 1, 1", "10, 4, 1", "100, 5, 5", "33.4, 3, 2", "0.1, 10, 1"})
    void aShareOfInstancesIsRoundedUpToAtLeastOne(double share, int running, int picked) {
        assertThat(new FaultSpec(FaultType.LATENCY, 100, 0, 100, MINUTE, share).instancesOf(running)).isEqualTo(picked);
    }

    @Test
    void theDescriptionSaysWhichShareOfRequestsAndInstances() {
        assertThat(new FaultSpec(FaultType.LATENCY, 800, 0, 100, MINUTE).describe()).isEqualTo("latency +800 ms on all requests");
        assertThat(new FaultSpec(FaultType.ERROR, 503, 0, 20, MINUTE, 50).describe()).isEqualTo("HTTP 503 on 20% of requests of 50% of instances");
        assertThat(new FaultSpec(FaultType.CPU, 80, 0, 100, MINUTE, 25).describe()).isEqualTo("CPU burn 80% of a core per instance on 25% of instances");
        assertThat(new FaultSpec(FaultType.LATENCY, 800, 0, 100, MINUTE, 50).withDuration(Duration.ofHours(1)).instancePercentage()).isEqualTo(50);
    }

    @Test
    void aKillPicksInstancesByCountNotByShare() {
        assertThatThrownBy(() -> Chaos.validate(new FaultSpec(FaultType.KILL, 1, 0, 100, MINUTE, 50)))
                .hasMessageStartingWith("instancePercentage does not apply to kill faults");
        assertThatThrownBy(() -> Chaos.validate(new FaultSpec(FaultType.LATENCY, 10, 0, 100, MINUTE, 0)))
                .hasMessage("instancePercentage must be above 0 and at most 100");
        assertThatCode(() -> Chaos.validate(new FaultSpec(FaultType.CPU, 50, 0, 100, MINUTE, 50))).doesNotThrowAnyException();
    }
}
