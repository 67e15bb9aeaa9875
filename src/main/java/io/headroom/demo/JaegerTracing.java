package io.headroom.demo;

import java.util.Locale;
import java.util.Map;

import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.propagation.TraceContextCodec;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import org.apache.thrift.transport.TTransportException;

/**
 * An instance instrumented with the Jaeger client (OpenTracing API), reporting spans as Thrift
 * over HTTP to a Jaeger collector endpoint. It follows OpenTracing's conventions
 * ({@code http.method}, {@code http.status_code}, {@code error=true}, logs inside spans), not
 * OpenTelemetry's, as such a service really would; W3C propagation keeps it in the same traces.
 */
final class JaegerTracing implements DemoTracing {

    private final JaegerTracer tracer;

    JaegerTracing(String service, String instanceId, String collectorEndpoint) {
        HttpSender sender;
        try {
            sender = new HttpSender.Builder(collectorEndpoint).build();
        } catch (TTransportException e) {
            throw new IllegalStateException("cannot report to the Jaeger endpoint " + collectorEndpoint, e);
        }
        TraceContextCodec w3c = new TraceContextCodec.Builder().build();
        tracer = new JaegerTracer.Builder(service)
                .withSampler(new ConstSampler(true))
                .withReporter(new RemoteReporter.Builder().withSender(sender).withFlushInterval(1_000).withMaxQueueSize(1_000).build())
                .withTag("service.instance.id", instanceId)
                .withTag("deployment.environment", "demo")
                .withTraceId128Bit()
                .withManualShutdown()
                .registerInjector(Format.Builtin.HTTP_HEADERS, w3c)
                .registerExtractor(Format.Builtin.HTTP_HEADERS, w3c)
                .build();
    }

    @Override
    public DemoSpan serverSpan(String method, String path, Map<String, String> requestHeaders, DemoServer.Arrival arrival) {
        JaegerSpanContext parent = tracer.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(requestHeaders));
        return new JaegerDemoSpan(tracer.buildSpan(method + " " + path).asChildOf(parent)
                .withStartTimestamp(arrival.epochNanos() / 1_000)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_SERVER)
                .withTag(Tags.HTTP_METHOD.getKey(), method)
                .withTag(Tags.HTTP_URL.getKey(), path)
                .start());
    }

    @Override
    public DemoSpan clientSpan(DemoSpan parent, String downstream, Map<String, String> headers) {
        JaegerSpan span = tracer.buildSpan("GET " + downstream).asChildOf(((JaegerDemoSpan) parent).span)
                .withTag(Tags.SPAN_KIND.getKey(), Tags.SPAN_KIND_CLIENT)
                .withTag(Tags.PEER_SERVICE.getKey(), downstream)
                .start();
        tracer.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
        return new JaegerDemoSpan(span);
    }

    @Override
    public void close() {
        tracer.close();
    }

    private record JaegerDemoSpan(JaegerSpan span) implements DemoSpan {

        @Override
        public void attribute(String key, String value) {
            span.setTag(key, value);
        }

        @Override
        public void httpStatus(int status) {
            Tags.HTTP_STATUS.set(span, status);
        }

        @Override
        public void fail(String reason) {
            Tags.ERROR.set(span, true);
            span.log(Map.of("event", "error", "message", reason));
        }

        @Override
        public void log(LogLevel level, String message) {
            span.log(Map.of("event", level.name().toLowerCase(Locale.ROOT), "level", level.name(), "message", message));
        }

        @Override
        public void end() {
            span.finish();
        }
    }
}
