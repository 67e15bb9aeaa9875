package io.headroom.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every demo instance shares: where to send telemetry (OTLP base URL, Jaeger collector
 * URL, how often to export metrics), how to pick an instance of a downstream service, and the
 * faults running now.
 */
record FleetEnvironment(String otlpEndpoint, String jaegerEndpoint, Duration metricInterval,
        Function<String, Optional<URI>> resolve, FleetFaults faults) {
}
