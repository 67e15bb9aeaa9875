package io.headroom.scaling.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.headroom.api.ApiParameters;
import io.headroom.scaling.PolicyMetric;
import io.headroom.scaling.Predictive;
import io.headroom.scaling.RateLimit;
import io.headroom.scaling.ScalingBehavior;
import io.headroom.scaling.ScalingPolicy;
import io.headroom.scaling.ScheduledFloor;

/**
 * A scaling policy as the API reads and writes it. Everything but {@code service}, {@code metric},
 * {@code target}, {@code minInstances} and {@code maxInstances} has the HPA's default when left out.
 */
record PolicyJson(Long id, String service, String metric, Double target, Double tolerance, Integer minInstances, Integer maxInstances,
        BehaviorJson scaleUp, BehaviorJson scaleDown, String cooldown, List<ScheduleJson> schedules, PredictiveJson predictive,
        Boolean excludeChaos, Boolean enabled) {

    static final String BODY = "body must be {\"service\": \"checkout\", \"metric\": \"utilisation\", \"target\": 0.6, "
            + "\"minInstances\": 1, \"maxInstances\": 10} with optional tolerance (0.1), scaleUp/scaleDown "
            + "({\"stabilizationWindow\": \"300s\", \"limits\": [{\"kind\": \"percent\", \"value\": 100, \"period\": \"15s\"}]}), "
            + "cooldown (\"0s\"), schedules ([{\"cron\": \"0 8 * * MON-FRI\", \"zone\": \"Europe/Berlin\", \"duration\": \"10h\", "
            + "\"minInstances\": 6}]), predictive ({\"season\": \"24h\", \"requestsPerInstance\": 50, \"lead\": \"10m\"}; "
            + "requestsPerInstance defaults to target for requests_per_instance), excludeChaos (true), enabled (true)";

    record LimitJson(String kind, Integer value, String period) {
    }

    record BehaviorJson(String stabilizationWindow, List<LimitJson> limits) {
    }

    record ScheduleJson(String cron, String zone, String duration, Integer minInstances) {
    }

    record PredictiveJson(String season, Double requestsPerInstance, String lead) {
    }

    static PolicyJson of(ScalingPolicy p) {
        return new PolicyJson(p.id(), p.service(), p.metric().key(), p.target(), p.tolerance(), p.minInstances(), p.maxInstances(),
                behavior(p.scaleUp()), behavior(p.scaleDown()), ApiParameters.durationText(p.cooldown()),
                p.schedules().stream().map(s -> new ScheduleJson(s.cron(), s.zone().getId(), ApiParameters.durationText(s.duration()),
                        s.minInstances())).toList(),
                p.predictive() == null ? null : new PredictiveJson(ApiParameters.durationText(p.predictive().season()),
                        p.predictive().requestsPerInstance(), ApiParameters.durationText(p.predictive().lead())),
                p.excludeChaos(), p.enabled());
    }

    /** @throws IllegalArgumentException or ApiParameters.BadParameter naming the field */
    ScalingPolicy toPolicy() {
        if (target == null || minInstances == null || maxInstances == null) {
            throw new IllegalArgumentException("target, minInstances and maxInstances are required; " + BODY);
        }
        return new ScalingPolicy(null, service, PolicyMetric.of(metric), target,
                tolerance == null ? ScalingPolicy.DEFAULT_TOLERANCE : tolerance, minInstances, maxInstances,
                behavior("scaleUp", scaleUp, ScalingBehavior.DEFAULT_UP), behavior("scaleDown", scaleDown, ScalingBehavior.DEFAULT_DOWN),
                cooldown == null ? Duration.ZERO : duration("cooldown", cooldown),
                schedules == null ? List.of() : schedules.stream().map(PolicyJson::schedule).toList(), toPredictive(),
                excludeChaos == null || excludeChaos, enabled == null || enabled);
    }

    private static BehaviorJson behavior(ScalingBehavior b) {
        return new BehaviorJson(ApiParameters.durationText(b.stabilizationWindow()), b.limits().stream()
                .map(l -> new LimitJson(l.kind().name().toLowerCase(Locale.ROOT), l.value(), ApiParameters.durationText(l.period())))
                .toList());
    }

    private static ScalingBehavior behavior(String field, BehaviorJson json, ScalingBehavior fallback) {
        if (json == null) {
            return fallback;
        }
        Duration window = json.stabilizationWindow() == null ? fallback.stabilizationWindow()
                : duration(field + ".stabilizationWindow", json.stabilizationWindow());
        List<RateLimit> limits = json.limits() == null ? fallback.limits() : json.limits().stream().map(l -> limit(field, l)).toList();
        return new ScalingBehavior(window, limits);
    }

    private static RateLimit limit(String field, LimitJson json) {
        RateLimit.Kind kind;
        try {
            kind = RateLimit.Kind.valueOf(String.valueOf(json.kind()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ".limits[].kind must be percent or instances; was '" + json.kind() + "'");
        }
        if (json.value() == null || json.period() == null) {
            throw new IllegalArgumentException(field + ".limits[] needs value and period");
        }
        return new RateLimit(kind, json.value(), duration(field + ".limits[].period", json.period()));
    }

    private Predictive toPredictive() {
        if (predictive == null) {
            return null;
        }
        Double perInstance = predictive.requestsPerInstance();
        if (perInstance == null) {
            if (PolicyMetric.of(metric) != PolicyMetric.REQUESTS_PER_INSTANCE) {
                throw new IllegalArgumentException("predictive.requestsPerInstance is required (the req/s one instance serves at "
                        + "the policy's target); only a requests_per_instance policy has it already, as its target");
            }
            perInstance = target;
        }
        return new Predictive(predictive.season() == null ? null : duration("predictive.season", predictive.season()), perInstance,
                predictive.lead() == null ? null : duration("predictive.lead", predictive.lead()));
    }

    private static ScheduledFloor schedule(ScheduleJson json) {
        if (json.minInstances() == null || json.duration() == null) {
            throw new IllegalArgumentException("schedules[] needs cron, zone, duration and minInstances");
        }
        return new ScheduledFloor(json.cron(), ScheduledFloor.zone(json.zone()), duration("schedules[].duration", json.duration()),
                json.minInstances());
    }

    private static Duration duration(String field, String text) {
        return ApiParameters.durationOrZero(field, text);
    }
}
