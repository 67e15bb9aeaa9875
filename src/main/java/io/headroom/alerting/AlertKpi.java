package io.headroom.alerting;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.headroom.kpi.ServiceSummary;

/**
 * The KPIs a threshold rule can compare, read from a service's summary over the rule's window.
 * Latencies, error rate and Apdex are a gap (null) in a window without requests: nothing was
 * measured, which is not the same as 0 % errors.
 */
public enum AlertKpi {
    THROUGHPUT("throughput", "req/s", s -> s.throughput()),
    ERROR_RATE("error_rate", "", s -> s.requests() == 0 ? null : s.errorRate()),
    P50("p50", "ms", ServiceSummary::p50Ms),
    P95("p95", "ms", ServiceSummary::p95Ms),
    P99("p99", "ms", ServiceSummary::p99Ms),
    APDEX("apdex", "", ServiceSummary::apdex),
    INSTANCES("instances", "", s -> s.capacity().instances() == null ? null : s.capacity().instances().doubleValue()),
    COST_PER_HOUR("cost_per_hour", "", s -> s.capacity().costPerHour()),
    COST_PER_1K_REQUESTS("cost_per_1k_requests", "", s -> s.capacity().costPer1kRequests());

    private final String key;
    private final String unit;
    private final Function<ServiceSummary, Double> reader;

    AlertKpi(String key, String unit, Function<ServiceSummary, Double> reader) {
        this.key = key;
        this.unit = unit;
        this.reader = reader;
    }

    /** The name in rules and the API: {@code p99}, {@code error_rate}. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** The KPI's value in the summary, null where the window has none. */
    public Double read(ServiceSummary summary) {
        return reader.apply(summary);
    }

    /** @throws IllegalArgumentException listing the known names */
    public static AlertKpi of(String key) {
        String wanted = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kpi -> kpi.key.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kpi must be one of "
                        + Arrays.stream(values()).map(AlertKpi::key).collect(Collectors.joining(", ")) + "; was '" + key + "'"));
    }
}
