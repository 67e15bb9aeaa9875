package io.headroom;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.google.protobuf.ByteString;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/** Telemetry the tests share, built as OTLP protobuf messages or Jaeger Thrift structs. */
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

    /** A log record in a span: its trace and span ids, a severity number and a text body. */
    public static LogRecord.Builder logIn(Span.Builder span, long timeNanos, SeverityNumber severity, String body) {
        return LogRecord.newBuilder()
                .setTimeUnixNano(timeNanos)
                .setSeverityNumber(severity)
                .setSeverityText(severity.name().substring("SEVERITY_NUMBER_".length()))
                .setBody(AnyValue.newBuilder().setStringValue(body))
                .setTraceId(span.getTraceId())
                .setSpanId(span.getSpanId());
    }

    public static ExportLogsServiceRequest logs(String service, LogRecord.Builder... records) {
        var scope = ScopeLogs.newBuilder();
        for (LogRecord.Builder record : records) {
            scope.addLogRecords(record);
        }
        return ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(ResourceLogs.newBuilder().setResource(resource(service)).addScopeLogs(scope))
                .build();
    }

    public static long nowNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }

    /** A valid root Jaeger span with a 128-bit trace id, timed in microseconds as Jaeger's are. */
    public static io.jaegertracing.thriftjava.Span jaegerSpan(String name, long startMicros, long durationMicros) {
        var random = ThreadLocalRandom.current();
        return new io.jaegertracing.thriftjava.Span(random.nextLong() | 1, random.nextLong() | 1, random.nextLong() | 1, 0,
                name, 1, startMicros, durationMicros)
                .setTags(new ArrayList<>(List.of(new Tag("span.kind", TagType.STRING).setVStr("server"))));
    }

    /** The body a Jaeger client's HttpSender posts: one Batch in Thrift's binary protocol. */
    public static byte[] thrift(String service, io.jaegertracing.thriftjava.Span... spans) {
        try {
            return new TSerializer(new TBinaryProtocol.Factory())
                    .serialize(new Batch(new Process(service), List.of(spans)));
        } catch (TException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long nowMicros() {
        return System.currentTimeMillis() * 1000L;
    }
}
