package io.headroom.ingest.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import org.junit.jupiter.api.Test;

/** The translation rules of the OpenTelemetry Collector's Jaeger receiver, case by case. */
class JaegerTranslatorTest {

    private static final long START_MICROS = 1_764_000_000_000_000L;

    @Test
    void idsTimesNameAndTypedTagsBecomeOtlpFields() {
        var span = span(0x0102030405060708L, 0x1112131415161718L, 0x2122232425262728L)
                .setParentSpanId(0x3132333435363738L)
                .setTags(tags(string("span.kind", "client"), string("peer.service", "payments"),
                        new Tag("retries", TagType.LONG).setVLong(3), new Tag("ratio", TagType.DOUBLE).setVDouble(0.5),
                        new Tag("cached", TagType.BOOL).setVBool(false),
                        new Tag("digest", TagType.BINARY).setVBinary(new byte[] {1, 2, (byte) 255})));
        Span otlp = only(span);

        assertThat(HexFormat.of().formatHex(otlp.getTraceId().toByteArray())).isEqualTo("01020304050607081112131415161718");
        assertThat(HexFormat.of().formatHex(otlp.getSpanId().toByteArray())).isEqualTo("2122232425262728");
        assertThat(HexFormat.of().formatHex(otlp.getParentSpanId().toByteArray())).isEqualTo("3132333435363738");
        assertThat(otlp.getName()).isEqualTo("op");
        assertThat(otlp.getStartTimeUnixNano()).isEqualTo(START_MICROS * 1000);
        assertThat(otlp.getEndTimeUnixNano() - otlp.getStartTimeUnixNano()).isEqualTo(2_500_000);
        assertThat(otlp.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(attributes(otlp.getAttributesList())).containsExactly(
                Map.entry("peer.service", AnyValue.newBuilder().setStringValue("payments").build()),
                Map.entry("retries", AnyValue.newBuilder().setIntValue(3).build()),
                Map.entry("ratio", AnyValue.newBuilder().setDoubleValue(0.5).build()),
                Map.entry("cached", AnyValue.newBuilder().setBoolValue(false).build()),
                Map.entry("digest", AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2, (byte) 255})).build()));
        assertThat(otlp.hasStatus()).isFalse();
    }

    @Test
    void processBecomesTheResource() {
        var batch = new Batch(new Process("billing").setTags(tags(string("hostname", "host-1"),
                string("jaeger.version", "Java-1.8.1"), string("ip", "10.0.0.7"))), List.of(span(0, 1, 2)));
        var resource = JaegerTranslator.toOtlp(batch).getResourceSpans(0).getResource();
        assertThat(attributes(resource.getAttributesList())).containsOnly(
                Map.entry("service.name", stringValue("billing")), Map.entry("host.name", stringValue("host-1")),
                Map.entry("opencensus.exporterversion", stringValue("Jaeger-Java-1.8.1")), Map.entry("ip", stringValue("10.0.0.7")));
    }

    @Test
    void parentComesFromAReferenceWhenTheFieldIsEmptyAndOtherReferencesBecomeLinks() {
        var childOf = span(0, 1, 10).setReferences(List.of(
                new SpanRef(SpanRefType.FOLLOWS_FROM, 1, 0, 7), new SpanRef(SpanRefType.CHILD_OF, 1, 0, 8),
                new SpanRef(SpanRefType.CHILD_OF, 99, 0, 9)));
        Span otlp = only(childOf);
        assertThat(otlp.getParentSpanId()).isEqualTo(id(8));
        assertThat(otlp.getLinksList()).extracting(link -> link.getSpanId(), link -> refType(link))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id(7), "follows_from"),
                        org.assertj.core.groups.Tuple.tuple(id(9), "child_of"));
        assertThat(otlp.getLinks(1).getTraceId()).as("another trace's span is a link, never the parent")
                .isEqualTo(ByteString.copyFrom(HexFormat.of().parseHex("00000000000000000000000000000063")));

        Span followsFrom = only(span(0, 1, 10).setReferences(List.of(new SpanRef(SpanRefType.FOLLOWS_FROM, 1, 0, 7))));
        assertThat(followsFrom.getParentSpanId()).as("FOLLOWS_FROM is the parent when there is no CHILD_OF").isEqualTo(id(7));
        assertThat(followsFrom.getLinksList()).extracting(this::refType).containsExactly("follows_from");

        assertThat(only(span(0, 1, 10)).getParentSpanId()).isEmpty();
    }

    @Test
    void errorTagAndOtelStatusTagsBecomeTheStatus() {
        Span failed = only(span(0, 1, 2).setTags(tags(new Tag("error", TagType.BOOL).setVBool(true),
                string("otel.status_code", "OK"), string("otel.status_description", "card declined"), string("a", "b"))));
        assertThat(failed.getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
        assertThat(failed.getStatus().getMessage()).isEqualTo("card declined");
        assertThat(attributes(failed.getAttributesList())).as("status tags are taken out").containsOnlyKeys("a");

        Span ok = only(span(0, 1, 2).setTags(tags(new Tag("error", TagType.BOOL).setVBool(false), string("otel.status_code", "ok"))));
        assertThat(ok.getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_OK);
        assertThat(attributes(ok.getAttributesList())).containsOnlyKeys("error");

        Span plain = only(span(0, 1, 2).setTags(tags(new Tag("error", TagType.STRING).setVStr("true"))));
        assertThat(plain.hasStatus()).as("only a boolean error tag sets the status").isFalse();
    }

    @Test
    void failedHttpStatusIsAnErrorUnlessAServerAnswered4xx() {
        assertThat(httpStatus("server", new Tag("http.status_code", TagType.LONG).setVLong(503))).isEqualTo(StatusCode.STATUS_CODE_ERROR);
        assertThat(httpStatus("server", new Tag("http.status_code", TagType.LONG).setVLong(404))).isEqualTo(StatusCode.STATUS_CODE_UNSET);
        assertThat(httpStatus("client", string("http.status_code", "404"))).isEqualTo(StatusCode.STATUS_CODE_ERROR);
        assertThat(httpStatus("client", new Tag("http.status_code", TagType.LONG).setVLong(200))).isEqualTo(StatusCode.STATUS_CODE_UNSET);
    }

    @Test
    void logsBecomeEventsNamedByTheirEventField() {
        Span otlp = only(span(0, 1, 2).setLogs(List.of(
                new Log(START_MICROS + 5, tags(string("event", "retry"), new Tag("attempt", TagType.LONG).setVLong(2))),
                new Log(START_MICROS + 6, tags(string("message", "no event field"))))));
        assertThat(otlp.getEventsList()).extracting(Span.Event::getName).containsExactly("retry", "log");
        assertThat(otlp.getEvents(0).getTimeUnixNano()).isEqualTo((START_MICROS + 5) * 1000);
        assertThat(attributes(otlp.getEvents(0).getAttributesList())).containsOnlyKeys("attempt");
        assertThat(attributes(otlp.getEvents(1).getAttributesList())).containsOnlyKeys("message");
    }

    private StatusCode httpStatus(String kind, Tag status) {
        return only(span(0, 1, 2).setTags(tags(string("span.kind", kind), status))).getStatus().getCode();
    }

    private String refType(Span.Link link) {
        return link.getAttributes(0).getValue().getStringValue();
    }

    private static io.jaegertracing.thriftjava.Span span(long traceIdHigh, long traceIdLow, long spanId) {
        return new io.jaegertracing.thriftjava.Span(traceIdLow, traceIdHigh, spanId, 0, "op", 1, START_MICROS, 2_500);
    }

    private static Span only(io.jaegertracing.thriftjava.Span span) {
        var request = JaegerTranslator.toOtlp(new Batch(new Process("svc"), List.of(span)));
        return request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    }

    private static List<Tag> tags(Tag... tags) {
        return new ArrayList<>(List.of(tags));
    }

    private static Tag string(String key, String value) {
        return new Tag(key, TagType.STRING).setVStr(value);
    }

    private static AnyValue stringValue(String text) {
        return AnyValue.newBuilder().setStringValue(text).build();
    }

    private static ByteString id(long spanId) {
        return ByteString.copyFrom(java.nio.ByteBuffer.allocate(8).putLong(spanId).array());
    }

    private static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
        var map = new LinkedHashMap<String, AnyValue>();
        keyValues.forEach(keyValue -> map.put(keyValue.getKey(), keyValue.getValue()));
        return map;
    }
}
