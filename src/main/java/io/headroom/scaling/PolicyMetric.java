package io.headroom.scaling;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a target-tracking policy holds at its target, each read per instance (the HPA's
 * "average value"), so that twice the instances halve it: the share of workers busy, requests
 * per second per instance, requests queued per instance; and p99 latency, which does not fall in
 * proportion but is what users feel (the ratio still says how far off it is).
 */
public enum PolicyMetric {
    UTILISATION("utilisation", ""),
    REQUESTS_PER_INSTANCE("requests_per_instance", "req/s"),
    P99_LATENCY("p99", "ms"),
    QUEUE_DEPTH("queue_per_instance", "");

    private final String key;
    private final String unit;

    PolicyMetric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** @throws IllegalArgumentException listing the known names */
    public static PolicyMetric of(String key) {
        String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(metric -> metric.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("metric must be one of "
                        + Arrays.stream(values()).map(PolicyMetric::key).collect(Collectors.joining(", ")) + "; was '" + key + "'"));
    }
}
