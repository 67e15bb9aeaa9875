package io.headroom;

import java.util.concurrent.ThreadLocalRandom;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** Telemetry the tests share, built as OTLP protobuf messages. */
public final class TestObjects {

    private TestObjects() {
    }

    /** A service name no other test uses, so tests sharing one Headroom do not see each other's data. */
    public static String uniqueService(String prefix) {
        return prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
    }

    public static ByteString randomId(int bytes) {
        byte[] id = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 1;
        return ByteString.copyFrom(id);
    }

    public static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    public static Resource resource(String service) {
        return Resource.newBuilder().addAttributes(attribute("service.name", service)).build();
    }

    /** A valid root SERVER span. */
    public static Span.Builder serverSpan(String name, long startNanos, long durationNanos) {
        return Span.newBuilder()
                .setTraceId(randomId(16))
                .setSpanId(randomId(8))
                .setName(name)
                .setKind(Span.SpanKind.SPAN_KIND_SERVER)
                .setStartTimeUnixNano(startNanos)
                .setEndTimeUnixNano(startNanos + durationNanos)
                .addAttributes(attribute("http.route", "/" + name));
    }

    public static Span.Builder failed(Span.Builder span) {
        return span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"));
    }

    public static ExportTraceServiceRequest traces(String service, Span.Builder... spans) {
        var scope = ScopeSpans.newBuilder();
        for (Span.Builder span : spans) {
            scope.addSpans(span);
        }
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().setResource(resource(service)).addScopeSpans(scope))
                .build();
    }

    public static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }
}
