package io.headroom.explore.jaeger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.headroom.explore.Trace;
import io.headroom.explore.Traces;
import io.headroom.explore.jaeger.JaegerModel.DependencyLink;
import io.headroom.explore.jaeger.JaegerModel.Operation;
import io.headroom.explore.jaeger.JaegerModel.Response;
import io.headroom.store.SpanQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jaeger's HTTP query API ({@code cmd/query/app/http_handler.go}), which the Jaeger UI, Grafana's
 * Jaeger data source and jaeger-query clients read. Only GET: {@code POST /api/traces} is the
 * Jaeger collector's ingest endpoint in the ingest module.
 */
@RestController
class JaegerQueryController {

    private static final Logger log = LoggerFactory.getLogger(JaegerQueryController.class);
    static final String TRACE_NOT_FOUND = "trace not found";

    private final Traces traces;
    private final Clock clock;

    JaegerQueryController(Traces traces, Clock clock) {
        this.traces = traces;
        this.clock = clock;
    }

    @GetMapping("/api/services")
    Response services() {
        return Response.counted(traces.services());
    }

    /** The older form the Jaeger UI still calls: names only, every kind. */
    @GetMapping("/api/services/{service}/operations")
    Response serviceOperations(@PathVariable String service) {
        return Response.counted(traces.operations(service, null).stream().map(SpanQueries.Operation::name).distinct().toList());
    }

    @GetMapping("/api/operations")
    Response operations(@RequestParam(required = false) String service, @RequestParam(required = false) String spanKind) {
        if (service == null || service.isBlank()) {
            throw new BadParameter("parameter 'service' is required");
        }
        Integer kind = null;
        if (spanKind != null && !spanKind.isBlank()) {
            kind = JaegerFields.kind(spanKind);
            if (kind == null) {
                throw new BadParameter("'spanKind' must be one of " + JaegerFields.kindNames() + ", was '" + spanKind + "'");
            }
        }
        return Response.counted(traces.operations(service, kind).stream()
                .map(operation -> new Operation(operation.name(), JaegerFields.kindName(operation.kind()))).toList());
    }

    @GetMapping("/api/traces")
    Response search(@RequestParam MultiValueMap<String, String> params) {
        var query = JaegerSearchParameters.parse(params, clock.instant());
        if (query.traceIds().isEmpty()) {
            return Response.of(traces.search(query.search()).stream().map(JaegerTraces::toJaeger).toList());
        }
        List<Trace> found = traces.traces(query.traceIds());
        List<JaegerModel.Error> missing = new ArrayList<>();
        for (byte[] id : query.traceIds()) {
            if (found.stream().noneMatch(trace -> Arrays.equals(trace.traceId(), id))) {
                missing.add(new JaegerModel.Error(null, TRACE_NOT_FOUND, JaegerIds.traceId(id)));
            }
        }
        return new Response(found.stream().map(JaegerTraces::toJaeger).toList(), 0, 0, 0, missing.isEmpty() ? null : missing);
    }

    @GetMapping("/api/traces/{traceId}")
    ResponseEntity<Response> trace(@PathVariable String traceId) {
        return traces.trace(JaegerIds.parseTraceId(traceId))
                .map(trace -> ResponseEntity.ok(Response.of(List.of(JaegerTraces.toJaeger(trace)))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Response.failure(HttpStatus.NOT_FOUND.value(), TRACE_NOT_FOUND)));
    }

    /**
     * @param endTs unix milliseconds (default now)
     * @param lookback milliseconds (default 24 hours); at most {@link Traces#MAX_DEPENDENCY_WINDOW} is read
     */
    @GetMapping("/api/dependencies")
    Response dependencies(@RequestParam(required = false) String endTs, @RequestParam(required = false) String lookback,
            @RequestParam(required = false) String service) {
        Instant end = endTs == null || endTs.isBlank() ? clock.instant() : Instant.ofEpochMilli(millis("endTs", endTs));
        Duration window = lookback == null || lookback.isBlank() ? Traces.MAX_DEPENDENCY_WINDOW
                : Duration.ofMillis(millis("lookback", lookback));
        if (window.isZero() || window.isNegative()) {
            throw new BadParameter("'lookback' must be a positive number of milliseconds, was " + lookback);
        }
        boolean all = service == null || service.isBlank();
        return Response.of(traces.dependencies(end, window).stream()
                .filter(call -> all || call.parent().equals(service) || call.child().equals(service))
                .map(call -> new DependencyLink(call.parent(), call.child(), call.calls())).toList());
    }

    private static long millis(String name, String value) {
        try {
            long millis = Long.parseLong(value);
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter("unable to parse param '" + name + "': milliseconds expected, was '" + value + "'");
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<Response> badParameter(BadParameter e) {
        return ResponseEntity.badRequest().body(Response.failure(HttpStatus.BAD_REQUEST.value(), e.getMessage()));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Response> storeFailed(DataAccessException e) {
        log.warn("Jaeger query failed in the store", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Response.failure(HttpStatus.SERVICE_UNAVAILABLE.value(), "the store could not answer: " + e.getMostSpecificCause().getMessage()));
    }
}
