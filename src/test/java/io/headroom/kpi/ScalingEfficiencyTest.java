package io.headroom.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.headroom.store.CapacityRecords.InstanceChange;
import io.headroom.store.LatencyHistogram;
import io.headroom.store.ServiceRollupQueries.MinuteRollup;
import org.junit.jupiter.api.Test;

class ScalingEfficiencyTest {

    private static final Instant START = Instant.parse("2026-12-05T10:00:00Z");

    /**
     * 10 minutes at each of 1, 2, 3 and 4 instances: 10, 20, 24 and 25 req/s with p99 of 200, 100, 95
     * and 94 ms. From 1 to 2 the throughput doubled (linear); from 2 to 3 it gained 4 req/s where
     * linear scaling gains 10, and p99 fell only 5 %: the knee is at 2.
     */
    @Test
    void eachCountIsMeasuredAgainstLinearScalingFromTheFewestAndTheKneeIsWhereGainsStopped() {
        var rollups = new ArrayList<MinuteRollup>();
        var changes = new ArrayList<InstanceChange>();
        int[] counts = {1, 2, 3, 4};
        int[] rates = {10, 20, 24, 25};
        int[] p99 = {200, 100, 95, 94};
        for (int level = 0; level < counts.length; level++) {
            Instant levelStart = START.plus(Duration.ofMinutes(10L * level));
            changes.add(new InstanceChange(levelStart, counts[level]));
            for (int m = 0; m < 10; m++) {
                rollups.add(minute(levelStart.plus(Duration.ofMinutes(m)), rates[level] * 60, p99[level]));
            }
        }
        var timeline = new InstanceTimeline(changes);

        var efficiency = ScalingEfficiency.of("api", START, START.plus(Duration.ofMinutes(40)), rollups, timeline);

        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::instances).containsExactly(1, 2, 3, 4);
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::minutes).containsExactly(10L, 10L, 10L, 10L);
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::throughput).containsExactly(10.0, 20.0, 24.0, 25.0);
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::idealThroughput).containsExactly(10.0, 20.0, 30.0, 40.0);
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::throughputPerInstance).containsExactly(10.0, 10.0, 8.0, 6.25);
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::efficiency).containsExactly(1.0, 1.0, 0.8, 0.625);
        for (int level = 0; level < counts.length; level++) {
            assertThat(efficiency.levels().get(level).p99Ms()).isCloseTo(p99[level], within(p99[level] * LatencyHistogram.RELATIVE_ERROR));
        }
        assertThat(efficiency.knee()).isEqualTo(2);
    }

    @Test
    void aStepThatLowersP99HelpsEvenWithoutMoreThroughputAndMinutesWithAChangeBelongToNoCount() {
        // 2 → 3 instances at the same offered 30 req/s, p99 from 400 to 120 ms: helped. 3 → 4: no change at all.
        var changes = List.of(new InstanceChange(START, 2), new InstanceChange(START.plus(Duration.ofSeconds(630)), 3),
                new InstanceChange(START.plus(Duration.ofMinutes(20)), 4));
        var rollups = new ArrayList<MinuteRollup>();
        for (int m = 0; m < 30; m++) {
            rollups.add(minute(START.plus(Duration.ofMinutes(m)), 30 * 60, m < 10 ? 400 : m == 10 ? 5_000 : 120));
        }

        var efficiency = ScalingEfficiency.of("api", START, START.plus(Duration.ofSeconds(30 * 60 + 20)), rollups, new InstanceTimeline(changes));

        // Minute 10 (the change at 10:10:30) counts for neither; the partial minute at the end is left out.
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::minutes).containsExactly(10L, 9L, 10L);
        assertThat(efficiency.levels().get(1).p99Ms()).isCloseTo(120, within(2.0));
        assertThat(efficiency.levels()).extracting(ScalingEfficiency.Level::efficiency).containsExactly(1.0, 2.0 / 3, 0.5);
        assertThat(efficiency.knee()).isEqualTo(3);
    }

    @Test
    void minutesWithoutRequestsCountAsZeroAndUnknownCountsAreLeftOut() {
        // Known from minute 5 on, at 1 instance; requests only in minutes 5 and 6.
        var timeline = new InstanceTimeline(List.of(new InstanceChange(START.plus(Duration.ofMinutes(5)), 1)));
        var rollups = List.of(minute(START.plus(Duration.ofMinutes(5)), 600, 10), minute(START.plus(Duration.ofMinutes(6)), 600, 10));

        var efficiency = ScalingEfficiency.of("api", START, START.plus(Duration.ofMinutes(10)), rollups, timeline);

        assertThat(efficiency.levels()).singleElement().satisfies(level -> {
            assertThat(level.minutes()).isEqualTo(5);
            assertThat(level.throughput()).isEqualTo(1200 / 300.0);
        });
        assertThat(efficiency.knee()).isNull();
        assertThat(ScalingEfficiency.of("api", START, START.plus(Duration.ofMinutes(5)), rollups, timeline).levels()).isEmpty();
    }

    /** A minute of {@code requests} requests, 2 % of them at {@code p99Ms} and the rest at a tenth of it. */
    private static MinuteRollup minute(Instant at, int requests, int p99Ms) {
        var histogram = new LatencyHistogram();
        long slow = Math.max(1, requests / 50);
        histogram.recordNanos(p99Ms * 100_000L, requests - slow);
        histogram.recordNanos(p99Ms * 1_000_000L, slow);
        return new MinuteRollup(at, requests, 0, 0, histogram);
    }
}
