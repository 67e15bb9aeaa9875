package io.headroom.explore.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.explore.ShopCalls;
import io.headroom.ingest.otlp.OtlpPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service map from the edge rollup: ten requests through gateway → catalog → pricing, two of
 * them failing at pricing, give two edges with their counts, error rates and the caller's p99,
 * and a layout with each callee right of its caller.
 */
@HeadroomIntegrationTest
class ServiceMapIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void callsBetweenServicesBecomeEdgesWithRatesErrorsAndP99() {
        String gateway = TestObjects.uniqueService("gateway");
        String catalog = TestObjects.uniqueService("catalog");
        String pricing = TestObjects.uniqueService("pricing");
        // Three minutes ago: settled, so the next roll-up run counts it.
        long start = (TestObjects.nowNanos() / 60_000_000_000L - 3) * 60_000_000_000L;
        ShopCalls.send(otlpPort.port(), gateway, catalog, pricing, start, 10);

        long from = start / 1_000_000_000L;
        String path = "/api/v1/service-map?from=" + from + "&to=" + (from + 60);
        Map<String, JsonNode> edges = new HashMap<>();
        JsonNode map = await().atMost(Duration.ofSeconds(30)).until(() -> get(path), answer -> {
            edges.clear();
            answer.get("edges").forEach(edge -> edges.put(edge.get("caller").asText() + ">" + edge.get("callee").asText(), edge));
            return edges.containsKey(gateway + ">" + catalog) && edges.containsKey(catalog + ">" + pricing);
        });
        assertThat(edges.keySet().stream().filter(key -> key.contains(gateway) || key.contains(catalog) || key.contains(pricing)))
                .as("the gateway's client span is its own service's child, not an edge").hasSize(2);
        JsonNode toCatalog = edges.get(gateway + ">" + catalog);
        assertThat(toCatalog.get("calls").asLong()).isEqualTo(10);
        assertThat(toCatalog.get("callsPerSecond").asDouble()).isCloseTo(10 / 60.0, within(1e-9));
        assertThat(toCatalog.get("errorRate").asDouble()).isZero();
        // The caller's client spans took 50..59 ms: p99 is the longest, within the histogram's 1 %.
        assertThat(toCatalog.get("p99Ms").asDouble()).isCloseTo(59.0, within(0.6));
        JsonNode toPricing = edges.get(catalog + ">" + pricing);
        assertThat(toPricing.get("calls").asLong()).isEqualTo(10);
        assertThat(toPricing.get("errorRate").asDouble()).isCloseTo(0.2, within(1e-9));

        Map<String, Integer> columns = new HashMap<>();
        map.get("nodes").forEach(node -> columns.put(node.get("service").asText(), node.get("column").asInt()));
        assertThat(columns.get(catalog)).isEqualTo(columns.get(gateway) + 1);
        assertThat(columns.get(pricing)).isEqualTo(columns.get(catalog) + 1);
        assertThat(new JsonApi(port).get("/api/v1/service-map?window=5m&from=1").status()).isEqualTo(400);
    }

    private JsonNode get(String path) {
        JsonApi.Answer answer = new JsonApi(port).get(path);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }
}
