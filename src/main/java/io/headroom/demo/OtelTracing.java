package io.headroom.demo;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/**
 * An instance instrumented with the OpenTelemetry SDK, as the OTel HTTP instrumentation does
 * it: SERVER and CLIENT spans, log records tied to them, and the semantic-convention metrics
 * {@code http.server.request.duration} and {@code http.server.active_requests}, all exported
 * over OTLP/HTTP through the fleet's shared {@link OtelExport}, under this instance's own resource.
 */
final class OtelTracing implements DemoTracing {

    private static final String SCOPE = "io.headroom.demo";
    private static final W3CTraceContextPropagator PROPAGATOR = W3CTraceContextPropagator.getInstance();
    /** Header names are in lower case, as W3C propagation asks for them. */
    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> headers) {
            return headers.keySet();
        }

        @Override
        public String get(Map<String, String> headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    };
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final SdkTracerProvider tracing;
    private final SdkLoggerProvider logging;
    private final SdkMeterProvider metering;
    private final Tracer tracer;
    private final Logger logger;
    private final DoubleHistogram duration;
    private final LongUpDownCounter active;

    OtelTracing(Resource resource, OtelExport export) {
        tracing = SdkTracerProvider.builder().setResource(resource).addSpanProcessor(export.spanProcessor()).build();
        logging = SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(export.logProcessor()).build();
        metering = SdkMeterProvider.builder().setResource(resource)
                // The semantic conventions' advised buckets for request durations, in seconds.
                .registerView(InstrumentSelector.builder().setName("http.server.request.duration").build(),
                        View.builder().setAggregation(Aggregation.explicitBucketHistogram(java.util.List.of(
                                0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0))).build())
                .registerMetricReader(PeriodicMetricReader.builder(export.metricExporter()).setInterval(export.metricInterval()).build())
                .build();
        tracer = tracing.get(SCOPE);
        logger = logging.get(SCOPE);
        duration = metering.get(SCOPE).histogramBuilder("http.server.request.duration").setUnit("s")
                .setDescription("Duration of HTTP server requests.").build();
        active = metering.get(SCOPE).upDownCounterBuilder("http.server.active_requests").setUnit("{request}")
                .setDescription("Number of active HTTP server requests.").build();
    }

    @Override
    public DemoSpan serverSpan(String method, String path, Map<String, String> requestHeaders, DemoServer.Arrival arrival) {
        Context parent = PROPAGATOR.extract(Context.root(), requestHeaders, HEADERS);
        Span span = tracer.spanBuilder(method + " " + path).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setStartTimestamp(arrival.epochNanos(), TimeUnit.NANOSECONDS).setAttribute(METHOD, method).setAttribute("url.path", path).setAttribute(ROUTE, path).startSpan();
        Attributes request = Attributes.of(METHOD, method, ROUTE, path);
        active.add(1, request);
        return new OtelSpan(span, request, arrival.nanoTime());
    }

    @Override
    public DemoSpan clientSpan(DemoSpan parent, String downstream, Map<String, String> headers) {
        Span span = tracer.spanBuilder("GET " + downstream).setParent(Context.root().with(((OtelSpan) parent).span))
                .setSpanKind(SpanKind.CLIENT).setAttribute("peer.service", downstream).setAttribute(METHOD, "GET").startSpan();
        PROPAGATOR.inject(Context.root().with(span), headers, Map::put);
        return new OtelSpan(span, null, 0);
    }

    @Override
    public void close() {
        tracing.close();
        logging.close();
        metering.close();
    }

    /** {@code request} is null for a CLIENT span, which records no server metrics. */
    private final class OtelSpan implements DemoSpan {

        private final Span span;
        private final Attributes request;
        private final long startNanos;
        private long status;

        OtelSpan(Span span, Attributes request, long startNanos) {
            this.span = span;
            this.request = request;
            this.startNanos = startNanos;
        }

        @Override
        public void attribute(String key, String value) {
            span.setAttribute(key, value);
        }

        @Override
        public void httpStatus(int status) {
            this.status = status;
            span.setAttribute(STATUS, (long) status);
        }

        @Override
        public void fail(String reason) {
            span.setStatus(StatusCode.ERROR, reason);
        }

        @Override
        public void log(LogLevel level, String message) {
            logger.logRecordBuilder().setContext(Context.root().with(span))
                    .setSeverity(switch (level) {
                        case INFO -> Severity.INFO;
                        case WARN -> Severity.WARN;
                        case ERROR -> Severity.ERROR;
                    })
                    .setSeverityText(level.name()).setBody(message).emit();
        }

        @Override
        public void end() {
            span.end();
            if (request != null) {
                active.add(-1, request);
                duration.record((System.nanoTime() - startNanos) / 1e9, request.toBuilder().put(STATUS, status).build());
            }
        }
    }
}
