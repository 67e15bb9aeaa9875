package io.headroom.scaling;

import java.time.Instant;
import java.util.List;

/**
 * One evaluation of a policy, with every step that led to its decision, so "why did (or didn't)
 * it scale?" has an answer: the metric against its target, the ratio and tolerance band, the raw
 * recommendation, what the stabilisation window made of it, the limit that capped it, the
 * schedule or forecast that raised it, and the hold (cooldown, fault) that stopped it.
 *
 * @param ratio metric / target; null without a measurement
 * @param recommended the HPA's raw recommendation (kept for later windows)
 * @param stabilized after the stabilisation windows
 * @param limitedBy the rate limit or bound that capped the change, null if none did
 * @param scheduleFloor the highest active scheduled minimum, null if none is active
 * @param forecastFloor the instances the forecast asked for (within min and max), null without one
 * @param heldBy what kept a change from happening (cooldown, fault), null if nothing did
 * @param steps the same, as sentences for people
 */
public record ScalingDecision(Instant at, String service, PolicyMetric metric, Double metricValue, double target, Double ratio,
        double tolerance, boolean withinTolerance, int current, int recommended, int stabilized, String limitedBy, Integer scheduleFloor,
        Integer forecastFloor, String heldBy, int desired, Action action, List<String> steps) {

    public enum Action {
        SCALE_UP, SCALE_DOWN, NONE
    }

    /** The same decision with a step before the others (a fact the evaluation was given). */
    ScalingDecision withFirstStep(String step) {
        var all = new java.util.ArrayList<String>();
        all.add(step);
        all.addAll(steps);
        return new ScalingDecision(at, service, metric, metricValue, target, ratio, tolerance, withinTolerance, current, recommended,
                stabilized, limitedBy, scheduleFloor, forecastFloor, heldBy, desired, action, List.copyOf(all));
    }

    /** The steps in one line: "p99 412 ms vs target 300 ms: ratio 1.37 … → scale 2 → 3". */
    public String explanation() {
        return String.join("; ", steps);
    }
}
