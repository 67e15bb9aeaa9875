package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Replays a policy over recorded traffic: every evaluation interval the policy sees the metric it
 * would have seen at the instance count it would have run (from the recorded throughput and the
 * service's {@link CapacityCurve}), and {@link PolicyEvaluator} decides as it would live, with its
 * windows, limits, cooldown and floors. Instances it adds are paid for from the moment it asks
 * and serve (take load, and so move the metric and p99) only after the warm-up, as an AWS target
 * tracking policy's "instance warmup" has it; with no warm-up they serve at once, which is kinder
 * than life by an instance's start-up time. Instances it removes go at once, those still starting
 * first (as Kubernetes removes unready pods first).
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
     * @param instances the policy's mean instance count per minute, those starting included (they are paid for)
     * @param servingInstances the mean count of those serving (started)
     * @param likelyP99Ms what the curve says p99 would have been with the serving instances
     */
    public record Result(long[] timestamps, Double[] throughput, Double[] instances, Double[] servingInstances,
            Double[] recordedInstances, Double[] likelyP99Ms,
            Double[] recordedP99Ms, List<Change> changes, int minutesBeyondMeasured, int minutesWithoutData) {
    }

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Backtest() {
    }

    /**
     * @param startInstances the count at the window's start (the recorded one, within the policy's bounds), all serving
     * @param warmup how long an instance the policy adds takes to serve
     * @param forecastAt the predictive floor at an instant, from what was known then; null when the policy has none
     */
    static Result run(ScalingPolicy policy, Recorded recorded, CapacityCurve curve, int startInstances, Duration interval,
            Duration warmup, Function<Instant, PolicyInput.ForecastFloor> forecastAt) {
        int minutes = recorded.timestamps().length;
        if (minutes == 0) {
            return new Result(new long[0], new Double[0], new Double[0], new Double[0], new Double[0], new Double[0], new Double[0],
                    List.of(), 0, 0);
        }
        Double[] instances = new Double[minutes];
        Double[] serving = new Double[minutes];
        var starting = new Starting(warmup);
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
            double servingSum = 0;
            for (int e = 0; e < evaluationsPerMinute; e++) {
                Instant now = Instant.ofEpochSecond(recorded.timestamps()[i]).plus(interval.multipliedBy(e));
                Instant windowStart = now.minus(window);
                Instant periodStart = now.minus(period);
                recommendations.removeIf(r -> !r.at().isAfter(windowStart));
                events.removeIf(event -> !event.at().isAfter(periodStart));
                starting.startedBy(now);
                Double metric = throughput == null ? null : metric(policy.metric(), throughput, current, current - starting.count(), curve);
                var input = new PolicyInput(now, current, metric, recommendations, events, lastScaled, false,
                        forecastAt == null ? null : forecastAt.apply(now));
                ScalingDecision decision = PolicyEvaluator.evaluate(policy, input);
                recommendations.add(new PolicyInput.Recommendation(now, decision.recommended()));
                if (decision.action() != ScalingDecision.Action.NONE) {
                    changes.add(new Change(now, current, decision.desired(), decision.explanation()));
                    events.add(new PolicyInput.ScaleEvent(now, current, decision.desired()));
                    lastScaled = now;
                    starting.change(decision.desired() - current, now);
                    current = decision.desired();
                }
                sum += current;
                servingSum += current - starting.count();
            }
            instances[i] = sum / evaluationsPerMinute;
            serving[i] = servingSum / evaluationsPerMinute;
            if (throughput == null) {
                withoutData++;
            } else if (serving[i] > 0) {
                double load = throughput / serving[i];
                likely[i] = curve.p99Ms(load);
                if (throughput > 0 && curve.beyondMeasured(load)) {
                    beyond++;
                }
            }
        }
        return new Result(recorded.timestamps(), recorded.throughput(), instances, serving, recorded.recordedInstances(), likely,
                recorded.recordedP99Ms(), List.copyOf(changes), beyond, withoutData);
    }

    /**
     * The policy's metric at this throughput, as the curve says it would read with {@code serving}
     * of {@code instances} taking the load; null where the live policy would have had no
     * measurement (no requests for request KPIs). Per-instance averages count the instances still
     * starting as idle, as the HPA does for unready pods when scaling up: without that, every
     * evaluation during a warm-up would see the same overload and add instances again.
     */
    static Double metric(PolicyMetric metric, double throughput, int instances, int serving, CapacityCurve curve) {
        if (serving <= 0) {
            return null;
        }
        double load = throughput / serving;
        double busyShare = (double) serving / instances;
        return switch (metric) {
            case REQUESTS_PER_INSTANCE -> throughput == 0 ? null : throughput / instances;
            case P99_LATENCY -> throughput == 0 ? null : curve.p99Ms(load);
            case UTILISATION -> spreadOver(curve.utilisation(load), busyShare);
            case QUEUE_DEPTH -> spreadOver(curve.queuePerInstance(load), busyShare);
        };
    }

    /** A per-instance reading of the serving instances averaged over all of them; null where the curve has none. */
    private static Double spreadOver(Double perServingInstance, double busyShare) {
        return perServingInstance == null ? null : perServingInstance * busyShare;
    }

    /** Instances asked for and not serving yet, each batch with the instant it starts serving. */
    private static final class Starting {
        private record Batch(Instant servesAt, int count) {
        }

        private final Duration warmup;
        private final ArrayDeque<Batch> batches = new ArrayDeque<>();

        Starting(Duration warmup) {
            this.warmup = warmup;
        }

        /** Batches whose warm-up is over serve from now on. */
        void startedBy(Instant now) {
            batches.removeIf(batch -> !batch.servesAt().isAfter(now));
        }

        /** A scale-up adds a batch (none without a warm-up); a scale-down removes starting instances first, newest first. */
        void change(int delta, Instant now) {
            if (delta > 0) {
                if (!warmup.isZero()) {
                    batches.addLast(new Batch(now.plus(warmup), delta));
                }
                return;
            }
            int toRemove = -delta;
            while (toRemove > 0 && !batches.isEmpty()) {
                Batch newest = batches.removeLast();
                int removed = Math.min(toRemove, newest.count());
                toRemove -= removed;
                if (removed < newest.count()) {
                    batches.addLast(new Batch(newest.servesAt(), newest.count() - removed));
                }
            }
        }

        int count() {
            return batches.stream().mapToInt(Batch::count).sum();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
