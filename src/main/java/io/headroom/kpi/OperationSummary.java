package io.headroom.kpi;

import java.util.List;

/**
 * One operation of a service over a window: its spans of one kind (a service's {@code GET /cart}
 * served and the {@code GET /cart} it calls downstream are two rows).
 *
 * @param kind internal, server, client, producer, consumer or unspecified
 * @param throughput spans per second over the window
 * @param errorRate null without spans
 */
public record OperationSummary(String operation, String kind, long spans, long errors, double throughput, Double errorRate,
        Double meanMs, Double p50Ms, Double p95Ms, Double p99Ms) {

    private static final List<String> KINDS = List.of("unspecified", "internal", "server", "client", "producer", "consumer");

    static String kindName(int kind) {
        return kind >= 0 && kind < KINDS.size() ? KINDS.get(kind) : "kind " + kind;
    }
}
