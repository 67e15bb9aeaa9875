package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import io.headroom.store.CapacityRecords.InstanceChange;
import org.junit.jupiter.api.Test;

class InstanceTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    /** 2 instances from 10:00, 4 from 10:30, 1 from 11:00. */
    private final InstanceTimeline timeline = new InstanceTimeline(List.of(
            new InstanceChange(T0, 2), new InstanceChange(T0.plusSeconds(1800), 4), new InstanceChange(T0.plusSeconds(3600), 1)));

    @Test
    void integratesTheStepFunctionOverWindowsThatCutChanges() {
        assertThat(timeline.instanceSeconds(T0, T0.plusSeconds(3600))).isEqualTo(2 * 1800 + 4 * 1800);
        // 10:15–10:45: 15 min at 2, 15 min at 4.
        assertThat(timeline.instanceSeconds(T0.plusSeconds(900), T0.plusSeconds(2700))).isEqualTo(2 * 900 + 4 * 900);
        // The last count holds after the last change.
        assertThat(timeline.instanceSeconds(T0.plusSeconds(3600), T0.plusSeconds(7200))).isEqualTo(3600);
        assertThat(timeline.instanceSeconds(T0.plusSeconds(100), T0.plusSeconds(100))).isZero();
    }

    @Test
    void timeBeforeTheFirstChangeIsUnknownNotZeroInstances() {
        Instant before = T0.minusSeconds(3600);
        assertThat(timeline.instanceSeconds(before, T0.plusSeconds(1800))).isEqualTo(2 * 1800);
        assertThat(timeline.coveredSeconds(before, T0.plusSeconds(1800))).isEqualTo(1800);
        assertThat(timeline.average(before, T0.plusSeconds(3600))).isCloseTo(3.0, within(1e-12));
        assertThat(timeline.average(before, T0)).isNull();
        assertThat(timeline.at(before)).isNull();
    }

    @Test
    void theCountAtAnInstantIsTheLastChangeAtOrBeforeIt() {
        assertThat(timeline.at(T0)).isEqualTo(2);
        assertThat(timeline.at(T0.plusSeconds(1799))).isEqualTo(2);
        assertThat(timeline.at(T0.plusSeconds(1800))).isEqualTo(4);
        assertThat(timeline.at(T0.plusSeconds(90_000))).isEqualTo(1);
    }

    @Test
    void anEmptyTimelineKnowsNothing() {
        var empty = new InstanceTimeline(List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.average(T0, T0.plusSeconds(60))).isNull();
        assertThat(empty.instanceSeconds(T0, T0.plusSeconds(60))).isZero();
    }
}
