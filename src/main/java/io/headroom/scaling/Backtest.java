package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replays a policy over recorded traffic: every evaluation interval the policy sees the metric it
 * would have seen at the instance count it would have run (from the recorded throughput and the
 * service's {@link CapacityCurve}), and {@link PolicyEvaluator} decides as it would live, with its
 * windows, limits, cooldown and floors. Instances it asks for count as running at once, so the
 * replay is kinder than life by the start-up time of an instance.
 */
public final class Backtest {

    /**
     * The recorded minutes to replay.
     *
     * @param timestamps each minute's start, unix seconds
     * @param recordedInstances each minute's mean instance count as recorded, null where unknown
     */
    record Recorded(long[] timestamps, Double[] throughput, Double[] recordedInstances, Double[] recordedP99Ms) {
    }

    /** A change the policy would have made, with its explanation. */
    public record Change(Instant at, int from, int to, String why) {
    }

    /**
     * @param instances the policy's mean instance count per minute
     * @param likelyP99Ms what the curve says p99 would have been at that count
     */
    public record Result(long[] timestamps, Double[] throughput, Double[] instances, Double[] recordedInstances, Double[] likelyP99Ms,
            Double[] recordedP99Ms, List<Change> changes, int minutesBeyondMeasured, int minutesWithoutData) {
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Backtest() {
    }

    /**
     * @param startInstances the count at the window's start (the recorded one, within the policy's bounds)
     * @param forecastAt the predictive floor at an instant, from what was known then; null when the policy has none
     */
    static Result run(ScalingPolicy policy, Recorded recorded, CapacityCurve curve, int startInstances, Duration interval,
            Function<Instant, PolicyInput.ForecastFloor> forecastAt) {
        int minutes = recorded.timestamps().length;
        if (minutes == 0) {
            return new Result(new long[0], new Double[0], new Double[0], new Double[0], new Double[0], new Double[0], List.of(), 0, 0);
        }
        Double[] instances = new Double[minutes];
        Double[] likely = new Double[minutes];
        var changes = new ArrayList<Change>();
        var recommendations = new ArrayList<PolicyInput.Recommendation>();
        var events = new ArrayList<PolicyInput.ScaleEvent>();
        Duration window = max(policy.scaleUp().stabilizationWindow(), policy.scaleDown().stabilizationWindow());
        Duration period = max(policy.scaleUp().longestPeriod(), policy.scaleDown().longestPeriod());
        int current = Math.max(policy.minInstances(), Math.min(policy.maxInstances(), startInstances));
        // As if the service had run at its starting count before the window: without it the first
        // evaluation would find an empty scale-down window and shed instances at once.
        recommendations.add(new PolicyInput.Recommendation(Instant.ofEpochSecond(recorded.timestamps()[0]).minusMillis(1), current));
        Instant lastScaled = null;
        int beyond = 0;
        int withoutData = 0;
        int evaluationsPerMinute = (int) Math.max(1, MINUTE.toSeconds() / interval.toSeconds());
        for (int i = 0; i < minutes; i++) {
            Double throughput = recorded.throughput()[i];
            double sum = 0;
            for (int e = 0; e < evaluationsPerMinute; e++) {
                Instant now = Instant.ofEpochSecond(recorded.timestamps()[i]).plus(interval.multipliedBy(e));
                Instant windowStart = now.minus(window);
                Instant periodStart = now.minus(period);
                recommendations.removeIf(r -> !r.at().isAfter(windowStart));
                events.removeIf(event -> !event.at().isAfter(periodStart));
                Double metric = throughput == null ? null : metric(policy.metric(), throughput, current, curve);
                var input = new PolicyInput(now, current, metric, recommendations, events, lastScaled, false,
                        forecastAt == null ? null : forecastAt.apply(now));
                ScalingDecision decision = PolicyEvaluator.evaluate(policy, input);
                recommendations.add(new PolicyInput.Recommendation(now, decision.recommended()));
                if (decision.action() != ScalingDecision.Action.NONE) {
                    changes.add(new Change(now, current, decision.desired(), decision.explanation()));
                    events.add(new PolicyInput.ScaleEvent(now, current, decision.desired()));
                    lastScaled = now;
                    current = decision.desired();
                }
                sum += current;
            }
            instances[i] = sum / evaluationsPerMinute;
            if (throughput == null) {
                withoutData++;
            } else if (instances[i] > 0) {
                double load = throughput / instances[i];
                likely[i] = curve.p99Ms(load);
                if (throughput > 0 && curve.beyondMeasured(load)) {
                    beyond++;
                }
            }
        }
        return new Result(recorded.timestamps(), recorded.throughput(), instances, recorded.recordedInstances(), likely,
                recorded.recordedP99Ms(), List.copyOf(changes), beyond, withoutData);
    }

    /**
     * The policy's metric per instance at this throughput and count, as the curve says it would
     * read; null where the live policy would have had no measurement (no requests for request KPIs).
     */
    static Double metric(PolicyMetric metric, double throughput, int instances, CapacityCurve curve) {
        if (instances <= 0) {
            return null;
        }
        double load = throughput / instances;
        return switch (metric) {
            case REQUESTS_PER_INSTANCE -> throughput == 0 ? null : load;
            case P99_LATENCY -> throughput == 0 ? null : curve.p99Ms(load);
            case UTILISATION -> curve.utilisation(load);
            case QUEUE_DEPTH -> curve.queuePerInstance(load);
        };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
