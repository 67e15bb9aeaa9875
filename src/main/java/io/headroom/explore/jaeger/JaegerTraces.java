package io.headroom.explore.jaeger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.explore.Trace;
import io.headroom.explore.jaeger.JaegerModel.KeyValue;
import io.headroom.explore.jaeger.JaegerModel.Log;
import io.headroom.explore.jaeger.JaegerModel.Process;
import io.headroom.explore.jaeger.JaegerModel.Reference;
import io.headroom.explore.jaeger.JaegerModel.Span;
import io.headroom.store.ResourceId;
import io.headroom.store.SpanRow;
import io.headroom.store.StoredResource;

/**
 * Stored traces in Jaeger's JSON, by the OpenTelemetry Collector's OTLP-to-Jaeger rules, the
 * inverse of how Jaeger spans are translated on the way in: the parent is a CHILD_OF reference and
 * links are references too (CHILD_OF when their {@code opentracing.ref_type} says so, else
 * FOLLOWS_FROM; a link to the parent gives the parent's reference its type); events are logs with
 * their name in an {@code event} field; kind, status, scope and trace state are tags; the resource
 * is the process, its attributes other than service.name the process tags.
 */
final class JaegerTraces {

    private static final String REF_TYPE = "opentracing.ref_type";

    private JaegerTraces() {
    }

    static JaegerModel.Trace toJaeger(Trace trace) {
        String traceId = JaegerIds.traceId(trace.traceId());
        Map<ResourceId, String> processIds = new LinkedHashMap<>();
        Map<String, Process> processes = new LinkedHashMap<>();
        List<Span> spans = new ArrayList<>(trace.spans().size());
        for (SpanRow row : trace.spans()) {
            String processId = processIds.computeIfAbsent(row.origin().resourceId(), id -> {
                String key = "p" + (processes.size() + 1);
                processes.put(key, process(row.origin().serviceName(), trace.resources().get(id)));
                return key;
            });
            spans.add(new Span(traceId, JaegerIds.spanId(row.spanId()), row.name(), references(row, traceId),
                    row.startEpochNanos() / 1000, row.durationNanos() / 1000, tags(row), logs(row.eventsJson()),
                    processId, null));
        }
        return new JaegerModel.Trace(traceId, spans, processes);
    }

    private static Process process(String serviceName, StoredResource resource) {
        if (resource == null) {
            return new Process(serviceName, List.of());
        }
        return new Process(resource.serviceName(), JaegerTags.of(JaegerTags.parse(resource.attributesJson()), "service.name"));
    }

    private static List<Reference> references(SpanRow row, String traceId) {
        List<Reference> references = new ArrayList<>();
        String parent = row.parentSpanId() == null ? null : JaegerIds.spanId(row.parentSpanId());
        if (parent != null) {
            references.add(new Reference(Reference.CHILD_OF, traceId, parent));
        }
        for (JsonNode link : JaegerTags.parse(row.linksJson())) {
            String linkTrace = link.path("traceId").asText();
            String linkSpan = link.path("spanId").asText();
            if (!isHex(linkTrace, 32) || !isHex(linkSpan, 16)) {
                continue; // ingest stores a link's ids as sent; Jaeger has no form for other lengths
            }
            String type = "child_of".equals(link.path("attributes").path(REF_TYPE).asText())
                    ? Reference.CHILD_OF : Reference.FOLLOWS_FROM;
            String jaegerTrace = JaegerIds.traceId(HexFormat.of().parseHex(linkTrace));
            if (parent != null && jaegerTrace.equals(traceId) && linkSpan.equals(parent)) {
                references.set(0, new Reference(type, traceId, parent));
            } else {
                references.add(new Reference(type, jaegerTrace, linkSpan));
            }
        }
        return references;
    }

    private static boolean isHex(String text, int length) {
        return text.length() == length && text.chars().allMatch(HexFormat::isHexDigit);
    }

    private static List<KeyValue> tags(SpanRow row) {
        List<KeyValue> tags = new ArrayList<>();
        if (row.origin().scopeName() != null) {
            tags.add(JaegerTags.string(JaegerFields.SCOPE_NAME, row.origin().scopeName()));
        }
        if (row.origin().scopeVersion() != null) {
            tags.add(JaegerTags.string(JaegerFields.SCOPE_VERSION, row.origin().scopeVersion()));
        }
        tags.addAll(JaegerTags.of(JaegerTags.parse(row.attributesJson()), null));
        if (!JaegerFields.kindName(row.kind()).isEmpty()) {
            tags.add(JaegerTags.string(JaegerFields.SPAN_KIND, JaegerFields.kindName(row.kind())));
        }
        if (row.status().code() == JaegerFields.STATUS_ERROR) {
            tags.add(JaegerTags.string(JaegerFields.STATUS_CODE, "ERROR"));
            tags.add(new KeyValue(JaegerFields.ERROR, "bool", true));
        } else if (row.status().code() == JaegerFields.STATUS_OK) {
            tags.add(JaegerTags.string(JaegerFields.STATUS_CODE, "OK"));
        }
        if (row.status().message() != null) {
            tags.add(JaegerTags.string(JaegerFields.STATUS_DESCRIPTION, row.status().message()));
        }
        if (row.traceState() != null) {
            tags.add(JaegerTags.string(JaegerFields.TRACE_STATE, row.traceState()));
        }
        return tags;
    }

    private static List<Log> logs(String eventsJson) {
        List<Log> logs = new ArrayList<>();
        for (JsonNode event : JaegerTags.parse(eventsJson)) {
            JsonNode attributes = event.path("attributes");
            List<KeyValue> fields = new ArrayList<>();
            String name = event.path("name").asText();
            if (!name.isEmpty() && !attributes.has("event")) {
                fields.add(JaegerTags.string("event", name));
            }
            fields.addAll(JaegerTags.of(attributes, null));
            logs.add(new Log(event.path("timeUnixNano").asLong() / 1000, fields));
        }
        return logs;
    }
}
