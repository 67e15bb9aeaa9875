package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScaleTarget} adapter must do, whatever platform it drives. An adapter's
 * test extends this and says which target and which of its services (one at 1 instance, with
 * room for 2) it may scale.
 */
public abstract class ScaleTargetContract {

    protected abstract ScaleTarget target();

    /** A service the target runs, at one instance now, that the test may scale to 2 and back. */
    protected abstract String service();

    /** How long the platform may take to start or drain an instance. */
    protected Duration settleTime() {
        return Duration.ofSeconds(30);
    }

    @AfterEach
    void backToOne() {
        target().scaleTo(service(), 1);
        await().atMost(settleTime()).until(() -> target().instances(service()).current() == 1);
    }

    @Test
    void runsTheServiceItNamesWithinSaneBounds() {
        assertThat(target().services()).contains(service());
        Instances instances = target().instances(service());
        assertThat(instances.service()).isEqualTo(service());
        assertThat(instances.min()).isGreaterThanOrEqualTo(0);
        assertThat(instances.max()).isGreaterThanOrEqualTo(Math.max(2, instances.min()));
        assertThat(instances.current()).isBetween(instances.min(), instances.max());
    }

    @Test
    void refusesServicesItDoesNotRun() {
        assertThatThrownBy(() -> target().instances("no-such-service-" + System.nanoTime()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalingTakesTheDesiredCountAtOnceAndTheCurrentOneFollows() {
        Instances asked = target().scaleTo(service(), 2);
        assertThat(asked.desired()).isEqualTo(2);
        await().atMost(settleTime()).until(() -> target().instances(service()).current() == 2);

        assertThat(target().scaleTo(service(), 1).desired()).isEqualTo(1);
        await().atMost(settleTime()).until(() -> target().instances(service()).current() == 1);
    }
}
