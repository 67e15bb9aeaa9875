package io.headroom.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@HeadroomIntegrationTest
class ServiceKpiApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void seriesBucketsRequestsPerStepWithGapsWhereThereWereNone() throws Exception {
        String service = TestObjects.uniqueService("series");
        long thisMinute = TestObjects.nowNanos() / 60_000_000_000L * 60_000_000_000L;
        long twoMinutesAgo = thisMinute - 120_000_000_000L;
        var spans = new java.util.ArrayList<Span.Builder>();
        for (int i = 1; i <= 60; i++) {
            spans.add(TestObjects.serverSpan("GET /a", twoMinutesAgo + i, i * 1_000_000L));
        }
        spans.add(TestObjects.failed(TestObjects.serverSpan("GET /a", thisMinute, 5_000_000L)));
        var response = OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray());
        assertThat(response.statusCode()).isEqualTo(200);

        long from = twoMinutesAgo / 1_000_000_000L;
        String path = "/api/v1/services/" + service + "/series?from=" + from + "&to=" + (from + 180) + "&step=60s";
        JsonNode series = await().atMost(Duration.ofSeconds(10)).until(() -> get(path),
                node -> node.get("throughput").get(2).asDouble() > 0);
        assertThat(series.get("stepSeconds").asLong()).isEqualTo(60);
        assertThat(series.get("timestamps")).extracting(JsonNode::asLong).containsExactly(from, from + 60, from + 120);
        assertThat(series.get("throughput").get(0).asDouble()).isEqualTo(1.0);
        assertThat(series.get("throughput").get(1).isNumber()).as("a minute without requests after some is 0, not a gap").isTrue();
        assertThat(series.get("throughput").get(1).asDouble()).isZero();
        assertThat(series.get("throughput").get(2).asDouble()).as("the current minute is a rate over its elapsed part")
                .isGreaterThanOrEqualTo(1 / 60.0);
        assertThat(series.get("errorRate").get(0).asDouble()).isZero();
        assertThat(series.get("errorRate").get(1).isNull()).as("no requests is a gap, not 0 %").isTrue();
        assertThat(series.get("errorRate").get(2).asDouble()).isEqualTo(1.0);
        assertThat(series.get("p99Ms").get(0).asDouble()).isCloseTo(60.0, within(0.6));
        assertThat(series.get("p50Ms").get(0).asDouble()).isCloseTo(30.0, within(0.3));
        assertThat(series.get("p99Ms").get(1).isNull()).isTrue();

        // Before its first requests and before it was first seen, the service's throughput is unknown, not 0.
        JsonNode earlier = get("/api/v1/services/" + service + "/series?from=" + (from - 120) + "&to=" + (from + 60) + "&step=60s");
        assertThat(earlier.get("throughput").get(0).isNull()).isTrue();
        assertThat(earlier.get("throughput").get(1).isNull()).isTrue();
        assertThat(earlier.get("throughput").get(2).asDouble()).isEqualTo(1.0);
    }

    @Test
    void aRateCoversOnlyThePartOfTheWindowSinceTheServiceFirstHadRequests() throws Exception {
        String service = TestObjects.uniqueService("young");
        long twoMinutesAgo = TestObjects.nowNanos() / 60_000_000_000L * 60_000_000_000L - 120_000_000_000L;
        var spans = new java.util.ArrayList<Span.Builder>();
        for (int i = 0; i < 60; i++) {
            spans.add(TestObjects.serverSpan("GET /", twoMinutesAgo + i * 1_000_000_000L, 1_000_000));
        }
        OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray());

        JsonNode summary = await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/services/" + service + "?window=5m"),
                node -> node.get("requests").asLong() == 60);
        // 60 requests over the 2–3 minutes since its first minute: 0.33–0.5 req/s, not 60 over 5–6 minutes.
        assertThat(summary.get("throughput").asDouble()).isBetween(0.33, 0.51);

        // A fixed range, as a zoomed chart or a shared link asks for it: the minute of the requests alone is 1 req/s.
        long minute = twoMinutesAgo / 1_000_000_000L;
        JsonNode fixed = get("/api/v1/services/" + service + "?from=" + (minute - 60) + "&to=" + (minute + 60));
        assertThat(fixed.get("requests").asLong()).isEqualTo(60);
        assertThat(fixed.get("throughput").asDouble()).isEqualTo(1.0);
        assertThat(get("/api/v1/services/" + service + "?from=" + (minute - 120) + "&to=" + minute).get("requests").asLong()).isZero();
        // A range that ends within a past minute covers that whole minute, as the rollups do.
        JsonNode all = get("/api/v1/services?from=" + java.time.Instant.ofEpochSecond(minute) + "&to=" + (minute + 30));
        assertThat(all.get("services").findParents("service").stream().filter(node -> node.get("service").asText().equals(service))
                .findFirst().orElseThrow().get("throughput").asDouble()).isEqualTo(1.0);
        assertThat(all.get("from").asText()).isEqualTo(java.time.Instant.ofEpochSecond(minute).toString());
    }

    @Test
    void operationsAreListedBusiestFirstWithEachSpanKindApart() throws Exception {
        String service = TestObjects.uniqueService("operations");
        long minute = TestObjects.nowNanos() / 60_000_000_000L * 60_000_000_000L - 60_000_000_000L;
        var spans = new java.util.ArrayList<Span.Builder>();
        for (int i = 0; i < 30; i++) {
            Span.Builder served = TestObjects.serverSpan("GET /cart", minute + i * 1_000_000_000L, 10_000_000L);
            spans.add(i % 10 == 0 ? TestObjects.failed(served) : served);
        }
        for (int i = 0; i < 20; i++) {
            spans.add(TestObjects.serverSpan("GET /cart", minute + i * 1_000_000_000L, 5_000_000L)
                    .setKind(Span.SpanKind.SPAN_KIND_CLIENT));
        }
        for (int i = 0; i < 10; i++) {
            spans.add(TestObjects.serverSpan("POST /checkout", minute + i * 1_000_000_000L, 50_000_000L));
        }
        OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray());

        long from = minute / 1_000_000_000L;
        JsonNode answer = await().atMost(Duration.ofSeconds(10)).until(
                () -> get("/api/v1/services/" + service + "/operations?from=" + from + "&to=" + (from + 60)),
                node -> node.get("operations").size() == 3);
        JsonNode operations = answer.get("operations");
        assertThat(operations).extracting(op -> op.get("operation").asText() + " " + op.get("kind").asText())
                .containsExactly("GET /cart server", "GET /cart client", "POST /checkout server");
        assertThat(operations).extracting(op -> op.get("spans").asLong()).containsExactly(30L, 20L, 10L);
        assertThat(operations.get(0).get("throughput").asDouble()).isEqualTo(0.5);
        assertThat(operations.get(0).get("errorRate").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(operations.get(1).get("errorRate").asDouble()).isZero();
        assertThat(operations.get(2).get("p99Ms").asDouble()).isCloseTo(50.0, within(0.5));
        assertThat(operations.get(1).get("meanMs").asDouble()).isCloseTo(5.0, within(1e-9));
        assertThat(get("/api/v1/services/" + service + "/operations?window=1h").get("operations").size()).isEqualTo(3);
        assertBadParameter("/api/v1/services/" + service + "/operations?window=1h&from=1", "window");
    }

    @Test
    void trendsGiveEveryServicesThroughputAndP99PerStep() throws Exception {
        String service = TestObjects.uniqueService("trending");
        long minute = TestObjects.nowNanos() / 60_000_000_000L * 60_000_000_000L - 120_000_000_000L;
        var spans = new java.util.ArrayList<Span.Builder>();
        for (int i = 0; i < 120; i++) {
            // Minute one: 60 requests of 10 ms; minute two: 60 of 40 ms.
            spans.add(TestObjects.serverSpan("GET /", minute + i * 1_000_000_000L, i < 60 ? 10_000_000L : 40_000_000L));
        }
        OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray());

        long from = minute / 1_000_000_000L;
        JsonNode trends = await().atMost(Duration.ofSeconds(10)).until(
                () -> get("/api/v1/trends?from=" + (from - 60) + "&to=" + (from + 180) + "&points=4"),
                node -> node.get("services").has(service) && node.get("services").get(service).get("throughput").get(2).asDouble() == 1.0);
        assertThat(trends.get("stepSeconds").asLong()).isEqualTo(60);
        assertThat(trends.get("timestamps")).extracting(JsonNode::asLong).containsExactly(from - 60, from, from + 60, from + 120);
        JsonNode trend = trends.get("services").get(service);
        assertThat(trend.get("throughput")).extracting(JsonNode::asDouble).containsExactly(0.0, 1.0, 1.0, 0.0);
        assertThat(trend.get("p99Ms").get(0).isNull()).isTrue();
        assertThat(trend.get("p99Ms").get(1).asDouble()).isCloseTo(10.0, within(0.2));
        assertThat(trend.get("p99Ms").get(2).asDouble()).isCloseTo(40.0, within(0.8));
        assertThat(get("/api/v1/trends?from=" + (from - 3600) + "&to=" + from).get("stepSeconds").asLong()).isEqualTo(120);
        assertBadParameter("/api/v1/trends?points=1", "points");
        assertBadParameter("/api/v1/trends?points=many", "points");
    }

    @Test
    void unknownServiceIs404WithJson() throws Exception {
        var response = OtlpClient.get(url("/api/v1/services/no-such-service/series"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        assertBadParameter("/api/v1/services?window=five", "window");
        assertBadParameter("/api/v1/services?window=1000d", "window");
        assertBadParameter("/api/v1/services?window=5m&from=100", "window");
        assertBadParameter("/api/v1/services?from=200&to=100", "from");
        assertBadParameter("/api/v1/services/x?from=0&to=1000000000", "from");
        assertBadParameter("/api/v1/services/x/series?from=yesterday", "from");
        assertBadParameter("/api/v1/services/x/series?from=100&to=50", "from");
        assertBadParameter("/api/v1/services/x/series?step=0s", "step");
    }

    @Test
    void tooManyPointsIs400() throws Exception {
        String service = TestObjects.uniqueService("points");
        OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, TestObjects.serverSpan("GET /", TestObjects.nowNanos(), 1)).toByteArray());
        assertBadParameter("/api/v1/services/" + service + "/series?from=0&to=2000000000&step=60", "step");
    }

    private void assertBadParameter(String path, String parameter) throws Exception {
        var response = OtlpClient.get(url(path));
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("parameter").asText()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(parameter);
        assertThat(body.get("message").asText()).isNotBlank();
    }

    private JsonNode get(String path) throws Exception {
        var response = OtlpClient.get(url(path));
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
