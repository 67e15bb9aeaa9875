package io.headroom.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.DefaultAggregationSelector;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The real OpenTelemetry Java SDK exports to Headroom's OTLP port. A successful export means
 * Headroom answered 2xx, which means committed: so every assertion reads the database at once,
 * without waiting.
 */
@HeadroomIntegrationTest
class OtlpSdkIngestIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void sdkSpansAreStoredAndServiceKpisComputedFromThem() throws Exception {
        String service = TestObjects.uniqueService("checkout");
        var exporter = OtlpHttpSpanExporter.builder().setEndpoint(otlp("/v1/traces")).build();
        var provider = SdkTracerProvider.builder().setResource(resource(service))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
        Tracer tracer = provider.get("io.headroom.test");
        long now = TestObjects.nowNanos();
        // Durations 1..100 ms: the exact nearest-rank p50, p95, p99 are 50, 95, 99 ms.
        for (int i = 1; i <= 100; i++) {
            long start = now - 1_000_000_000L;
            Span server = tracer.spanBuilder("POST /checkout").setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.request.method", "POST").setAttribute("retry", i)
                    .setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan();
            Span client = tracer.spanBuilder("charge card").setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.current().with(server))
                    .setStartTimestamp(start + 100_000, TimeUnit.NANOSECONDS).startSpan();
            client.end(start + 200_000, TimeUnit.NANOSECONDS);
            if (i % 10 == 0) {
                server.setStatus(StatusCode.ERROR, "card declined");
            }
            server.addEvent("reserved stock");
            server.end(start + i * 1_000_000L, TimeUnit.NANOSECONDS);
        }
        assertSucceeded(provider.forceFlush());
        provider.close();

        assertThat(jdbc.sql("SELECT count(*) FROM spans WHERE service_name = ?").param(service).query(Long.class).single())
                .isEqualTo(200);
        Map<String, Object> stored = jdbc.sql("""
                SELECT kind, status_code, status_message, attributes->>'http.request.method' AS method,
                       (attributes->>'retry')::int AS retry, events->0->>'name' AS event, length(trace_id) AS trace_len
                FROM spans WHERE service_name = ? AND name = 'POST /checkout' AND status_code = 2 LIMIT 1""")
                .param(service).query().singleRow();
        assertThat(stored).containsEntry("kind", 2).containsEntry("status_message", "card declined")
                .containsEntry("method", "POST").containsEntry("event", "reserved stock").containsEntry("trace_len", 16);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM spans c JOIN spans p ON c.parent_span_id = p.span_id AND c.trace_id = p.trace_id
                WHERE c.service_name = ? AND c.name = 'charge card'""").param(service).query(Long.class).single())
                .as("children keep their parent").isEqualTo(100);
        assertThat(jdbc.sql("SELECT attributes->>'service.name' FROM resources WHERE service_name = ?")
                .param(service).query(String.class).single()).isEqualTo(service);

        // Rollups are applied from the journal shortly after commit.
        JsonNode summary = await().atMost(Duration.ofSeconds(10)).until(() -> serviceSummary(service),
                node -> node.get("requests").asLong() > 0);
        assertThat(summary.get("requests").asLong()).as("only the SERVER spans are requests").isEqualTo(100);
        assertThat(summary.get("errors").asLong()).isEqualTo(10);
        assertThat(summary.get("errorRate").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(summary.get("p50Ms").asDouble()).isCloseTo(50, within(0.5));
        assertThat(summary.get("p95Ms").asDouble()).isCloseTo(95, within(0.95));
        assertThat(summary.get("p99Ms").asDouble()).isCloseTo(99, within(0.99));
        assertThat(summary.get("throughput").asDouble()).isPositive();

        assertThat(jdbc.sql("""
                SELECT span_kind, sum(span_count) FROM operation_rollup_1m WHERE service_name = ?
                GROUP BY span_kind ORDER BY span_kind""").param(service)
                .query((row, i) -> row.getInt(1) + ":" + row.getLong(2)).list())
                .containsExactly("2:100", "3:100");
    }

    @Test
    void sdkLogsAreStoredWithTheirTraceContext() {
        String service = TestObjects.uniqueService("payments");
        var exporter = OtlpHttpLogRecordExporter.builder().setEndpoint(otlp("/v1/logs")).build();
        var provider = SdkLoggerProvider.builder().setResource(resource(service))
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build();
        var tracerProvider = SdkTracerProvider.builder().setResource(resource(service))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(otlp("/v1/traces")).build()).build())
                .build();
        Span span = tracerProvider.get("io.headroom.test").spanBuilder("pay").startSpan();
        try (var scope = span.makeCurrent()) {
            provider.get("io.headroom.test").logRecordBuilder()
                    .setSeverity(Severity.WARN).setSeverityText("WARN")
                    .setBody("card <b>declined</b>\tretrying")
                    .setAttribute(AttributeKey.stringKey("card.brand"), "visa")
                    .setContext(Context.current())
                    .emit();
        }
        span.end();
        assertSucceeded(provider.forceFlush());
        assertSucceeded(tracerProvider.forceFlush());
        provider.close();
        tracerProvider.close();

        Map<String, Object> log = jdbc.sql("""
                SELECT severity_number, severity_text, body, attributes->>'card.brand' AS brand, trace_id, span_id
                FROM log_records WHERE service_name = ?""").param(service).query().singleRow();
        assertThat(log).containsEntry("severity_number", 13).containsEntry("severity_text", "WARN")
                .containsEntry("body", "card <b>declined</b>\tretrying").containsEntry("brand", "visa");
        assertThat(HexFormat.of().formatHex((byte[]) log.get("trace_id"))).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(HexFormat.of().formatHex((byte[]) log.get("span_id"))).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(jdbc.sql("SELECT s.name FROM spans s JOIN log_records l USING (trace_id, span_id) WHERE l.service_name = ?")
                .param(service).query(String.class).single()).as("the trace id joins the log to its span").isEqualTo("pay");
    }

    @Test
    void sdkMetricsAreStoredAsSeriesAndSamples() {
        String service = TestObjects.uniqueService("inventory");
        var explicit = OtlpHttpMetricExporter.builder().setEndpoint(otlp("/v1/metrics")).build();
        var exponential = OtlpHttpMetricExporter.builder().setEndpoint(otlp("/v1/metrics"))
                .setDefaultAggregationSelector(DefaultAggregationSelector.getDefault()
                        .with(InstrumentType.HISTOGRAM, Aggregation.base2ExponentialBucketHistogram()))
                .build();
        // Closing the provider exports once more, so cumulative series have two equal samples.
        // Two readers, as two backends would: each exports every instrument, the histogram in its own aggregation.
        var provider = SdkMeterProvider.builder().setResource(resource(service))
                .registerMetricReader(PeriodicMetricReader.builder(explicit).setInterval(Duration.ofHours(1)).build())
                .registerMetricReader(PeriodicMetricReader.builder(exponential).setInterval(Duration.ofHours(1)).build())
                .build();
        var meter = provider.get("io.headroom.test");
        var orders = meter.counterBuilder("orders").setUnit("{order}").build();
        orders.add(3, Attributes.of(AttributeKey.stringKey("region"), "eu"));
        orders.add(4, Attributes.of(AttributeKey.stringKey("region"), "eu"));
        meter.gaugeBuilder("queue.depth").buildWithCallback(gauge -> gauge.record(12.5));
        var latency = meter.histogramBuilder("request.duration").setUnit("s").build();
        for (double value : List.of(0.002, 0.02, 0.2, 2.0)) {
            latency.record(value);
        }
        assertSucceeded(provider.forceFlush());
        provider.close();

        assertThat(value(service, "orders", "counter", "{\"region\": \"eu\"}")).isEqualTo(7.0);
        assertThat(value(service, "queue.depth", "gauge", "{}")).isEqualTo(12.5);
        assertThat(value(service, "request.duration_count", "histogram", "{}")).isEqualTo(4.0);
        assertThat(value(service, "request.duration_sum", "histogram", "{}")).isCloseTo(2.222, within(1e-9));
        assertThat(value(service, "request.duration_bucket", "histogram", "{\"le\": \"+Inf\"}")).isEqualTo(4.0);
        Map<String, Object> native_ = jdbc.sql("""
                SELECT s.value, (s.histogram->>'scale')::int AS scale, s.histogram->'positive'->'bucketCounts' AS buckets
                FROM metric_samples s JOIN metric_series m USING (series_id)
                WHERE m.service_name = ? AND m.metric_name = 'request.duration' AND m.metric_type = 'exponential_histogram'
                ORDER BY s.time DESC LIMIT 1""")
                .param(service).query().singleRow();
        assertThat(native_.get("value")).isEqualTo(4.0);
        assertThat(native_.get("buckets")).isNotNull();
    }

    private double value(String service, String metric, String type, String labels) {
        return jdbc.sql("""
                SELECT DISTINCT s.value FROM metric_samples s JOIN metric_series m USING (series_id)
                WHERE m.service_name = ? AND m.metric_name = ? AND m.metric_type = ? AND m.labels = ?::jsonb""")
                .param(service).param(metric).param(type).param(labels).query(Double.class).single();
    }

    private JsonNode serviceSummary(String service) throws Exception {
        var response = OtlpClient.get("http://127.0.0.1:" + port + "/api/v1/services?window=5m");
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode node : JSON.readTree(response.body()).get("services")) {
            if (node.get("service").asText().equals(service)) {
                return node;
            }
        }
        throw new AssertionError("service " + service + " missing from " + new String(response.body()));
    }

    private String otlp(String path) {
        return "http://127.0.0.1:" + otlpPort.port() + path;
    }

    private static Resource resource(String service) {
        return Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)));
    }

    private static void assertSucceeded(CompletableResultCode result) {
        assertThat(result.join(20, TimeUnit.SECONDS).isSuccess()).as("export acknowledged by Headroom").isTrue();
    }
}
