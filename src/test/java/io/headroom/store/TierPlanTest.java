package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TierPlanTest {

    private static final Instant EPOCH = Instant.EPOCH;

    private static Instant at(String time) {
        return Instant.parse("2026-12-06T" + time + ":00Z");
    }

    @Test
    void wholeHoursInsideTheRangeComeFromTheHourlyTierAndTheEdgesFromMinutes() {
        TierPlan plan = TierPlan.of(at("09:30"), at("13:15"), EPOCH, List.of());

        assertThat(plan.hours()).containsExactly(at("10:00"), at("11:00"), at("12:00"));
        assertThat(plan.minuteFrom()).containsExactly(at("09:30"), at("13:00"));
        assertThat(plan.minuteTo()).containsExactly(at("10:00"), at("13:15"));
    }

    @Test
    void anHourHoldingABoundaryIsReadInMinutesButOneStartingOnItIsNot() {
        TierPlan plan = TierPlan.of(at("09:00"), at("14:00"), EPOCH, List.of(at("10:20"), at("12:00")));

        assertThat(plan.hours()).containsExactly(at("09:00"), at("11:00"), at("12:00"), at("13:00"));
        assertThat(plan.minuteFrom()).containsExactly(at("10:00"));
        assertThat(plan.minuteTo()).containsExactly(at("11:00"));
    }

    @Test
    void beforeTheHourlyTierIsCompleteEverythingIsMinutes() {
        TierPlan plan = TierPlan.of(at("08:00"), at("12:00"), at("10:00"), List.of());

        assertThat(plan.hours()).containsExactly(at("10:00"), at("11:00"));
        assertThat(plan.minuteFrom()).containsExactly(at("08:00"));
        assertThat(plan.minuteTo()).containsExactly(at("10:00"));

        TierPlan shortRange = TierPlan.of(at("08:10"), at("08:50"), EPOCH, List.of());
        assertThat(shortRange.hours()).isEmpty();
        assertThat(shortRange.minuteFrom()).containsExactly(at("08:10"));
        assertThat(shortRange.minuteTo()).containsExactly(at("08:50"));
    }

    @Test
    void conditionsAreRangesOfConsecutiveHoursAndTheMinuteEdges() {
        TierPlan plan = TierPlan.of(at("09:30"), at("14:00"), EPOCH, List.of(at("11:20")));

        assertThat(plan.hourCondition("hour")).isEqualTo("((hour >= TIMESTAMPTZ '2026-12-06T10:00:00Z' AND hour < TIMESTAMPTZ "
                + "'2026-12-06T11:00:00Z') OR (hour >= TIMESTAMPTZ '2026-12-06T12:00:00Z' AND hour < TIMESTAMPTZ '2026-12-06T14:00:00Z'))");
        assertThat(plan.minuteCondition("minute")).isEqualTo("((minute >= TIMESTAMPTZ '2026-12-06T09:30:00Z' AND minute < TIMESTAMPTZ "
                + "'2026-12-06T10:00:00Z') OR (minute >= TIMESTAMPTZ '2026-12-06T11:00:00Z' AND minute < TIMESTAMPTZ '2026-12-06T12:00:00Z'))");
        assertThat(TierPlan.of(at("09:10"), at("09:50"), EPOCH, List.of()).hourCondition("hour")).isEqualTo("false");
    }
}
