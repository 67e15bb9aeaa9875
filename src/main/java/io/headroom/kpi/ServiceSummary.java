package io.headroom.kpi;

import java.time.Instant;

/**
 * One service's request KPIs over a window. Latencies are null when the window has no requests.
 *
 * @param transactions requests that started a trace (had no parent span): what the fleet was asked to do here
 * @param throughput requests per second
 * @param errorRate fraction of requests that failed, 0..1
 * @param apdex the Apdex score for the target time {@code apdexThresholdMs}, null without requests
 * @param capacity instances run over the window and their cost
 */
public record ServiceSummary(String service, long requests, long errors, long transactions, double throughput, double errorRate,
        Double p50Ms, Double p95Ms, Double p99Ms, Double apdex, double apdexThresholdMs, Instant lastSeen, Capacity capacity) {
}
