package io.headroom.explore;

import java.time.Instant;
import java.util.List;

/**
 * The services and the calls between them over a range, laid out left to right in the order
 * calls flow: a service that nobody calls in the first column, each callee at least one column
 * right of its callers.
 *
 * @param width the drawing's size in the units of {@code x} and {@code y}
 */
public record ServiceMap(Instant from, Instant to, List<Node> nodes, List<Edge> edges, int width, int height) {

    /**
     * A service. @param health its SLO alert level (OK, TICKET, PAGE) or null when it has no SLO
     * @param x the centre of its box
     */
    public record Node(String service, double throughput, double errorRate, Double p99Ms, String health, int column, int x, int y) {
    }

    /** Calls from {@code caller} to {@code callee}: rate, share failed, and p99 as the caller waited. */
    public record Edge(String caller, String callee, long calls, double callsPerSecond, double errorRate, Double p99Ms) {
    }
}
