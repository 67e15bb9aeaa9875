package io.headroom.ingest.jaeger;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/**
 * Translates a Jaeger Thrift batch into an OTLP request the way the OpenTelemetry Collector's
 * Jaeger receiver does ({@code pkg/translator/jaeger/jaegerthrift_to_traces.go} in
 * opentelemetry-collector-contrib), so Jaeger spans are validated and stored by the same code
 * as OTLP ones. Nothing is checked here: invalid ids or times pass through and are rejected,
 * one span at a time, by the OTLP validation.
 */
final class JaegerTranslator {

    private JaegerTranslator() {
    }

    static ExportTraceServiceRequest toOtlp(Batch batch) {
        var scope = ScopeSpans.newBuilder();
        for (io.jaegertracing.thriftjava.Span span : batch.getSpans()) {
            scope.addSpans(span(span));
        }
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().setResource(resource(batch.getProcess())).addScopeSpans(scope))
                .build();
    }

    private static Resource resource(Process process) {
        var attributes = new LinkedHashMap<String, AnyValue>();
        if (!process.getServiceName().isEmpty()) {
            attributes.put("service.name", JaegerTags.string(process.getServiceName()));
        }
        JaegerTags.putAll(attributes, process.getTags());
        // Jaeger clients' own names for what OpenTelemetry calls host.name and the exporter version.
        if (attributes.containsKey("hostname") && !attributes.containsKey("host.name")) {
            attributes.put("host.name", attributes.remove("hostname"));
        }
        AnyValue version = attributes.get("jaeger.version");
        if (version != null && !attributes.containsKey("opencensus.exporterversion")) {
            attributes.remove("jaeger.version");
            attributes.put("opencensus.exporterversion", JaegerTags.string("Jaeger-" + JaegerTags.text(version)));
        }
        return Resource.newBuilder().addAllAttributes(JaegerTags.keyValues(attributes)).build();
    }

    private static Span span(io.jaegertracing.thriftjava.Span span) {
        long parent = parentSpanId(span);
        Map<String, AnyValue> attributes = JaegerTags.attributes(span.getTags());
        Span.SpanKind kind = JaegerStatus.kind(attributes);
        var otlp = Span.newBuilder()
                .setTraceId(traceId(span.getTraceIdHigh(), span.getTraceIdLow()))
                .setSpanId(spanId(span.getSpanId()))
                .setName(span.getOperationName())
                .setKind(kind)
                // Microseconds to nanoseconds wrap like the collector's uint64 arithmetic; times
                // outside the retention window are then rejected by the validation.
                .setStartTimeUnixNano(span.getStartTime() * 1000)
                .setEndTimeUnixNano((span.getStartTime() + span.getDuration()) * 1000);
        if (parent != 0) {
            otlp.setParentSpanId(spanId(parent));
        }
        Status status = JaegerStatus.status(attributes, kind);
        if (status != null) {
            otlp.setStatus(status);
        }
        otlp.addAllAttributes(JaegerTags.keyValues(attributes));
        if (span.getLogs() != null) {
            span.getLogs().forEach(log -> otlp.addEvents(event(log)));
        }
        for (SpanRef reference : references(span)) {
            if (reference.getRefType() != SpanRefType.CHILD_OF || reference.getSpanId() != parent) {
                otlp.addLinks(link(reference));
            }
        }
        return otlp.build();
    }

    private static Span.Link link(SpanRef reference) {
        String type = reference.getRefType() == SpanRefType.CHILD_OF ? "child_of" : "follows_from";
        return Span.Link.newBuilder()
                .setTraceId(traceId(reference.getTraceIdHigh(), reference.getTraceIdLow()))
                .setSpanId(spanId(reference.getSpanId()))
                .addAttributes(KeyValue.newBuilder().setKey("opentracing.ref_type").setValue(JaegerTags.string(type)))
                .build();
    }

    /**
     * The parent field, else a reference within the same trace, CHILD_OF before FOLLOWS_FROM, as
     * Jaeger's own model does ({@code Span.ParentSpanID}). A span a client reports with only a
     * reference keeps its parent, so it is not counted as a request of its own.
     */
    private static long parentSpanId(io.jaegertracing.thriftjava.Span span) {
        if (span.getParentSpanId() != 0) {
            return span.getParentSpanId();
        }
        long followsFrom = 0;
        for (SpanRef reference : references(span)) {
            if (reference.getTraceIdHigh() != span.getTraceIdHigh() || reference.getTraceIdLow() != span.getTraceIdLow()) {
                continue;
            }
            if (reference.getRefType() == SpanRefType.CHILD_OF) {
                return reference.getSpanId();
            }
            if (followsFrom == 0) {
                followsFrom = reference.getSpanId();
            }
        }
        return followsFrom;
    }

    private static Span.Event event(Log log) {
        Map<String, AnyValue> fields = JaegerTags.attributes(log.getFields());
        String name = "log";
        AnyValue event = fields.get("event");
        if (event != null && event.hasStringValue()) {
            name = event.getStringValue();
            fields.remove("event");
        }
        return Span.Event.newBuilder().setTimeUnixNano(log.getTimestamp() * 1000).setName(name)
                .addAllAttributes(JaegerTags.keyValues(fields)).build();
    }

    private static List<SpanRef> references(io.jaegertracing.thriftjava.Span span) {
        return span.getReferences() == null ? List.of() : span.getReferences();
    }

    private static ByteString traceId(long high, long low) {
        return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
    }

    private static ByteString spanId(long id) {
        return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
    }
}
