package io.headroom.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.ByteString;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every class of bad input gets the status the OTLP specification asks for, a reason, and stores nothing wrong. */
@HeadroomIntegrationTest
class OtlpBadInputIT {

    private static final String PROTOBUF = "application/x-protobuf";

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    JdbcClient jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void unsupportedContentTypeIs415() {
        String service = TestObjects.uniqueService("ct");
        var response = post("text/plain", null, validRequest(service));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(status(response).message()).contains("Content-Type");
        assertThat(spans(service)).isZero();
    }

    @Test
    void unsupportedContentEncodingIs415() {
        String service = TestObjects.uniqueService("enc");
        var response = post(PROTOBUF, "br", validRequest(service));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(status(response).message()).contains("Content-Encoding");
        assertThat(spans(service)).isZero();
    }

    @Test
    void undecodableProtobufIs400WithGoogleRpcStatus() {
        var response = post(PROTOBUF, null, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
        RpcStatusMessage status = status(response);
        assertThat(status.code()).isEqualTo(3);
        assertThat(status.message()).contains("cannot decode OTLP protobuf traces request");
    }

    @Test
    void undecodableJsonIs400WithJsonStatus() {
        var response = post("application/json", null, "{\"resourceSpans\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).startsWith("{\"code\":3,\"message\":\"cannot decode OTLP JSON");
    }

    @Test
    void invalidGzipIs400() {
        var response = post(PROTOBUF, "gzip", validRequest("x"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(status(response).message()).contains("gzip");
    }

    @Test
    void gzipBombIs413WithoutInflatingIt() throws IOException {
        // 64 MiB of zeros compress to ~64 KiB; the limit is 16 MiB after decompression.
        var compressed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        assertThat(compressed.size()).isLessThan(1 << 20);
        var response = post(PROTOBUF, "gzip", compressed.toByteArray());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(status(response).message()).contains("decompressed request body is over the limit");
    }

    @Test
    void bodyOverTheLimitIs413() {
        var response = post(PROTOBUF, null, new byte[16 * 1024 * 1024 + 1]);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void gzipRequestsAreAccepted() throws IOException {
        String service = TestObjects.uniqueService("gz");
        var compressed = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(compressed)) {
            gzip.write(validRequest(service));
        }
        var response = post(PROTOBUF, "gzip", compressed.toByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(spans(service)).isEqualTo(1);
    }

    @Test
    void invalidSpansAreRejectedAloneAndCountedInPartialSuccess() throws Exception {
        String service = TestObjects.uniqueService("partial");
        long now = TestObjects.nowNanos();
        var request = TestObjects.traces(service,
                TestObjects.serverSpan("ok-1", now, 1_000_000),
                TestObjects.serverSpan("short-trace-id", now, 1_000_000).setTraceId(ByteString.copyFrom(new byte[8])),
                TestObjects.serverSpan("zero-span-id", now, 1_000_000).setSpanId(ByteString.copyFrom(new byte[8])),
                TestObjects.serverSpan("backwards", now, 1_000_000).setEndTimeUnixNano(now - 1),
                TestObjects.serverSpan("nul\u0000name", now, 1_000_000),
                TestObjects.serverSpan("ancient", now - 30L * 86_400_000_000_000L, 1_000_000),
                TestObjects.serverSpan("ok-2", now, 2_000_000));
        var response = post(PROTOBUF, null, request.toByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROTOBUF);
        var partial = ExportTraceServiceResponse.parseFrom(response.body()).getPartialSuccess();
        assertThat(partial.getRejectedSpans()).isEqualTo(5);
        assertThat(partial.getErrorMessage()).contains("invalid_trace_id", "invalid_span_id", "end_before_start",
                "invalid_text", "timestamp_out_of_range");
        assertThat(jdbc.sql("SELECT name FROM spans WHERE service_name = ? ORDER BY name").param(service)
                .query(String.class).list()).containsExactly("ok-1", "ok-2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT request_count FROM service_rollup_1m WHERE service_name = ?").param(service)
                        .query(Long.class).list()).as("rollups count only stored spans").containsExactly(2L));
    }

    @Test
    void jsonIdsAreHexAndStoredAsTheirBytes() {
        String service = TestObjects.uniqueService("json");
        long now = TestObjects.nowNanos();
        String json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"%s"}}]},
                  "scopeSpans":[{"scope":{"name":"manual"},"spans":[
                    {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","parentSpanId":"",
                     "name":"GET /json","kind":2,"startTimeUnixNano":"%d","endTimeUnixNano":"%d",
                     "attributes":[{"key":"http.status_code","value":{"intValue":"200"}}],"status":{"code":1}},
                    {"traceId":"not-hex","spanId":"eee19b7ec3c1b175","name":"bad","kind":2,
                     "startTimeUnixNano":"%d","endTimeUnixNano":"%d"}]}]}]}"""
                .formatted(service, now, now + 5_000_000, now, now + 1);
        var response = post("application/json", null, json.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .contains("\"rejectedSpans\":\"1\"").contains("invalid_trace_id");
        assertThat(jdbc.sql("""
                SELECT encode(trace_id, 'hex') || '/' || encode(span_id, 'hex') || '/' || (attributes->>'http.status_code')
                FROM spans WHERE service_name = ?""").param(service).query(String.class).single())
                .isEqualTo("5b8efff798038103d269b633813fc60c/eee19b7ec3c1b174/200");
    }

    @Test
    void summariesAreStoredAsQuantileSeriesAndEveryRejectionIsCounted() throws Exception {
        String service = TestObjects.uniqueService("summary");
        long now = TestObjects.nowNanos();
        var summary = io.opentelemetry.proto.metrics.v1.Metric.newBuilder().setName("rpc.latency")
                .setSummary(io.opentelemetry.proto.metrics.v1.Summary.newBuilder()
                        .addDataPoints(io.opentelemetry.proto.metrics.v1.SummaryDataPoint.newBuilder()
                                .setTimeUnixNano(now).setCount(10).setSum(2.5)
                                .addQuantileValues(io.opentelemetry.proto.metrics.v1.SummaryDataPoint.ValueAtQuantile.newBuilder()
                                        .setQuantile(0.99).setValue(0.9)))
                        .addDataPoints(io.opentelemetry.proto.metrics.v1.SummaryDataPoint.newBuilder().setCount(1)));
        var request = io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest.newBuilder()
                .addResourceMetrics(io.opentelemetry.proto.metrics.v1.ResourceMetrics.newBuilder()
                        .setResource(TestObjects.resource(service))
                        .addScopeMetrics(io.opentelemetry.proto.metrics.v1.ScopeMetrics.newBuilder().addMetrics(summary)))
                .build();
        var response = OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/metrics", PROTOBUF, null, request.toByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        var partial = io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse.parseFrom(response.body())
                .getPartialSuccess();
        assertThat(partial.getRejectedDataPoints()).as("the point without a time").isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT m.metric_name || m.labels::text || '=' || s.value FROM metric_samples s JOIN metric_series m USING (series_id)
                WHERE m.service_name = ? ORDER BY 1""").param(service).query(String.class).list())
                .containsExactly("rpc.latency_count{}=10", "rpc.latency_sum{}=2.5", "rpc.latency{\"quantile\": \"0.99\"}=0.9");

        var metrics = new String(OtlpClient.get("http://127.0.0.1:" + port + "/actuator/prometheus").body(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("headroom_ingest_records_rejected_total{reason=\"missing_time\",signal=\"metrics\"}")
                .contains("headroom_ingest_records_accepted_total{signal=\"metrics\"}")
                .contains("headroom_ingest_commit_latency_seconds_count")
                .contains("headroom_ingest_queue_records");
    }

    @Test
    void otlpIsAlsoServedUnderTheMainPort() {
        String service = TestObjects.uniqueService("main-port");
        var response = OtlpClient.post("http://127.0.0.1:" + port + "/v1/traces", PROTOBUF, null, validRequest(service));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(spans(service)).isEqualTo(1);
    }

    @Test
    void otherPathsAreNotServedOnTheOtlpPort() {
        var response = OtlpClient.get("http://127.0.0.1:" + otlpPort.port() + "/api/v1/services");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    private byte[] validRequest(String service) {
        return TestObjects.traces(service, TestObjects.serverSpan("GET /", TestObjects.nowNanos(), 1_000_000)).toByteArray();
    }

    private HttpResponse<byte[]> post(String contentType, String encoding, byte[] body) {
        return OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", contentType, encoding, body);
    }

    private long spans(String service) {
        return jdbc.sql("SELECT count(*) FROM spans WHERE service_name = ?").param(service).query(Long.class).single();
    }

    record RpcStatusMessage(int code, String message) {
    }

    /** Decodes google.rpc.Status (code = 1, message = 2) from either encoding. */
    static RpcStatusMessage status(HttpResponse<byte[]> response) {
        try {
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
                return new RpcStatusMessage(node.get("code").asInt(), node.get("message").asText());
            }
            CodedInputStream in = CodedInputStream.newInstance(response.body());
            int code = 0;
            String message = "";
            int tag;
            while ((tag = in.readTag()) != 0) {
                switch (tag >>> 3) {
                    case 1 -> code = in.readInt32();
                    case 2 -> message = in.readString();
                    default -> in.skipField(tag);
                }
            }
            return new RpcStatusMessage(code, message);
        } catch (IOException e) {
            throw new AssertionError("error body is not a google.rpc.Status: " + new String(response.body()), e);
        }
    }

}
