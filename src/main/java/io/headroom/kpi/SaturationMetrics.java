package io.headroom.kpi;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which metrics a service's saturation is read from, each a list of names tried together (a
 * service reports one of them): the names the Prometheus client and OpenTelemetry's semantic
 * conventions give, and the demo fleet's own. Override with {@code headroom.kpi.saturation.*}.
 *
 * @param utilisation gauges of the share of a worker pool busy, 0 to 1, one per instance
 * @param inFlight gauges of requests admitted and not yet answered
 * @param queued gauges of requests waiting for a worker
 * @param cpuSeconds counters of CPU seconds used
 * @param up gauges that are 1 while an instance answers (Prometheus's {@code up}); they count instances
 */
@ConfigurationProperties("headroom.kpi.saturation")
public record SaturationMetrics(List<String> utilisation, List<String> inFlight, List<String> queued,
        List<String> cpuSeconds, List<String> up) {

    public SaturationMetrics {
        utilisation = utilisation == null ? List.of("demo_worker_utilization") : List.copyOf(utilisation);
        inFlight = inFlight == null ? List.of("http_server_active_requests", "http.server.active_requests") : List.copyOf(inFlight);
        queued = queued == null ? List.of("demo_queue_depth") : List.copyOf(queued);
        cpuSeconds = cpuSeconds == null ? List.of("process_cpu_seconds_total", "process.cpu.time") : List.copyOf(cpuSeconds);
        up = up == null ? List.of("up") : List.copyOf(up);
    }

    List<String> all() {
        return Stream.of(utilisation, inFlight, queued, cpuSeconds, up).flatMap(List::stream).distinct().toList();
    }
}
