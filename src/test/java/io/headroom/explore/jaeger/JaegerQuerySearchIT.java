package io.headroom.explore.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Trace search over spans sent as OTLP: every filter of {@code GET /api/traces}, the window, the
 * limit and the order (the trace whose matching span started last first), always whole traces.
 */
@HeadroomIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JaegerQuerySearchIT {

    private static final long MINUTE = 60_000_000_000L;

    @LocalServerPort
    int port;

    JsonApi api;
    final String service = TestObjects.uniqueService("shop");
    final long now = TestObjects.nowNanos();
    /** GET /cart, 10 ms, customer.tier=gold, 50 min ago; with a 2 ms CLIENT child "SELECT cart". */
    String gold;
    /** GET /cart, 200 ms, status ERROR, http.status_code=500, 40 min ago. */
    String failed;
    /** POST /checkout, 1.2 s, from a resource with deployment.environment=canary, 30 min ago. */
    String checkout;
    /** GET /cart, 0.5 ms, 20 min ago. */
    String quick;
    /** GET /cart, 50 ms, 3 h ago. */
    String old;

    @BeforeAll
    void sendTracesOverOtlp() {
        api = new JsonApi(port);
        Span.Builder root = TestObjects.serverSpan("GET /cart", now - 50 * MINUTE, 10_000_000)
                .addAttributes(TestObjects.attribute("customer.tier", "gold"));
        Span.Builder child = Span.newBuilder().setTraceId(root.getTraceId()).setSpanId(TestObjects.randomId(8))
                .setParentSpanId(root.getSpanId()).setName("SELECT cart").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(now - 50 * MINUTE + 1_000_000).setEndTimeUnixNano(now - 50 * MINUTE + 3_000_000);
        send(TestObjects.traces(service, root, child));
        gold = hex(root);

        Span.Builder error = TestObjects.failed(TestObjects.serverSpan("GET /cart", now - 40 * MINUTE, 200_000_000))
                .addAttributes(KeyValue.newBuilder().setKey("http.status_code").setValue(AnyValue.newBuilder().setIntValue(500)));
        send(TestObjects.traces(service, error));
        failed = hex(error);

        Span.Builder post = TestObjects.serverSpan("POST /checkout", now - 30 * MINUTE, 1_200_000_000);
        send(ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(TestObjects.resource(service).toBuilder()
                        .addAttributes(TestObjects.attribute("deployment.environment", "canary")))
                .addScopeSpans(ScopeSpans.newBuilder().addSpans(post))).build());
        checkout = hex(post);

        Span.Builder fast = TestObjects.serverSpan("GET /cart", now - 20 * MINUTE, 500_000);
        Span.Builder ancient = TestObjects.serverSpan("GET /cart", now - 180 * MINUTE, 50_000_000);
        send(TestObjects.traces(service, fast, ancient));
        quick = hex(fast);
        old = hex(ancient);
    }

    @Test
    void theLastHourByDefaultNewestFirstWithTheEnvelope() {
        JsonApi.Answer answer = api.get("/api/traces?service=" + service);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(traceIds(answer.body())).containsExactly(quick, checkout, failed, gold);
        assertThat(answer.body().get("total").asInt()).isZero();
        assertThat(answer.body().get("limit").asInt()).isZero();
        assertThat(answer.body().get("offset").asInt()).isZero();
        assertThat(answer.body().get("errors").isNull()).isTrue();
        JsonNode goldTrace = answer.body().at("/data/3");
        assertThat(goldTrace.get("spans").findValuesAsText("operationName")).containsExactly("GET /cart", "SELECT cart");
        assertThat(goldTrace.at("/spans/0/duration").asLong()).isEqualTo(10_000);
        assertThat(goldTrace.at("/spans/1/startTime").asLong()).isEqualTo((now - 50 * MINUTE) / 1000 + 1_000);
    }

    @Test
    void theWindowComesFromStartAndEndOrLookback() {
        assertThat(search("lookback=4h")).containsExactly(quick, checkout, failed, gold, old);
        assertThat(search("lookback=2d")).containsExactly(quick, checkout, failed, gold, old);
        assertThat(search("start=" + micros(45) + "&end=" + micros(25))).containsExactly(checkout, failed);
        assertThat(search("start=" + micros(45) + "&end=" + micros(25) + "&lookback=custom")).containsExactly(checkout, failed);
        assertThat(search("end=" + micros(25) + "&lookback=20m")).as("lookback before end").containsExactly(checkout, failed);
        assertThat(search("start=" + micros(30) + "&end=" + micros(30))).as("both ends inclusive").containsExactly(checkout);
    }

    @Test
    void operationAndDurations() {
        assertThat(search("operation=" + encode("GET /cart"))).containsExactly(quick, failed, gold);
        assertThat(search("operation=" + encode("SELECT cart"))).as("the whole trace of a matching child").containsExactly(gold);
        assertThat(search("minDuration=100ms")).containsExactly(checkout, failed);
        assertThat(search("maxDuration=20ms")).containsExactly(quick, gold);
        assertThat(search("minDuration=1s&maxDuration=1.5s")).containsExactly(checkout);
        assertThat(search("maxDuration=500us")).as("bounds inclusive").containsExactly(quick);
        assertThat(search("minDuration=0&maxDuration=0")).as("0 is no bound").containsExactly(quick, checkout, failed, gold);
    }

    @Test
    void tagsInBothFormsMatchAttributesFieldsAndResources() {
        assertThat(search("tags=" + encode("{\"customer.tier\":\"gold\"}"))).containsExactly(gold);
        assertThat(search("tag=customer.tier:gold")).containsExactly(gold);
        assertThat(search("tag=customer.tier:silver")).isEmpty();
        assertThat(search("tags=" + encode("{\"error\":\"true\"}"))).as("error=true is the ERROR status").containsExactly(failed);
        assertThat(search("tag=otel.status_code:ERROR")).containsExactly(failed);
        assertThat(search("tag=http.status_code:500")).as("an int64 compared as text").containsExactly(failed);
        assertThat(search("tags=" + encode("{\"http.status_code\":500}"))).as("a JSON number taken as its text").containsExactly(failed);
        assertThat(search("tag=span.kind:client")).as("the kind, found on the child").containsExactly(gold);
        assertThat(search("tag=deployment.environment:canary")).as("a process tag").containsExactly(checkout);
        assertThat(search("tag=http.route:" + encode("/GET /cart") + "&tags=" + encode("{\"customer.tier\":\"gold\"}")))
                .as("every tag on the same span").containsExactly(gold);
        assertThat(search("tag=customer.tier:gold&tag=error:true")).isEmpty();
    }

    @Test
    void limitKeepsTheNewest() {
        assertThat(search("limit=2")).containsExactly(quick, checkout);
        assertThat(search("limit=0")).as("0 is the default, 20").hasSize(4);
    }

    @Test
    void traceIdsAreLookedUpWithTheMissingOnesNamed() {
        String absent = "00000000000000000000000000abcdef";
        JsonNode body = api.get("/api/traces?traceID=" + gold + "&traceID=" + absent + "&traceID=" + failed).body();

        assertThat(traceIds(body)).containsExactly(gold, failed);
        assertThat(body.get("errors").toString())
                .isEqualTo("[{\"msg\":\"trace not found\",\"traceID\":\"0000000000abcdef\"}]");
    }

    private List<String> search(String parameters) {
        JsonApi.Answer answer = api.get("/api/traces?service=" + service + "&" + parameters);
        assertThat(answer.status()).as(parameters + ": " + answer.body()).isEqualTo(200);
        return traceIds(answer.body());
    }

    private static List<String> traceIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("data").forEach(trace -> ids.add(trace.get("traceID").asText()));
        return ids;
    }

    private long micros(int minutesAgo) {
        return (now - minutesAgo * MINUTE) / 1000;
    }

    private void send(ExportTraceServiceRequest request) {
        var response = OtlpClient.post("http://127.0.0.1:" + port + "/v1/traces", "application/x-protobuf", null,
                request.toByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static String hex(Span.Builder span) {
        return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
