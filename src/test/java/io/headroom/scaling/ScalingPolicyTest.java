package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScalingPolicyTest {

    private static ScalingPolicy policy(int min, int max, int floor) {
        return new ScalingPolicy(1L, "checkout", PolicyMetric.UTILISATION, 0.6, 0.1, min, max, null, null, null,
                List.of(new ScheduledFloor("0 8 * * *", ZoneId.of("UTC"), Duration.ofHours(1), floor)), null, true, true);
    }

    @Test
    void isKeptWithinWhatItsScaleTargetRuns() {
        ScalingPolicy wide = policy(1, 20, 15);
        ScalingPolicy kept = wide.within(2, 10);
        assertThat(kept.minInstances()).isEqualTo(2);
        assertThat(kept.maxInstances()).isEqualTo(10);
        assertThat(kept.schedules().get(0).minInstances()).as("a floor above the target's max is lowered to it").isEqualTo(10);
        ScalingPolicy fitting = policy(1, 5, 3);
        assertThat(fitting.within(1, 10)).isSameAs(fitting);
        ScalingPolicy disjoint = policy(12, 20, 12);
        assertThat(disjoint.within(1, 10)).as("left as it is: the target refuses, and the evaluation says so").isSameAs(disjoint);
    }

    @Test
    void defaultsAreTheHpas() {
        ScalingPolicy p = policy(1, 5, 3);
        assertThat(p.scaleUp()).isEqualTo(ScalingBehavior.DEFAULT_UP);
        assertThat(p.scaleDown().stabilizationWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.cooldown()).isZero();
        assertThatThrownBy(() -> policy(3, 2, 2)).hasMessageContaining("1 <= minInstances <= maxInstances");
    }
}
