package io.headroom.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An SLO defined over the API is evaluated on the requests OTLP brought: budget, burn rates and alert level. */
@HeadroomIntegrationTest
class SloApiIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void budgetAndBurnRatesFollowTheRequestsThatMissedTheObjectives() {
        String service = TestObjects.uniqueService("slo");
        var api = new JsonApi(port);
        assertThat(api.get("/api/v1/services/" + service + "/slo/status").status()).isEqualTo(404);
        JsonApi.Answer defined = api.put("/api/v1/services/" + service + "/slo",
                "{\"availabilityTarget\": 0.99, \"latencyTarget\": 0.9, \"latencyThresholdMs\": 100}");
        assertThat(defined.status()).isEqualTo(200);
        assertThat(defined.body().get("windowDays").asInt()).isEqualTo(30);

        // 200 requests a minute ago: 4 failed (2 %), 30 slower than 100 ms (15 %).
        long minuteAgo = (TestObjects.nowNanos() / 60_000_000_000L - 1) * 60_000_000_000L;
        var spans = new ArrayList<Span.Builder>();
        for (int i = 0; i < 200; i++) {
            Span.Builder span = TestObjects.serverSpan("GET /", minuteAgo + i * 100_000_000L, i < 30 ? 250_000_000L : 20_000_000L);
            spans.add(i >= 196 ? TestObjects.failed(span) : span);
        }
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);

        JsonNode status = await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/v1/services/" + service + "/slo/status").body(),
                        node -> node.get("objectives").get(0).get("totalRequests").asLong() == 200);
        JsonNode availability = status.get("objectives").get(0);
        assertThat(availability.get("kind").asText()).isEqualTo("availability");
        assertThat(availability.get("goodRequests").asLong()).isEqualTo(196);
        // 4 bad of 200 against 1 % allowed: twice the budget spent, burning at 2.
        assertThat(availability.get("errorBudgetRemaining").asDouble()).isCloseTo(-1.0, within(1e-9));
        assertThat(availability.get("burnRates").get("5m").asDouble()).isCloseTo(2.0, within(1e-9));
        JsonNode latency = status.get("objectives").get(1);
        assertThat(latency.get("goodRequests").asLong()).isEqualTo(170);
        assertThat(latency.get("burnRates").get("1h").asDouble()).isCloseTo(0.15 / 0.1, within(1e-9));
        assertThat(status.get("alert").asText()).isEqualTo("TICKET");
        assertThat(api.get("/api/v1/slos").body().get("slos").findValuesAsText("alert")).isNotEmpty();

        // Apdex for T = 100 ms: 170 satisfied less the 4 failures, 30 tolerating (250 ms ≤ 4T): (166 + 15) / 200.
        assertThat(api.get("/api/v1/services/" + service + "/apdex").body().get("thresholdMs").asDouble()).isEqualTo(500.0);
        for (String bad : new String[] {"{\"thresholdMs\": 0}", "{\"thresholdMs\": 70000}", "{}", "[1]"}) {
            assertThat(api.put("/api/v1/services/" + service + "/apdex", bad).status()).as(bad).isEqualTo(400);
        }
        assertThat(api.put("/api/v1/services/" + service + "/apdex", "{\"thresholdMs\": 100}").status()).isEqualTo(200);
        JsonNode summary = api.get("/api/v1/services/" + service + "?window=5m").body();
        assertThat(summary.get("apdexThresholdMs").asDouble()).isEqualTo(100.0);
        assertThat(summary.get("apdex").asDouble()).isCloseTo(0.905, within(1e-9));

        assertThat(api.delete("/api/v1/services/" + service + "/slo").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/services/" + service + "/slo").status()).isEqualTo(404);
    }

    @Test
    void invalidObjectivesAreRefusedWithTheReason() {
        var api = new JsonApi(port);
        String path = "/api/v1/services/" + TestObjects.uniqueService("slo-bad") + "/slo";
        String[][] cases = {
            {"{}", "set availabilityTarget"},
            {"{\"availabilityTarget\": 99.9}", "fraction above 0 and below 1"},
            {"{\"availabilityTarget\": 1}", "fraction above 0 and below 1"},
            {"{\"latencyTarget\": 0.99}", "go together"},
            {"{\"latencyTarget\": 0.99, \"latencyThresholdMs\": -5}", "latencyThresholdMs must be above 0"},
            {"{\"availabilityTarget\": 0.999, \"windowDays\": 365}", "windowDays must be between 1 and 90"},
            {"{\"availabilityTarget\": \"high\"}", "body must be"},
            {"not json", "body must be"}};
        for (String[] bad : cases) {
            JsonApi.Answer answer = api.put(path, bad[0]);
            assertThat(answer.status()).as(bad[0]).isEqualTo(400);
            assertThat(answer.body().get("message").asText()).as(bad[0]).contains(bad[1]);
        }
        assertThat(api.get(path).status()).isEqualTo(404);
    }
}
