package io.headroom.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.kpi.CapacityLedger;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Executive view's figures: transactions counted once per trace, cost per 1,000 of them, and the period before. */
@HeadroomIntegrationTest
class FleetApiIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    CapacityLedger ledger;

    /**
     * In one minute three hours ago (where no other test sends anything), a front service took 120
     * transactions and called a back service for each: 240 requests, 120 transactions, 2 a second.
     */
    @Test
    void transactionsAreTracesStartedAndCostIsPerThousandOfThem() {
        var api = new JsonApi(port);
        String front = TestObjects.uniqueService("front");
        String back = TestObjects.uniqueService("back");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
        ledger.observe(front, minute.minus(Duration.ofHours(1)), 2);
        assertThat(api.put("/api/v1/services/" + front + "/price", "{\"pricePerInstanceHour\": 0.5}").status()).isEqualTo(200);
        var fronts = new ArrayList<Span.Builder>();
        var backs = new ArrayList<Span.Builder>();
        for (int i = 0; i < 120; i++) {
            long start = minute.toEpochMilli() * 1_000_000L + i * 500_000_000L;
            Span.Builder root = TestObjects.serverSpan("GET /", start, 20_000_000);
            fronts.add(root);
            backs.add(TestObjects.serverSpan("GET /item", start + 1_000_000, 10_000_000).setTraceId(root.getTraceId())
                    .setParentSpanId(root.getSpanId()));
        }
        send(front, fronts);
        send(back, backs);

        String url = "/api/v1/fleet?from=" + minute.getEpochSecond() + "&to=" + minute.plusSeconds(60).getEpochSecond();
        JsonNode fleet = await().atMost(Duration.ofSeconds(10)).until(() -> api.get(url).body(),
                node -> node.get("current").get("requests").asLong() == 240);
        JsonNode current = fleet.get("current");
        assertThat(current.get("services").asInt()).isEqualTo(2);
        assertThat(current.get("transactions").asLong()).isEqualTo(120);
        assertThat(current.get("transactionsPerSecond").asDouble()).isEqualTo(2.0);
        assertThat(current.get("availability").asDouble()).isEqualTo(1.0);
        // 2 instances at 0.5 for one minute: 1/60; per 1,000 of 120 transactions.
        assertThat(current.get("cost").asDouble()).isCloseTo(1 / 60.0, within(1e-9));
        assertThat(current.get("costPer1kTransactions").asDouble()).isCloseTo(1 / 60.0 / 120 * 1000, within(1e-9));
        JsonNode previous = fleet.get("previous");
        assertThat(previous.get("from").asText()).isEqualTo(minute.minusSeconds(60).toString());
        assertThat(previous.get("transactions").asLong()).isZero();

        assertThat(api.get("/api/v1/fleet?window=24h&from=1").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/fleet?window=1000d").body().get("parameter").asText()).isEqualTo("window");
        assertThat(api.get("/api/v1/fleet").body().get("current").has("transactions")).isTrue();
    }

    private void send(String service, ArrayList<Span.Builder> spans) {
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);
    }
}
