package io.headroom.scaling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.headroom.api.ApiParameters;

/**
 * The Kubernetes HPA's replica calculation (pkg/controller/podautoscaler, with behaviours), as a
 * pure function of a policy and what one evaluation sees, plus Headroom's scheduled and forecast
 * floors, cooldown and fault hold. The order is the HPA's: tolerance, stabilisation, rate limits
 * and bounds; then floors (an operator's explicit request for capacity, or capacity needed before
 * a forecast rise, is not rate-limited) and holds.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    public static ScalingDecision evaluate(ScalingPolicy policy, PolicyInput in) {
        var steps = new ArrayList<String>();
        int current = in.current();
        Instant now = in.now();
        Double ratio = null;
        boolean within = false;
        int recommended = current;
        String metric = policy.metric().key();
        if (current == 0) {
            steps.add(policy.service() + " runs no instance: the policy does not scale up from zero (as the HPA)");
        } else if (in.metricValue() == null) {
            steps.add("no " + metric + " measured: keep " + current);
        } else {
            ratio = in.metricValue() / policy.target();
            String versus = metric + " " + number(in.metricValue()) + unit(policy) + " vs target " + number(policy.target()) + unit(policy)
                    + ": ratio " + number(ratio);
            if (Math.abs(ratio - 1) <= policy.tolerance()) {
                within = true;
                steps.add(versus + ", within ±" + number(policy.tolerance() * 100) + " %: keep " + current);
            } else {
                // A hair of float error must not add an instance: 3 × (0.9 / 0.3) is 9.000000000000002.
                recommended = (int) Math.min(Integer.MAX_VALUE, Math.ceil(current * ratio - 1e-9));
                steps.add(versus + ", outside ±" + number(policy.tolerance() * 100) + " %: ceil(" + current + " × " + number(ratio)
                        + ") = " + recommended);
            }
        }

        int stabilized = stabilize(policy, in, recommended, current, steps);
        int desired = stabilized;
        String limitedBy = null;
        if (current > 0) {
            String[] limit = new String[1];
            desired = limit(policy, in, stabilized, current, limit);
            limitedBy = limit[0];
            if (limitedBy != null) {
                steps.add((desired > stabilized ? "raised to " : "capped at ") + desired + " by " + limitedBy);
            }
        }

        Integer floor = null;
        for (ScheduledFloor schedule : policy.schedules()) {
            if (schedule.activeAt(now) && (floor == null || schedule.minInstances() > floor)) {
                floor = schedule.minInstances();
            }
        }
        if (floor != null) {
            if (desired < floor) {
                steps.add("raised to " + floor + " by the schedule '" + scheduleOf(policy, floor, now) + "'");
                desired = floor;
            } else {
                steps.add("scheduled floor " + floor + " already met");
            }
        }

        Integer forecastFloor = null;
        if (in.forecast() != null) {
            if (in.forecast().instances() == null) {
                steps.add("no forecast floor: " + in.forecast().why());
            } else {
                forecastFloor = Math.max(policy.minInstances(), Math.min(policy.maxInstances(), in.forecast().instances()));
                if (desired < forecastFloor) {
                    steps.add("raised to " + forecastFloor + " by the forecast: " + in.forecast().why());
                    desired = forecastFloor;
                } else {
                    steps.add("forecast floor " + forecastFloor + " already met (" + in.forecast().why() + ")");
                }
            }
        }

        String heldBy = null;
        if (desired != current) {
            if (in.lastScaledAt() != null && in.lastScaledAt().plus(policy.cooldown()).isAfter(now)) {
                heldBy = "cooldown until " + in.lastScaledAt().plus(policy.cooldown());
            } else if (policy.excludeChaos() && in.faultInjected()) {
                heldBy = "a fault is injected into " + policy.service();
            }
            if (heldBy != null) {
                steps.add("would scale " + current + " → " + desired + ", held: " + heldBy);
                desired = current;
            }
        }
        ScalingDecision.Action action = desired > current ? ScalingDecision.Action.SCALE_UP
                : desired < current ? ScalingDecision.Action.SCALE_DOWN : ScalingDecision.Action.NONE;
        steps.add(action == ScalingDecision.Action.NONE ? "no change: " + current : "scale " + current + " → " + desired);
        return new ScalingDecision(now, policy.service(), policy.metric(), in.metricValue(), policy.target(), ratio, policy.tolerance(),
                within, current, recommended, stabilized, limitedBy, floor, forecastFloor, heldBy, desired, action, List.copyOf(steps));
    }

    /** The HPA's stabilizeRecommendationWithBehaviors: up to the lowest, down to the highest recommendation in its window. */
    private static int stabilize(ScalingPolicy policy, PolicyInput in, int recommended, int current, List<String> steps) {
        Instant upCutoff = in.now().minus(policy.scaleUp().stabilizationWindow());
        Instant downCutoff = in.now().minus(policy.scaleDown().stabilizationWindow());
        int up = recommended;
        int down = recommended;
        for (PolicyInput.Recommendation earlier : in.recommendations()) {
            if (earlier.at().isAfter(upCutoff)) {
                up = Math.min(up, earlier.instances());
            }
            if (earlier.at().isAfter(downCutoff)) {
                down = Math.max(down, earlier.instances());
            }
        }
        int stabilized = Math.min(Math.max(current, up), down);
        if (stabilized != recommended) {
            steps.add(stabilized < recommended
                    ? "scale-up window " + text(policy.scaleUp().stabilizationWindow()) + ": lowest recommendation " + stabilized
                    : "scale-down window " + text(policy.scaleDown().stabilizationWindow()) + ": highest recommendation " + stabilized);
        }
        return stabilized;
    }

    /** The HPA's convertDesiredReplicasWithBehaviorRate, then min and max. {@code why[0]} is set to what capped it. */
    private static int limit(ScalingPolicy policy, PolicyInput in, int stabilized, int current, String[] why) {
        int desired = stabilized;
        if (desired > current) {
            int limit = Integer.MAX_VALUE;
            RateLimit capping = null;
            if (!policy.scaleUp().limits().isEmpty()) {
                limit = Integer.MIN_VALUE;
                for (RateLimit rate : policy.scaleUp().limits()) {
                    int allowed = rate.upLimit(current - changed(in, rate.period(), true));
                    if (allowed > limit) {
                        limit = allowed;
                        capping = rate;
                    }
                }
                limit = Math.max(limit, current);
            }
            int allowed = Math.min(policy.maxInstances(), limit);
            if (desired > allowed) {
                why[0] = allowed == policy.maxInstances() && limit >= policy.maxInstances() ? "maxInstances " + policy.maxInstances()
                        : "the scale-up limit " + describe(policy.scaleUp(), capping);
                desired = allowed;
            }
        } else if (desired < current) {
            int limit = Integer.MIN_VALUE;
            RateLimit capping = null;
            if (!policy.scaleDown().limits().isEmpty()) {
                limit = Integer.MAX_VALUE;
                for (RateLimit rate : policy.scaleDown().limits()) {
                    int allowed = rate.downLimit(current + changed(in, rate.period(), false));
                    if (allowed < limit) {
                        limit = allowed;
                        capping = rate;
                    }
                }
                limit = Math.min(limit, current);
            }
            int allowed = Math.max(policy.minInstances(), limit);
            if (desired < allowed) {
                why[0] = allowed == policy.minInstances() && limit <= policy.minInstances() ? "minInstances " + policy.minInstances()
                        : "the scale-down limit " + describe(policy.scaleDown(), capping);
                desired = allowed;
            }
        }
        if (desired < policy.minInstances()) {
            why[0] = "minInstances " + policy.minInstances();
            desired = policy.minInstances();
        } else if (desired > policy.maxInstances()) {
            why[0] = "maxInstances " + policy.maxInstances();
            desired = policy.maxInstances();
        }
        return desired;
    }

    /** Instances the policy added (or removed) within the period: how far the period's start was from now. */
    private static int changed(PolicyInput in, Duration period, boolean added) {
        Instant cutoff = in.now().minus(period);
        int total = 0;
        for (PolicyInput.ScaleEvent event : in.events()) {
            if (event.at().isAfter(cutoff)) {
                int change = event.to() - event.from();
                if (added ? change > 0 : change < 0) {
                    total += Math.abs(change);
                }
            }
        }
        return total;
    }

    private static String describe(ScalingBehavior behavior, RateLimit capping) {
        if (behavior.limits().size() == 1 || capping == null) {
            return capping == null ? "" : "(" + capping.describe() + ")";
        }
        return "(" + String.join(" or ", behavior.limits().stream().map(RateLimit::describe).toList()) + ", whichever allows more)";
    }

    private static String scheduleOf(ScalingPolicy policy, int floor, Instant now) {
        return policy.schedules().stream().filter(s -> s.minInstances() == floor && s.activeAt(now)).findFirst()
                .map(s -> s.cron() + " " + s.zone() + " for " + text(s.duration())).orElse("");
    }

    private static String unit(ScalingPolicy policy) {
        return policy.metric().unit().isEmpty() ? "" : " " + policy.metric().unit();
    }

    private static String text(Duration duration) {
        return ApiParameters.durationText(duration);
    }

    /** Three significant digits, no trailing zeros: 0.917, 412, 1.5. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
