package io.headroom.explore.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.headroom.api.ApiParameters;
import io.headroom.api.ApiParameters.BadParameter;
import io.headroom.api.ApiParameters.Range;
import io.headroom.explore.Trace;
import io.headroom.explore.TraceDetail;
import io.headroom.explore.TraceSummary;
import io.headroom.explore.TraceTree;
import io.headroom.explore.Traces;
import io.headroom.explore.jaeger.GoDuration;
import io.headroom.store.SpanRow;
import io.headroom.store.SpanSearch;
import io.headroom.store.StoredResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trace search and whole traces as JSON: what the Traces and Trace views show. */
@RestController
class TracesController {

    private static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final int MAX_LIMIT = 1_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Traces traces;
    private final Clock clock;

    TracesController(Traces traces, Clock clock) {
        this.traces = traces;
        this.clock = clock;
    }

    record TracesResponse(Instant from, Instant to, List<TraceSummary> traces) {
    }

    /**
     * Traces with a span that matches every filter given, the most recent first or, with
     * {@code sort=duration}, the slowest. Durations as Go writes them (300ms, 1.5s).
     */
    @GetMapping("/api/v1/traces")
    TracesResponse search(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String service,
            @RequestParam(required = false) String operation, @RequestParam(required = false) List<String> attr,
            @RequestParam(required = false) String status, @RequestParam(required = false) String minDuration,
            @RequestParam(required = false) String maxDuration, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String limit) {
        Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofHours(1), MAX_RANGE, clock.instant());
        var tags = new ArrayList<SpanSearch.TagFilter>();
        ApiParameters.keyValues("attr", attr).forEach((key, value) -> tags.add(SpanSearch.TagFilter.attribute(key, value)));
        boolean errorsOnly = switch (status == null ? "any" : status.trim().toLowerCase(Locale.ROOT)) {
            case "any", "" -> false;
            case "error" -> true;
            default -> throw new BadParameter("status", "status must be error or any, was '" + status + "'");
        };
        SpanSearch.Order order = switch (sort == null ? "recent" : sort.trim().toLowerCase(Locale.ROOT)) {
            case "recent", "" -> SpanSearch.Order.RECENT;
            case "duration" -> SpanSearch.Order.SLOWEST;
            default -> throw new BadParameter("sort", "sort must be recent or duration, was '" + sort + "'");
        };
        int count = ApiParameters.wholeNumber("limit", limit, 20, 1, MAX_LIMIT);
        var search = new SpanSearch(ApiParameters.text(service), ApiParameters.text(operation), tags, range.from(), range.to(),
                duration("minDuration", minDuration), duration("maxDuration", maxDuration), errorsOnly, order, count);
        return new TracesResponse(range.from(), range.to(), traces.summaries(search));
    }

    /** One span, in the waterfall's order. @param offsetMs from the trace's first span */
    record SpanView(String spanId, String parentSpanId, String service, String operation, int kind, Instant start, double offsetMs,
            double durationMs, int depth, boolean orphan, boolean criticalPath, int statusCode, String statusMessage,
            @JsonRawValue String attributes, @JsonRawValue String events, @JsonRawValue String resource) {
    }

    record TraceResponse(String traceId, TraceSummary summary, List<SpanView> spans, List<LogsController.LogRecord> logs) {
    }

    /** The whole trace: its spans each after its parent, the critical path marked, and the log records written in it. */
    @GetMapping("/api/v1/traces/{traceId}")
    ResponseEntity<?> trace(@PathVariable String traceId) {
        byte[] id = ApiParameters.traceId("traceId", traceId);
        return traces.detail(id).<ResponseEntity<?>>map(detail -> ResponseEntity.ok(response(detail)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("error", "not_found", "message", "no trace with id " + traceId + " is stored")));
    }

    private static TraceResponse response(TraceDetail detail) {
        Trace trace = detail.trace();
        TraceTree tree = detail.tree();
        var spans = new ArrayList<SpanView>();
        for (TraceTree.Node node : tree.depthFirst()) {
            SpanRow span = node.span();
            StoredResource resource = trace.resources().get(span.origin().resourceId());
            spans.add(new SpanView(HEX.formatHex(span.spanId()), span.parentSpanId() == null ? null : HEX.formatHex(span.parentSpanId()),
                    span.origin().serviceName(), span.name(), span.kind(), Instant.ofEpochSecond(0, span.startEpochNanos()),
                    (span.startEpochNanos() - tree.startNanos()) / 1e6, span.durationNanos() / 1e6, node.depth(), node.orphan(),
                    tree.onCriticalPath(node), span.status().code(), span.status().message(), span.attributesJson(), span.eventsJson(),
                    resource == null ? "{}" : resource.attributesJson()));
        }
        return new TraceResponse(HEX.formatHex(trace.traceId()), detail.summary(), spans,
                detail.logs().stream().map(LogsController.LogRecord::of).toList());
    }

    private static Duration duration(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return GoDuration.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new BadParameter(parameter, parameter + " must be a duration such as 300ms or 1.5s: " + e.getMessage());
        }
    }
}
