package io.headroom.explore;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import io.headroom.store.SpanRow;

/**
 * What a trace search lists for one trace.
 *
 * @param rootService the service of the root span (the earliest span without a parent; the
 *     earliest span at all when the root never arrived)
 * @param errors spans whose status is an error
 * @param services every service with a span in the trace, by name
 */
public record TraceSummary(String traceId, Instant start, double durationMs, String rootService, String rootOperation, int spans,
        int errors, List<String> services) {

    public static TraceSummary of(Trace trace) {
        List<SpanRow> spans = trace.spans();
        SpanRow root = spans.stream().filter(SpanRow::isRoot).findFirst().orElse(spans.get(0));
        long start = spans.stream().mapToLong(SpanRow::startEpochNanos).min().orElseThrow();
        long end = spans.stream().mapToLong(span -> span.startEpochNanos() + span.durationNanos()).max().orElseThrow();
        return new TraceSummary(HexFormat.of().formatHex(trace.traceId()), Instant.ofEpochSecond(0, start), (end - start) / 1e6,
                root.origin().serviceName(), root.name(), spans.size(), (int) spans.stream().filter(span -> span.status().isError()).count(),
                spans.stream().map(span -> span.origin().serviceName()).distinct().sorted().toList());
    }
}
