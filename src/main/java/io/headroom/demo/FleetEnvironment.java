package io.headroom.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every demo instance shares: where to send telemetry, the HTTP client for downstream
 * calls, how to pick an instance of a downstream service, and the faults running now.
 */
record FleetEnvironment(String otlpEndpoint, HttpClient client, Function<String, Optional<URI>> resolve, FleetFaults faults) {
}
