package io.headroom.explore.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Trace search and trace assembly over spans with known answers: filters and both orders, a
 * trace whose spans arrive out of order in separate requests from two services, a span whose
 * parent never arrived kept as an orphan, and the critical path.
 */
@HeadroomIntegrationTest
class TracesApiIT {

    private static final long MS = 1_000_000L;

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void searchFiltersAndOrdersTracesByRecencyOrDuration() {
        String service = TestObjects.uniqueService("search");
        long start = TestObjects.nowNanos() - 60_000 * MS;
        // Five one-span traces, a second apart: 10, 50, 30 (failed), 20 and 40 ms; the 30 ms one has attribute tier=gold.
        long[] durations = {10, 50, 30, 20, 40};
        var spans = new Span.Builder[durations.length];
        for (int i = 0; i < durations.length; i++) {
            spans[i] = TestObjects.serverSpan("GET /cart", start + i * 1_000 * MS, durations[i] * MS);
        }
        TestObjects.failed(spans[2]).addAttributes(TestObjects.attribute("tier", "gold"));
        send(service, spans);

        String base = "/api/v1/traces?window=1h&service=" + service;
        assertThat(durations(get(base))).containsExactly(40.0, 20.0, 30.0, 50.0, 10.0);
        assertThat(durations(get(base + "&sort=duration&limit=3"))).containsExactly(50.0, 40.0, 30.0);
        assertThat(durations(get(base + "&minDuration=25ms&maxDuration=0.045s"))).containsExactly(40.0, 30.0);
        JsonNode failed = get(base + "&status=error").get("traces");
        assertThat(durations(get(base + "&status=error"))).containsExactly(30.0);
        assertThat(failed.get(0).get("errors").asInt()).isEqualTo(1);
        assertThat(failed.get(0).get("rootOperation").asText()).isEqualTo("GET /cart");
        assertThat(durations(get(base + "&attr=tier=gold"))).containsExactly(30.0);
        assertThat(get("/api/v1/traces?window=1h&service=" + service + "-none").get("traces")).isEmpty();

        var api = new JsonApi(port);
        for (String[] bad : new String[][] {{"status=broken", "status"}, {"sort=size", "sort"}, {"minDuration=fast", "minDuration"},
                {"limit=0", "limit"}, {"attr=x", "attr"}}) {
            JsonApi.Answer answer = api.get("/api/v1/traces?" + bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body().get("parameter").asText()).isEqualTo(bad[1]);
        }
    }

    @Test
    void aTraceIsAssembledFromSpansArrivingOutOfOrderWithOrphansKeptAndTheCriticalPathMarked() {
        String front = TestObjects.uniqueService("front");
        String back = TestObjects.uniqueService("back");
        ByteString traceId = TestObjects.randomId(16);
        long t0 = TestObjects.nowNanos() - 30_000 * MS;
        // root 0-100 ms on front; its children auth 5-25, then charge 30-90 (on back, with its own child query
        // 40-85), and cache 35-50 alongside charge; and an orphan on back whose parent never arrives.
        Span.Builder root = span(traceId, null, "POST /checkout", t0, 100);
        Span.Builder auth = span(traceId, root, "auth", t0 + 5 * MS, 20);
        Span.Builder db = span(traceId, root, "charge", t0 + 30 * MS, 60);
        Span.Builder query = span(traceId, db, "INSERT payments", t0 + 40 * MS, 45);
        Span.Builder cache = span(traceId, root, "cache", t0 + 35 * MS, 15);
        Span.Builder orphan = span(traceId, null, "late retry", t0 + 95 * MS, 3).setParentSpanId(TestObjects.randomId(8));
        // The child's service first, then the root's: the store must not depend on arrival order.
        send(back, query, orphan, db);
        send(front, cache, auth, root);

        JsonNode trace = get("/api/v1/traces/" + hex(traceId));
        JsonNode spans = trace.get("spans");
        assertThat(spans).extracting(span -> span.get("operation").asText())
                .containsExactly("POST /checkout", "auth", "charge", "INSERT payments", "cache", "late retry");
        assertThat(spans).extracting(span -> span.get("depth").asInt()).containsExactly(0, 1, 1, 2, 1, 0);
        assertThat(spans).extracting(span -> span.get("orphan").asBoolean()).containsExactly(false, false, false, false, false, true);
        // The root's end waited on charge and its query, and before charge on auth; cache ran alongside charge.
        assertThat(spans).extracting(span -> span.get("criticalPath").asBoolean()).containsExactly(true, true, true, true, false, false);
        assertThat(spans.get(3).get("service").asText()).isEqualTo(back);
        assertThat(spans.get(3).get("offsetMs").asDouble()).isCloseTo(40.0, within(0.001));
        assertThat(spans.get(3).get("resource").get("service.name").asText()).isEqualTo(back);
        assertThat(trace.get("summary").get("durationMs").asDouble()).isCloseTo(100.0, within(0.001));
        assertThat(trace.get("summary").get("services")).extracting(JsonNode::asText).containsExactlyInAnyOrder(front, back);
        assertThat(trace.get("summary").get("rootService").asText()).isEqualTo(front);

        var api = new JsonApi(port);
        assertThat(api.get("/api/v1/traces/" + hex(TestObjects.randomId(16))).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/traces/not-a-trace").status()).isEqualTo(400);
    }

    private static Span.Builder span(ByteString traceId, Span.Builder parent, String name, long start, long durationMs) {
        Span.Builder span = TestObjects.serverSpan(name, start, durationMs * MS).setTraceId(traceId);
        if (parent != null) {
            span.setParentSpanId(parent.getSpanId()).setKind(Span.SpanKind.SPAN_KIND_INTERNAL);
        }
        return span;
    }

    private void send(String service, Span.Builder... spans) {
        try {
            var response = OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                    TestObjects.traces(service, spans).toByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<Double> durations(JsonNode answer) {
        var durations = new java.util.ArrayList<Double>();
        answer.get("traces").forEach(trace -> durations.add(trace.get("durationMs").asDouble()));
        return durations;
    }

    private JsonNode get(String path) {
        JsonApi.Answer answer = new JsonApi(port).get(path);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    private static String hex(ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }
}
