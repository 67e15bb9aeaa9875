package io.headroom.demo;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every demo instance shares: the OTLP delivery of the OpenTelemetry-instrumented ones,
 * where the Jaeger-instrumented ones report (collector URL), how to pick an instance of a
 * downstream service, and the faults running now.
 */
record FleetEnvironment(OtelExport otel, String jaegerEndpoint, Function<String, Optional<URI>> resolve, FleetFaults faults) {
}
