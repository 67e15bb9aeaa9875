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
import io.headroom.kpi.ScalingScenario;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Prices set over the API, instance counts from the ledger and requests from OTLP give a service's cost figures. */
@HeadroomIntegrationTest
class CapacityApiIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    CapacityLedger ledger;

    @Test
    void costFollowsTheInstancesThatRanThePriceAndTheRequests() {
        String service = TestObjects.uniqueService("costed");
        var api = new JsonApi(port);
        Instant before = Instant.now();
        Instant minute = before.truncatedTo(ChronoUnit.MINUTES);
        // 2 instances from before the 5-minute window, 4 from two minutes before this minute.
        ledger.observe(service, minute.minus(Duration.ofMinutes(10)), 2);
        ledger.observe(service, minute.minus(Duration.ofMinutes(2)), 4);
        ledger.observe(service, minute.minus(Duration.ofMinutes(1)), 4); // unchanged: not a new row

        assertThat(api.put("/api/v1/services/" + service + "/price", "{\"pricePerInstanceHour\": 0.5}").status()).isEqualTo(200);
        var spans = new ArrayList<Span.Builder>();
        long threeMinutesAgo = minute.minus(Duration.ofMinutes(3)).toEpochMilli() * 1_000_000L;
        for (int i = 0; i < 120; i++) {
            spans.add(TestObjects.serverSpan("GET /", threeMinutesAgo + i * 1_000_000_000L, 2_000_000));
        }
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);

        JsonNode summary = await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/services/" + service + "?window=5m").body(),
                node -> node.get("requests").asLong() == 120);
        Instant after = Instant.now();
        JsonNode capacity = summary.get("capacity");
        assertThat(capacity.get("instances").asInt()).isEqualTo(4);
        assertThat(capacity.get("pricePerInstanceHour").asDouble()).isEqualTo(0.5);
        assertThat(capacity.get("costPerHour").asDouble()).isEqualTo(2.0);
        // Window [minute - 5 min, now]: 3 min at 2 instances, then 4 instances from minute - 2 min to now.
        double low = (2 * 180 + 4 * (120 + seconds(minute, before))) / 3600.0;
        double high = (2 * 180 + 4 * (120 + seconds(minute, after))) / 3600.0;
        assertThat(capacity.get("instanceHours").asDouble()).isBetween(low, high);
        assertThat(capacity.get("cost").asDouble()).isBetween(low * 0.5, high * 0.5);
        double costPerSecond = capacity.get("instanceHours").asDouble() * 0.5
                / (Duration.between(minute.minus(Duration.ofMinutes(5)), after).toMillis() / 1000.0);
        assertThat(capacity.get("costPerRequest").asDouble())
                .isCloseTo(costPerSecond / summary.get("throughput").asDouble(), within(costPerSecond / summary.get("throughput").asDouble() * 0.01));
        assertThat(capacity.get("costPer1kRequests").asDouble()).isCloseTo(capacity.get("costPerRequest").asDouble() * 1000, within(1e-12));

        JsonNode series = api.get("/api/v1/services/" + service + "/series?from=" + minute.minus(Duration.ofMinutes(3)).getEpochSecond()
                + "&to=" + minute.getEpochSecond() + "&step=60s").body();
        assertThat(series.get("instances")).extracting(JsonNode::asDouble).containsExactly(2.0, 4.0, 4.0);
        assertThat(series.get("costPerHour")).extracting(JsonNode::asDouble).containsExactly(1.0, 2.0, 2.0);
    }

    /** The second instance doubled the throughput, the third added a tenth of what linear scaling would. */
    @Test
    void scalingEfficiencyComparesEachInstanceCountWithLinearScalingAndFlagsTheKnee() {
        String service = TestObjects.uniqueService("scaled");
        var api = new JsonApi(port);
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = minute.minus(Duration.ofMinutes(6));
        ScalingScenario.run(service, start, ledger, otlpPort);

        String url = "/api/v1/services/" + service + "/scaling?from=" + start.getEpochSecond() + "&to=" + minute.getEpochSecond();
        JsonNode scaling = await().atMost(Duration.ofSeconds(10)).until(() -> api.get(url).body(),
                node -> node.get("levels").size() == 3 && node.get("levels").get(2).get("requests").asLong() == 252);
        JsonNode levels = scaling.get("levels");
        assertThat(levels).extracting(level -> level.get("instances").asInt()).containsExactly(1, 2, 3);
        assertThat(levels).extracting(level -> level.get("minutes").asInt()).containsExactly(2, 2, 2);
        assertThat(levels).extracting(level -> level.get("throughput").asDouble()).containsExactly(1.0, 2.0, 2.1);
        assertThat(levels).extracting(level -> level.get("idealThroughput").asDouble()).containsExactly(1.0, 2.0, 3.0);
        assertThat(levels.get(2).get("efficiency").asDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(levels.get(2).get("throughputPerInstance").asDouble()).isCloseTo(0.7, within(1e-9));
        assertThat(levels.get(0).get("p99Ms").asDouble()).isCloseTo(10.0, within(0.1));
        assertThat(scaling.get("knee").asInt()).isEqualTo(2);

        assertThat(api.get("/api/v1/services/" + service + "/scaling?from=100&to=50").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/services/no-such-service/scaling").status()).isEqualTo(404);
    }

    @Test
    void anOperatorsPriceIsValidatedAndWinsOverAListPrice() {
        String service = TestObjects.uniqueService("priced");
        var api = new JsonApi(port);
        assertThat(api.get("/api/v1/services/" + service + "/price").status()).isEqualTo(404);
        for (String body : new String[] {"{\"pricePerInstanceHour\": -1}", "{\"pricePerInstanceHour\": 1e9}", "{}",
                "{\"pricePerInstanceHour\": \"cheap\"}", "not json"}) {
            JsonApi.Answer answer = api.put("/api/v1/services/" + service + "/price", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().get("message").asText()).as(body).contains("price");
        }
        JsonApi.Answer set = api.put("/api/v1/services/" + service + "/price", "{\"pricePerInstanceHour\": 0.25}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("source").asText()).isEqualTo("USER");
        JsonNode price = api.get("/api/v1/services/" + service + "/price").body();
        assertThat(price.get("pricePerInstanceHour").asDouble()).isEqualTo(0.25);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
