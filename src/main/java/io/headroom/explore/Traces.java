package io.headroom.explore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.headroom.store.LogQueries.LogLine;
import io.headroom.store.LogQueries.LogSearch;
import io.headroom.store.ResourceId;
import io.headroom.store.RetentionProperties;
import io.headroom.store.SpanQueries;
import io.headroom.store.SpanQueries.Operation;
import io.headroom.store.SpanQueries.ServiceCall;
import io.headroom.store.SpanRow;
import io.headroom.store.SpanSearch;
import io.headroom.store.StoredResource;
import org.springframework.stereotype.Service;

/**
 * Traces and what leads to them: services and operations that have spans, search, lookup by id,
 * and the calls between services. Searches find matching spans and return their whole traces.
 */
@Service
public class Traces {

    /** Calls between services are counted from raw spans, so the window is bounded until an edge rollup exists. */
    public static final Duration MAX_DEPENDENCY_WINDOW = Duration.ofHours(24);

    /** Logs of a trace are looked for this far around its spans: a log may be written just before or after them. */
    private static final Duration LOG_MARGIN = Duration.ofMinutes(5);

    private final SpanQueries queries;
    private final Logs logs;
    private final RetentionProperties retention;
    private final Clock clock;

    Traces(SpanQueries queries, Logs logs, RetentionProperties retention, Clock clock) {
        this.queries = queries;
        this.logs = logs;
        this.retention = retention;
        this.clock = clock;
    }

    /** Services with spans still kept (within the raw retention), by name. */
    public List<String> services() {
        return queries.servicesWithSpans(rawSince());
    }

    /** @param kind only operations with spans of this kind (OTLP enum number), or null for all */
    public List<Operation> operations(String service, Integer kind) {
        return queries.operations(service, rawSince(), kind);
    }

    /** Whole traces with a span that matches, the most recently matched first. */
    public List<Trace> search(SpanSearch search) {
        return traces(queries.traceIds(search));
    }

    /** {@link #search} as the rows of a result list, in the search's order. */
    public List<TraceSummary> summaries(SpanSearch search) {
        return search(search).stream().map(TraceSummary::of).toList();
    }

    /** The trace's span tree and its log records (at most {@link Logs#MAX_LIMIT}), oldest first. */
    public Optional<TraceDetail> detail(byte[] traceId) {
        return trace(traceId).map(trace -> {
            TraceTree tree = TraceTree.of(trace.spans());
            var search = new LogSearch(Instant.ofEpochSecond(0, tree.startNanos()).minus(LOG_MARGIN),
                    Instant.ofEpochSecond(0, tree.endNanos()).plus(LOG_MARGIN), null, null, null, Map.of(), trace.traceId());
            List<LogLine> records = new ArrayList<>(logs.search(search, Logs.MAX_LIMIT));
            records.sort(java.util.Comparator.comparing(LogLine::time));
            return new TraceDetail(trace, tree, TraceSummary.of(trace), List.copyOf(records));
        });
    }

    public Optional<Trace> trace(byte[] traceId) {
        return traces(List.of(traceId)).stream().findFirst();
    }

    /** The traces with these ids that have spans, in the order asked. */
    public List<Trace> traces(List<byte[]> traceIds) {
        Map<String, List<SpanRow>> byTrace = new LinkedHashMap<>();
        traceIds.forEach(id -> byTrace.put(HexFormat.of().formatHex(id), new ArrayList<>()));
        List<SpanRow> spans = queries.spans(traceIds);
        spans.forEach(span -> byTrace.get(HexFormat.of().formatHex(span.traceId())).add(span));
        Set<ResourceId> resourceIds = spans.stream().map(span -> span.origin().resourceId()).collect(Collectors.toSet());
        Map<ResourceId, StoredResource> resources = queries.resources(resourceIds).stream()
                .collect(Collectors.toMap(StoredResource::id, Function.identity()));
        List<Trace> traces = new ArrayList<>();
        byTrace.forEach((id, traceSpans) -> {
            if (!traceSpans.isEmpty()) {
                traces.add(new Trace(HexFormat.of().parseHex(id), traceSpans, resources));
            }
        });
        return traces;
    }

    /** Calls between services in the {@code lookback} before {@code end}, at most {@link #MAX_DEPENDENCY_WINDOW} of it. */
    public List<ServiceCall> dependencies(Instant end, Duration lookback) {
        Duration window = lookback.compareTo(MAX_DEPENDENCY_WINDOW) > 0 ? MAX_DEPENDENCY_WINDOW : lookback;
        return queries.serviceCalls(end.minus(window), end);
    }

    private Instant rawSince() {
        return clock.instant().minus(retention.raw());
    }
}
