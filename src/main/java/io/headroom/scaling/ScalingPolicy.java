package io.headroom.scaling;

import java.time.Duration;
import java.util.List;

/**
 * A target-tracking autoscaling policy for one service, as the Kubernetes HPA computes it:
 * {@code desired = ceil(current × metric / target)} unless the ratio is within {@code tolerance}
 * of 1, damped by {@code scaleUp}/{@code scaleDown} behaviour, kept within min and max, raised to
 * any active scheduled floor, and after a scaling action held for {@code cooldown}.
 *
 * @param id null until saved
 * @param excludeChaos hold the policy while a fault is injected into the service, so an
 *        experiment's own effects are not scaled away
 * @param predictive a forecast floor, null for none
 */
public record ScalingPolicy(Long id, String service, PolicyMetric metric, double target, double tolerance, int minInstances,
        int maxInstances, ScalingBehavior scaleUp, ScalingBehavior scaleDown, Duration cooldown, List<ScheduledFloor> schedules,
        Predictive predictive, boolean excludeChaos, boolean enabled) {

    public static final double DEFAULT_TOLERANCE = 0.1;
    public static final int MAX_INSTANCES = 1_000;

    public ScalingPolicy {
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("a policy needs the service it scales");
        }
        if (metric == null) {
            throw new IllegalArgumentException("a policy needs a metric");
        }
        if (!(target > 0) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("target must be a number above 0, was " + target);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be at least 0 and below 1 (0.1 is 10 %), was " + tolerance);
        }
        if (minInstances < 1 || maxInstances < minInstances || maxInstances > MAX_INSTANCES) {
            throw new IllegalArgumentException("instances must satisfy 1 <= minInstances <= maxInstances <= " + MAX_INSTANCES
                    + ", was " + minInstances + ".." + maxInstances);
        }
        scaleUp = scaleUp == null ? ScalingBehavior.DEFAULT_UP : scaleUp;
        scaleDown = scaleDown == null ? ScalingBehavior.DEFAULT_DOWN : scaleDown;
        cooldown = cooldown == null ? Duration.ZERO : cooldown;
        if (cooldown.isNegative() || cooldown.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("cooldown must be between 0s and 1h, was " + cooldown);
        }
        schedules = schedules == null ? List.of() : List.copyOf(schedules);
        for (ScheduledFloor schedule : schedules) {
            if (schedule.minInstances() > maxInstances) {
                throw new IllegalArgumentException("a schedule's minInstances (" + schedule.minInstances() + ") is above maxInstances ("
                        + maxInstances + ")");
            }
        }
    }

    /** This policy kept within what a scale target can run; itself when its bounds already fit. */
    ScalingPolicy within(int targetMin, int targetMax) {
        int min = Math.max(minInstances, targetMin);
        int max = Math.min(maxInstances, targetMax);
        if ((min == minInstances && max == maxInstances) || min > max) {
            return this;
        }
        var floors = schedules.stream().map(s -> s.minInstances() > max
                ? new ScheduledFloor(s.cron(), s.zone(), s.duration(), max) : s).toList();
        return new ScalingPolicy(id, service, metric, target, tolerance, min, max, scaleUp, scaleDown, cooldown, floors, predictive,
                excludeChaos, enabled);
    }

    public ScalingPolicy withId(long newId) {
        return new ScalingPolicy(newId, service, metric, target, tolerance, minInstances, maxInstances, scaleUp, scaleDown, cooldown,
                schedules, predictive, excludeChaos, enabled);
    }
}
