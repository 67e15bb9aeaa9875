package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy evaluation as a table: each case a policy, what one evaluation sees (at a fixed
 * instant: Monday 2026-12-07 08:00 UTC, 09:00 in Berlin), and the instances it decides, with
 * what capped or held it.
 */
class PolicyEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-12-12T08:00:00Z");
    private static final ScheduledFloor WEEKDAY_MORNINGS = new ScheduledFloor("0 8 * * MON-FRI", ZoneId.of("Europe/Berlin"),
            Duration.ofHours(10), 6);
    private static final ScheduledFloor MONDAY_PEAK = new ScheduledFloor("0 0 9 * * MON", ZoneId.of("Europe/Berlin"),
            Duration.ofHours(1), 8);

    /** Utilisation target 0.6, 1..20 instances, the HPA's default behaviour, no cooldown. */
    private static ScalingPolicy policy(UnaryOperator<Builder> changes) {
        return changes.apply(new Builder()).build();
    }

    private static final class Builder {
        PolicyMetric metric = PolicyMetric.UTILISATION;
        double target = 0.6;
        int min = 1;
        int max = 20;
        ScalingBehavior up = ScalingBehavior.DEFAULT_UP;
        ScalingBehavior down = ScalingBehavior.DEFAULT_DOWN;
        Duration cooldown = Duration.ZERO;
        List<ScheduledFloor> schedules = List.of();
        boolean excludeChaos = true;
        Predictive predictive;

        Builder bounds(int newMin, int newMax) {
            min = newMin;
            max = newMax;
            return this;
        }

        ScalingPolicy build() {
            return new ScalingPolicy(1L, "checkout", metric, target, ScalingPolicy.DEFAULT_TOLERANCE, min, max, up, down, cooldown,
                    schedules, predictive, excludeChaos, true);
        }
    }

    private static final class Seen {
        Instant now = NOW;
        int current;
        Double value;
        final List<PolicyInput.Recommendation> recommendations = new ArrayList<>();
        final List<PolicyInput.ScaleEvent> events = new ArrayList<>();
        Instant lastScaledAt;
        boolean fault;
        PolicyInput.ForecastFloor forecast;

        Seen(int current, Double value) {
            this.current = current;
            this.value = value;
        }

        Seen recommended(int secondsAgo, int instances) {
            recommendations.add(new PolicyInput.Recommendation(now.minusSeconds(secondsAgo), instances));
            return this;
        }

        Seen scaled(int secondsAgo, int from, int to) {
            events.add(new PolicyInput.ScaleEvent(now.minusSeconds(secondsAgo), from, to));
            lastScaledAt = now.minusSeconds(secondsAgo);
            return this;
        }

        Seen at(Instant instant) {
            now = instant;
            return this;
        }

        Seen fault() {
            fault = true;
            return this;
        }

        Seen forecast(Integer instances) {
            forecast = new PolicyInput.ForecastFloor(instances, instances == null ? "needs 1d 30m of history" : "peak expected");
            return this;
        }

        PolicyInput input() {
            return new PolicyInput(now, current, value, recommendations, events, lastScaledAt, fault, forecast);
        }
    }

    private static Seen seen(int current, Double value) {
        return new Seen(current, value);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                row("within the 10 % band: no change", policy(p -> p), seen(3, 0.65), 3, null, null),
                row("ratio 1.5 on 2: ceil(3.0) = 3", policy(p -> p), seen(2, 0.9), 3, null, null),
                row("float error does not add one: 5 × 0.56/0.7 = 4", policy(p -> {
                    p.target = 0.7;
                    return p;
                }), seen(5, 0.56), 4, null, null),
                row("scale-up limit: 100 % or 4 per 15 s, the more of the two (4 + 2 = 6)", policy(p -> p), seen(2, 6.0), 6,
                        "the scale-up limit", null),
                row("scale-up limit counts this period's earlier scale-up (period start 2)", policy(p -> p),
                        seen(6, 1.8).scaled(5, 2, 6), 6, "the scale-up limit", null),
                row("an earlier period's scale-up does not count", policy(p -> p), seen(6, 1.2).scaled(20, 2, 6), 12, null, null),
                row("maxInstances caps", policy(p -> p.bounds(1, 5)), seen(4, 1.8), 5, "maxInstances 5", null),
                row("scale-down waits for the highest recommendation in 300 s", policy(p -> p), seen(6, 0.3).recommended(100, 6), 6, null, null),
                row("recommendations older than the window are forgotten", policy(p -> p),
                        seen(6, 0.3).recommended(301, 6).recommended(100, 4), 4, null, null),
                row("scale-down limit 50 % per 60 s", policy(p -> {
                    p.down = new ScalingBehavior(Duration.ZERO, List.of(new RateLimit(RateLimit.Kind.PERCENT, 50, Duration.ofSeconds(60))));
                    return p;
                }), seen(8, 0.15), 4, "the scale-down limit (50 % per 1m)", null),
                row("minInstances holds the floor", policy(p -> p.bounds(2, 20)), seen(3, 0.06), 2, "minInstances 2", null),
                row("a count below min is raised to it", policy(p -> p.bounds(3, 20)), seen(2, 0.6), 3, "minInstances 3", null),
                row("scale-up window: the lowest recommendation in 60 s", policy(p -> {
                    p.up = new ScalingBehavior(Duration.ofSeconds(60), ScalingBehavior.DEFAULT_UP.limits());
                    return p;
                }), seen(2, 1.5).recommended(30, 3), 3, null, null),
                row("no measurement: keep", policy(p -> p), seen(4, null), 4, null, null),
                row("nothing runs: the policy does not start from zero", policy(p -> p), seen(0, null), 0, null, null),
                row("weekday 08:00 Berlin schedule raises the floor to 6", policy(p -> {
                    p.schedules = List.of(WEEKDAY_MORNINGS);
                    return p;
                }), seen(2, 0.6), 6, null, null),
                row("the schedule is off on Saturday", policy(p -> {
                    p.schedules = List.of(WEEKDAY_MORNINGS);
                    return p;
                }), seen(2, 0.6).at(SATURDAY), 2, null, null),
                row("overlapping schedules: the highest floor", policy(p -> {
                    p.schedules = List.of(WEEKDAY_MORNINGS, MONDAY_PEAK);
                    return p;
                }), seen(2, 0.6), 8, null, null),
                row("a floor never lowers what the metric wants", policy(p -> {
                    p.schedules = List.of(WEEKDAY_MORNINGS);
                    return p;
                }), seen(6, 0.9), 9, null, null),
                row("the forecast raises the floor ahead of a rise, past the rate limit", policy(p -> p), seen(2, 0.6).forecast(9), 9,
                        null, null),
                row("the forecast never lowers what the metric wants", policy(p -> p), seen(6, 0.9).forecast(2), 9, null, null),
                row("the forecast floor stays within max", policy(p -> p.bounds(1, 5)), seen(2, 0.6).forecast(12), 5, null, null),
                row("a low forecast does not scale in faster than the window", policy(p -> p),
                        seen(6, 0.3).recommended(100, 6).forecast(1), 6, null, null),
                row("without a forecast the reactive policy decides alone", policy(p -> p), seen(2, 0.9).forecast(null), 3, null, null),
                row("with a schedule and a forecast the higher floor wins", policy(p -> {
                    p.schedules = List.of(WEEKDAY_MORNINGS);
                    return p;
                }), seen(2, 0.6).forecast(7), 7, null, null),
                row("a forecast rise waits out the cooldown", policy(p -> {
                    p.cooldown = Duration.ofSeconds(60);
                    return p;
                }), seen(3, 0.6).scaled(30, 2, 3).forecast(6), 3, null, "cooldown"),
                row("cooldown holds a change", policy(p -> {
                    p.cooldown = Duration.ofSeconds(60);
                    return p;
                }), seen(3, 0.9).scaled(30, 2, 3), 3, null, "cooldown"),
                row("after the cooldown it scales", policy(p -> {
                    p.cooldown = Duration.ofSeconds(60);
                    return p;
                }), seen(3, 0.9).scaled(61, 2, 3), 5, null, null),
                row("a running fault holds a chaos-aware policy", policy(p -> p), seen(2, 0.9).fault(), 2, null, "a fault is injected"),
                row("a policy that does not exclude chaos scales through a fault", policy(p -> {
                    p.excludeChaos = false;
                    return p;
                }), seen(2, 0.9).fault(), 3, null, null),
                row("p99 above target scales in proportion", policy(p -> {
                    p.metric = PolicyMetric.P99_LATENCY;
                    p.target = 300;
                    return p;
                }), seen(2, 480.0), 4, null, null));
    }

    private static Arguments row(String name, ScalingPolicy policy, Seen seen, int desired, String limitedBy, String heldBy) {
        return Arguments.of(name, policy, seen.input(), desired, limitedBy, heldBy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, ScalingPolicy policy, PolicyInput input, int desired, String limitedBy, String heldBy) {
        ScalingDecision decision = PolicyEvaluator.evaluate(policy, input);
        assertThat(decision.desired()).as(decision.explanation()).isEqualTo(desired);
        if (limitedBy == null) {
            assertThat(decision.limitedBy()).as(decision.explanation()).isNull();
        } else {
            assertThat(decision.limitedBy()).as(decision.explanation()).startsWith(limitedBy);
        }
        if (heldBy == null) {
            assertThat(decision.heldBy()).as(decision.explanation()).isNull();
        } else {
            assertThat(decision.heldBy()).as(decision.explanation()).startsWith(heldBy);
        }
        assertThat(decision.action()).isEqualTo(desired > input.current() ? ScalingDecision.Action.SCALE_UP
                : desired < input.current() ? ScalingDecision.Action.SCALE_DOWN : ScalingDecision.Action.NONE);
    }

    @org.junit.jupiter.api.Test
    void explainsTheForecastFloorOrWhyThereIsNone() {
        ScalingDecision raised = PolicyEvaluator.evaluate(policy(p -> p), seen(2, 0.6).forecast(4).input());
        assertThat(raised.forecastFloor()).isEqualTo(4);
        assertThat(raised.steps()).contains("raised to 4 by the forecast: peak expected");
        ScalingDecision none = PolicyEvaluator.evaluate(policy(p -> p), seen(2, 0.6).forecast(null).input());
        assertThat(none.forecastFloor()).isNull();
        assertThat(none.steps()).contains("no forecast floor: needs 1d 30m of history");
    }

    @org.junit.jupiter.api.Test
    void aCountBelowMinIsRaisedToItAndTheStepSaysRaised() {
        ScalingDecision decision = PolicyEvaluator.evaluate(policy(p -> p.bounds(2, 2)), seen(1, 0.01).input());
        assertThat(decision.steps()).contains("raised to 2 by minInstances 2");
    }

    @org.junit.jupiter.api.Test
    void explainsEveryStep() {
        ScalingDecision decision = PolicyEvaluator.evaluate(policy(p -> p.bounds(1, 5)), seen(2, 2.4).input());
        assertThat(decision.steps()).containsExactly(
                "utilisation 2.4 vs target 0.6: ratio 4, outside ±10 %: ceil(2 × 4) = 8",
                "capped at 5 by maxInstances 5",
                "scale 2 → 5");
        assertThat(decision.ratio()).isEqualTo(4.0);
        assertThat(decision.recommended()).isEqualTo(8);
    }
}
