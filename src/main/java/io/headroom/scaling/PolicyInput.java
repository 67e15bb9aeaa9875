package io.headroom.scaling;

import java.time.Instant;
import java.util.List;

/**
 * What one evaluation of a policy sees.
 *
 * @param metricValue the policy's metric now, per instance; null when nothing was measured
 * @param recommendations earlier evaluations' recommendations within the stabilisation windows
 * @param events the policy's own scaling actions within the longest rate-limit period
 * @param lastScaledAt when the policy last scaled the service, null if never
 * @param faultInjected whether a fault is being injected into the service
 * @param forecast the predictive floor, null when the policy has none
 */
public record PolicyInput(Instant now, int current, Double metricValue, List<Recommendation> recommendations, List<ScaleEvent> events,
        Instant lastScaledAt, boolean faultInjected, ForecastFloor forecast) {

    /**
     * What the forecast asks for. @param instances null when there is no forecast (too little
     * history, say) @param why the forecast peak and how it became instances, or why there is none
     */
    public record ForecastFloor(Integer instances, String why) {
    }

    /** A past evaluation's recommendation. */
    public record Recommendation(Instant at, int instances) {
    }

    /** A past scaling action: {@code from} → {@code to} instances. */
    public record ScaleEvent(Instant at, int from, int to) {
    }

    public PolicyInput {
        recommendations = List.copyOf(recommendations);
        events = List.copyOf(events);
    }
}
