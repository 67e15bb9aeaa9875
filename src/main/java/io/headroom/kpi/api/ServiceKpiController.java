package io.headroom.kpi.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.headroom.api.ApiParameters;
import io.headroom.api.ApiParameters.Range;
import io.headroom.kpi.Annotation;
import io.headroom.kpi.Annotations;
import io.headroom.kpi.OperationSummary;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSeries;
import io.headroom.kpi.ServiceSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service KPIs as JSON: the same numbers the Services views show, for scripts and other dashboards. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceKpiController {

    private static final Duration MAX_WINDOW = Duration.ofDays(400);

    private final ServiceKpis kpis;
    private final Annotations annotations;
    private final Clock clock;

    ServiceKpiController(ServiceKpis kpis, Annotations annotations, Clock clock) {
        this.kpis = kpis;
        this.annotations = annotations;
        this.clock = clock;
    }

    record AnnotationsResponse(String service, Instant from, Instant to, List<Annotation> annotations) {
    }

    record ServicesResponse(String window, Instant from, Instant to, List<ServiceSummary> services) {
    }

    record SeriesResponse(String service, Instant from, Instant to, long stepSeconds, long[] timestamps,
            Double[] throughput, Double[] errorRate, Double[] p50Ms, Double[] p95Ms, Double[] p99Ms, Double[] instances,
            Double[] costPerHour) {
        static SeriesResponse of(ServiceSeries series) {
            return new SeriesResponse(series.service(), series.from(), series.to(), series.step().toSeconds(),
                    series.timestamps(), series.throughput(), series.errorRate(), series.p50Ms(), series.p95Ms(), series.p99Ms(),
                    series.instances(), series.costPerHour());
        }
    }

    /**
     * Every service over the last {@code window} (default 5m), or over [from, to) when {@code from}
     * is given, as the Services view shows a relative or a fixed range.
     */
    @GetMapping
    ServicesResponse services(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Range range = range(window, from, to, Duration.ofMinutes(5));
        return new ServicesResponse(from == null ? (window == null ? "5m" : window) : null, range.from(), range.to(),
                kpis.summaries(range.from(), range.to()));
    }

    @GetMapping("/{service}")
    ResponseEntity<?> service(@PathVariable String service, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(window, from, to, Duration.ofMinutes(5));
        return kpis.summary(service, range.from(), range.to()).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(service));
    }

    record OperationsResponse(String service, Instant from, Instant to, List<OperationSummary> operations) {
    }

    /** The service's operations (each span kind apart), busiest first, over the last {@code window} (default 5m) or [from, to). */
    @GetMapping("/{service}/operations")
    ResponseEntity<?> operations(@PathVariable String service, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(window, from, to, Duration.ofMinutes(5));
        return kpis.operations(service, range.from(), range.to())
                .<ResponseEntity<?>>map(operations -> ResponseEntity.ok(new OperationsResponse(service, range.from(), range.to(), operations)))
                .orElseGet(() -> notFound(service));
    }

    private Range range(String window, String from, String to, Duration defaultWindow) {
        return ApiParameters.windowOrRange(window, from, to, defaultWindow, MAX_WINDOW, clock.instant());
    }

    @GetMapping("/{service}/series")
    ResponseEntity<?> series(@PathVariable String service, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        ApiParameters.SeriesRequest request = ApiParameters.seriesRequest(from, to, step, clock.instant());
        try {
            return kpis.series(service, request.from(), request.to(), request.step())
                    .<ResponseEntity<?>>map(s -> ResponseEntity.ok(SeriesResponse.of(s)))
                    .orElseGet(() -> notFound(service));
        } catch (IllegalArgumentException e) {
            throw new ApiParameters.BadParameter("step", e.getMessage() + "; use a larger step or a shorter range");
        }
    }

    /**
     * Throughput and p99 at each instance count the service ran at in [from, to) (default: the
     * last 24 hours), against linear scaling from the fewest, and the count past which more stopped helping.
     */
    @GetMapping("/{service}/scaling")
    ResponseEntity<?> scaling(@PathVariable String service, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(window, from, to, Duration.ofDays(1));
        return kpis.scalingEfficiency(service, range.from(), range.to()).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(service));
    }

    /** Scaling, faults and deploys of the service in [from, to) (default: the last hour), as the Service page marks them. */
    @GetMapping("/{service}/annotations")
    AnnotationsResponse annotations(@PathVariable String service, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(window, from, to, Duration.ofHours(1));
        return new AnnotationsResponse(service, range.from(), range.to(), annotations.of(service, range.from(), range.to()));
    }

    static ResponseEntity<Map<String, String>> notFound(String service) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", "no service named '" + service + "' has sent telemetry"));
    }
}
