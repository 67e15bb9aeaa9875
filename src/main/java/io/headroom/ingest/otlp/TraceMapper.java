package io.headroom.ingest.otlp;

import java.util.HexFormat;
import java.util.List;

import com.google.protobuf.ByteString;
import io.headroom.ingest.JsonText;
import io.headroom.ingest.http.Rejections;
import io.headroom.store.InvalidTelemetryException;
import io.headroom.store.Origin;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.ResourceId;
import io.headroom.store.ResourceRegistry;
import io.headroom.store.SpanRow;
import io.headroom.store.TelemetryBatch;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.springframework.stereotype.Component;

/**
 * Validates OTLP spans and turns the valid ones into stored rows; invalid ones are counted, not
 * fatal. The one trace path: protocols that are not OTLP (Jaeger) translate into OTLP and come here.
 */
@Component
public final class TraceMapper {

    private final Origins origins;
    private final PartitionMaintenance partitions;

    TraceMapper(ResourceRegistry resources, PartitionMaintenance partitions) {
        this.origins = new Origins(resources);
        this.partitions = partitions;
    }

    public TelemetryBatch map(ExportTraceServiceRequest request, Rejections rejections) {
        int expected = 0;
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                expected += scopeSpans.getSpansCount();
            }
        }
        TelemetryBatch.Builder batch = TelemetryBatch.builder(expected);
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            ResourceId resourceId;
            try {
                resourceId = origins.resource(resourceSpans.getResource());
            } catch (InvalidTelemetryException e) {
                int spans = resourceSpans.getScopeSpansList().stream().mapToInt(ScopeSpans::getSpansCount).sum();
                rejections.reject("invalid_resource", e.getMessage(), spans);
                continue;
            }
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                Origin origin = Origins.origin(resourceSpans.getResource(), resourceId, scopeSpans.getScope());
                for (Span span : scopeSpans.getSpansList()) {
                    add(batch, origin, span, rejections);
                }
            }
        }
        return batch.build();
    }

    private void add(TelemetryBatch.Builder batch, Origin origin, Span span, Rejections rejections) {
        String problem = problem(span);
        if (problem != null) {
            rejections.reject(problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':') + 2));
            return;
        }
        try {
            batch.addSpan(new SpanRow(
                    origin,
                    span.getTraceId().toByteArray(),
                    span.getSpanId().toByteArray(),
                    isRoot(span.getParentSpanId()) ? null : span.getParentSpanId().toByteArray(),
                    span.getName(),
                    span.getKindValue(),
                    span.getStartTimeUnixNano(),
                    span.getEndTimeUnixNano() - span.getStartTimeUnixNano(),
                    new SpanRow.SpanStatus(span.getStatus().getCodeValue(), Origins.emptyToNull(span.getStatus().getMessage())),
                    Origins.emptyToNull(span.getTraceState()),
                    AttributeJson.object(span.getAttributesList()),
                    events(span.getEventsList()),
                    links(span.getLinksList())));
        } catch (InvalidTelemetryException e) {
            rejections.reject("invalid_text", e.getMessage() + " in span " + hex(span.getSpanId()));
        }
    }

    /** @return "reason: detail", or null when the span can be stored */
    private String problem(Span span) {
        if (!validId(span.getTraceId(), 16)) {
            return "invalid_trace_id: trace id must be 16 bytes and not all zero, was " + hex(span.getTraceId());
        }
        if (!validId(span.getSpanId(), 8)) {
            return "invalid_span_id: span id must be 8 bytes and not all zero, was " + hex(span.getSpanId());
        }
        if (!span.getParentSpanId().isEmpty() && span.getParentSpanId().size() != 8) {
            return "invalid_parent_span_id: parent span id must be empty or 8 bytes, was " + hex(span.getParentSpanId());
        }
        if (span.getStartTimeUnixNano() <= 0) {
            return "missing_start_time: span " + hex(span.getSpanId()) + " has no start time";
        }
        if (span.getEndTimeUnixNano() < span.getStartTimeUnixNano()) {
            return "end_before_start: span " + hex(span.getSpanId()) + " ends before it starts";
        }
        if (span.getKindValue() < 0 || span.getKindValue() > 5) {
            return "invalid_kind: span " + hex(span.getSpanId()) + " has kind " + span.getKindValue();
        }
        if (span.getStatus().getCodeValue() < 0 || span.getStatus().getCodeValue() > 2) {
            return "invalid_status: span " + hex(span.getSpanId()) + " has status code " + span.getStatus().getCodeValue();
        }
        if (!partitions.accepts(span.getStartTimeUnixNano())) {
            return "timestamp_out_of_range: span " + hex(span.getSpanId())
                    + " starts outside the retention window or more than a day ahead";
        }
        return null;
    }

    static boolean validId(ByteString id, int length) {
        if (id.size() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.byteAt(i) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot(ByteString parentSpanId) {
        return parentSpanId.isEmpty() || !validId(parentSpanId, 8);
    }

    static String hex(ByteString bytes) {
        return bytes.isEmpty() ? "(empty)" : HexFormat.of().formatHex(bytes.toByteArray());
    }

    private static String events(List<Span.Event> events) {
        if (events.isEmpty()) {
            return null;
        }
        var json = new StringBuilder("[");
        for (int i = 0; i < events.size(); i++) {
            Span.Event event = events.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"timeUnixNano\":").append(Long.toUnsignedString(event.getTimeUnixNano())).append(",\"name\":");
            JsonText.writeString(json, event.getName());
            json.append(",\"attributes\":");
            AttributeJson.writeObject(json, event.getAttributesList());
            json.append('}');
        }
        return json.append(']').toString();
    }

    private static String links(List<Span.Link> links) {
        if (links.isEmpty()) {
            return null;
        }
        var json = new StringBuilder("[");
        for (int i = 0; i < links.size(); i++) {
            Span.Link link = links.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"traceId\":\"").append(HexFormat.of().formatHex(link.getTraceId().toByteArray()))
                    .append("\",\"spanId\":\"").append(HexFormat.of().formatHex(link.getSpanId().toByteArray()))
                    .append("\",\"traceState\":");
            JsonText.writeString(json, link.getTraceState());
            json.append(",\"attributes\":");
            AttributeJson.writeObject(json, link.getAttributesList());
            json.append('}');
        }
        return json.append(']').toString();
    }
}
