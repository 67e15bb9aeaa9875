package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    /** p99 20 ms up to 5 req/s per instance, then 20 ms more per req/s; utilisation 0.1 per req/s. */
    private static final CapacityCurve CURVE = CapacityCurve.of(measured());

    private static List<CapacityCurve.Minute> measured() {
        var minutes = new ArrayList<CapacityCurve.Minute>();
        for (int load = 1; load <= 10; load++) {
            for (int m = 0; m < CapacityCurve.MIN_MINUTES_PER_BIN; m++) {
                minutes.add(new CapacityCurve.Minute(load, load <= 5 ? 20.0 : 20.0 + 20 * (load - 5), 0.1 * load, 0.0));
            }
        }
        return minutes;
    }

    private static Backtest.Recorded traffic(double... reqPerSecond) {
        long[] timestamps = new long[reqPerSecond.length];
        Double[] throughput = new Double[reqPerSecond.length];
        Double[] instances = new Double[reqPerSecond.length];
        for (int i = 0; i < reqPerSecond.length; i++) {
            timestamps[i] = START.getEpochSecond() + 60L * i;
            throughput[i] = reqPerSecond[i];
            instances[i] = 2.0;
        }
        return new Backtest.Recorded(timestamps, throughput, instances, new Double[reqPerSecond.length]);
    }

    private static ScalingPolicy policy(PolicyMetric metric, double target, Predictive predictive) {
        return new ScalingPolicy(1L, "checkout", metric, target, ScalingPolicy.DEFAULT_TOLERANCE, 1, 10, null, null, null, List.of(),
                predictive, true, true);
    }

    @Test
    void theCurveReadsBetweenItsBinsAndSaysWhereMeasurementsEnd() {
        assertThat(CURVE.points()).hasSize(10).allMatch(point -> point.minutes() == CapacityCurve.MIN_MINUTES_PER_BIN);
        assertThat(CURVE.p99Ms(7.5)).isCloseTo(70, within(1e-9));
        assertThat(CURVE.p99Ms(0.2)).as("not below the lightest load's").isEqualTo(20);
        assertThat(CURVE.utilisation(0.5)).as("in proportion below the lightest").isCloseTo(0.05, within(1e-9));
        assertThat(CURVE.beyondMeasured(10)).isFalse();
        assertThat(CURVE.beyondMeasured(12)).isTrue();
        assertThat(CURVE.p99Ms(12)).isEqualTo(120);
        assertThat(CapacityCurve.of(measured().subList(0, 4)).isEmpty()).as("too few minutes").isTrue();
    }

    @Test
    void aRiseIsFollowedAtTheCurvesPaceAndTheLikelyP99Follows() {
        // 2 instances at 6 req/s (3 each); then 20 req/s: utilisation target 0.5 is 5 req/s per instance → 4 instances.
        Backtest.Result result = Backtest.run(policy(PolicyMetric.UTILISATION, 0.5, null), traffic(6, 6, 20, 20, 20), CURVE, 2,
                INTERVAL, Duration.ZERO, null);

        assertThat(result.instances()[0]).isEqualTo(2.0);
        assertThat(result.instances()[4]).isEqualTo(4.0);
        assertThat(result.changes()).extracting(Backtest.Change::to).containsExactly(4);
        assertThat(result.changes().get(0).at()).isEqualTo(START.plusSeconds(120));
        assertThat(result.changes().get(0).why()).contains("utilisation 1 vs target 0.5");
        assertThat(result.likelyP99Ms()[0]).isEqualTo(20.0);
        assertThat(result.likelyP99Ms()[4]).isEqualTo(20.0);
        assertThat(result.minutesBeyondMeasured()).isZero();
    }

    @Test
    void instancesStillWarmingUpArePaidForTakeNoLoadAndDoNotMakeThePolicyAskAgain() {
        Backtest.Result result = Backtest.run(policy(PolicyMetric.UTILISATION, 0.5, null), traffic(6, 6, 20, 20, 20, 20), CURVE, 2,
                INTERVAL, Duration.ofMinutes(2), null);

        assertThat(result.changes()).as("the two starting count as idle: utilisation 1 over 4 is on target")
                .extracting(Backtest.Change::to).containsExactly(4);
        assertThat(result.instances()[2]).isEqualTo(4.0);
        assertThat(result.servingInstances()[2]).isEqualTo(2.0);
        assertThat(result.likelyP99Ms()[2]).as("10 req/s on each of the 2 serving").isEqualTo(120.0);
        assertThat(result.likelyP99Ms()[3]).isEqualTo(120.0);
        assertThat(result.servingInstances()[4]).as("serving two minutes after the policy asked").isEqualTo(4.0);
        assertThat(result.likelyP99Ms()[4]).isEqualTo(20.0);
    }

    @Test
    void aScaleDownRemovesTheInstancesStillStartingFirst() {
        // Up to 4 at minute 2 with a 10-minute warm-up; the load falls at once, and after the 300 s window the policy goes to 1.
        Backtest.Result result = Backtest.run(policy(PolicyMetric.UTILISATION, 0.5, null),
                traffic(6, 6, 20, 2, 2, 2, 2, 2, 2, 2, 2, 2), CURVE, 2, INTERVAL, Duration.ofMinutes(10), null);

        assertThat(result.changes()).extracting(Backtest.Change::to).containsExactly(4, 1);
        assertThat(result.instances()[11]).isEqualTo(1.0);
        assertThat(result.servingInstances()[11]).as("the one left is one that was serving").isEqualTo(1.0);
    }

    @Test
    void aForecastFloorRunsTheInstancesBeforeTheRise() {
        var predictive = new Predictive(Duration.ofDays(1), 4, Duration.ofMinutes(5));
        // The forecast knows the rise to 20 req/s (5 instances at 4 each) two minutes ahead.
        Backtest.Result result = Backtest.run(policy(PolicyMetric.UTILISATION, 0.5, predictive), traffic(6, 6, 20, 20), CURVE, 2,
                INTERVAL, Duration.ZERO, at -> new PolicyInput.ForecastFloor(5, "peak 20 req/s expected"));

        assertThat(result.instances()[0]).isEqualTo(5.0);
        assertThat(result.changes().get(0).why()).contains("raised to 5 by the forecast");
    }

    @Test
    void loadBeyondWhatWasMeasuredIsCounted() {
        Backtest.Result result = Backtest.run(policy(PolicyMetric.REQUESTS_PER_INSTANCE, 100, null), traffic(30, 30), CURVE, 2, INTERVAL,
                Duration.ZERO, null);
        assertThat(result.instances()[1]).as("the scale-down window keeps the 2 it started with").isEqualTo(2.0);
        assertThat(result.minutesBeyondMeasured()).isEqualTo(2);
        assertThat(result.likelyP99Ms()[0]).as("the heaviest measured, a floor on the truth").isEqualTo(120.0);
    }

    @Test
    void withoutACurveAUtilisationPolicyReadsNothingAndKeepsItsCount() {
        CapacityCurve none = CapacityCurve.of(List.of());
        Backtest.Result result = Backtest.run(policy(PolicyMetric.UTILISATION, 0.5, null), traffic(6, 20, 20), none, 2, INTERVAL,
                Duration.ofMinutes(1), null);
        assertThat(result.changes()).isEmpty();
        assertThat(result.instances()).containsOnly(2.0);
        assertThat(result.likelyP99Ms()).containsOnlyNulls();
    }

    @Test
    void minutesWithoutTrafficRecordedAreNotGuessed() {
        Backtest.Recorded recorded = traffic(6, 6);
        recorded.throughput()[0] = null;
        Backtest.Result result = Backtest.run(policy(PolicyMetric.UTILISATION, 0.5, null), recorded, CURVE, 2, INTERVAL, Duration.ZERO, null);
        assertThat(result.minutesWithoutData()).isEqualTo(1);
        assertThat(result.likelyP99Ms()[0]).isNull();
    }

    @Test
    void withEveryBacktestSlotTakenTheNextIsRefusedNotQueued() {
        var full = new Backtests(null, null, null, null, INTERVAL, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> full.run(policy(PolicyMetric.UTILISATION, 0.5, null), START,
                START.plusSeconds(3_600), Duration.ZERO)).isInstanceOf(Backtests.Busy.class).hasMessageContaining("try again in a few seconds");
    }
}
