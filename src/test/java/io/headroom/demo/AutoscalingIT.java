package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.JsonApi;
import io.headroom.kpi.ServiceSaturation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A target-tracking policy on the demo fleet's real instances: payments (one worker each, see
 * {@link DemoFleetTest}) at light load stays at one instance; when the load rises to the fleet's
 * 40 requests/s its workers saturate, the policy scales it out and its p99 falls back; when the
 * load falls it scales in, but only after the scale-down window, which the evaluations explain.
 */
@DemoFleetTest
class AutoscalingIT {

    private static final String SERVICE = "payments";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ServiceSaturation saturation;

    @Test
    void scalesOutUnderRisingLoadAndInAfterTheWindowWhenItFalls() {
        var api = new JsonApi(port);
        assertThat(api.post("/api/v1/services/" + SERVICE + "/scale", "{\"instances\": 1}").status()).isEqualTo(200);
        api.put("/api/v1/demo/load", "{\"rps\": 10}");
        // The fleet ran at 40 requests/s until now: let payments' workers show the light load before the policy reads them.
        await().atMost(Duration.ofSeconds(120)).until(() -> utilisation() != null && utilisation() < 0.45);
        JsonApi.Answer created = api.post("/api/v1/scaling/policies", """
                {"service": "%s", "metric": "utilisation", "target": 0.5, "minInstances": 1, "maxInstances": 6,
                 "scaleDown": {"stabilizationWindow": "30s"}}""".formatted(SERVICE));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long policy = created.body().get("id").asLong();
        try {
            // Light load: about 2 requests/s at ~150 ms each keep one worker a third busy; the policy holds at one.
            await().atMost(Duration.ofSeconds(60)).until(() -> latest(api) != null && latest(api).get("decision").get("ratio") != null);
            assertThat(instances(api)).isEqualTo(1);

            Instant rising = Instant.now();
            api.put("/api/v1/demo/load", "{\"rps\": 40}");
            // One worker gets ~8 requests/s of ~150 ms: its queue grows until the policy adds instances.
            await().atMost(Duration.ofSeconds(60)).until(() -> instances(api) >= 2);
            double saturated = p99("15 seconds");
            await().atMost(Duration.ofSeconds(60)).until(() -> instances(api) >= 3);
            JsonNode scaledOut = changes(api, rising).get(0).get("decision");
            assertThat(scaledOut.get("action").asText()).isEqualTo("SCALE_UP");
            assertThat(scaledOut.get("steps").toString()).contains("utilisation").contains("vs target 0.5");
            JsonNode audited = api.get("/api/v1/audit?window=10m&actor=autoscaler&action=scaling.scale&service=" + SERVICE).body();
            assertThat(audited.findValuesAsText("outcome")).as("the autoscaler's changes are audited under its name").contains("DONE");
            assertThat(saturated).as("one saturated worker queues requests").isGreaterThan(500);
            // The queue built up meanwhile drains; then the last 15 s hold only the new regime's requests, and the
            // policy's reading settles near its target.
            Instant scaled = Instant.now();
            await().atMost(Duration.ofSeconds(90)).until(() -> samples("15 seconds") > 60 && p99("15 seconds") < saturated / 2
                    && latest(api).get("decision").get("metricValue").asDouble() <= 0.55);
            System.out.printf("AutoscalingIT: p99 %.0f ms saturated at one instance, %.0f ms at %d instances %d s after scaling out%n",
                    saturated, p99("15 seconds"), instances(api), Duration.between(scaled, Instant.now()).toSeconds());

            Instant falling = Instant.now();
            int peak = instances(api);
            api.put("/api/v1/demo/load", "{\"rps\": 5}");
            await().atMost(Duration.ofSeconds(120)).until(() -> instances(api) < peak);
            Duration waited = Duration.between(falling, Instant.now());
            assertThat(waited).as("scaled in only after the 30 s scale-down window").isGreaterThan(Duration.ofSeconds(25));
            long heldByWindow = jdbc.sql("""
                    SELECT count(*) FROM scaling_evaluations WHERE policy_id = ? AND at > ? AND action = 'NONE'
                      AND steps::text LIKE '%scale-down window 30s: highest recommendation%'""")
                    .params(policy, java.sql.Timestamp.from(falling)).query(Long.class).single();
            assertThat(heldByWindow).as("evaluations explain that the window held the scale-in").isPositive();
            await().atMost(Duration.ofSeconds(90)).until(() -> instances(api) == 1);
        } finally {
            api.delete("/api/v1/scaling/policies/" + policy);
            api.put("/api/v1/demo/load", "{\"rps\": 40}");
            api.post("/api/v1/services/" + SERVICE + "/scale", "{\"instances\": 1}");
        }
    }

    /** Payments' worker utilisation over the last 30 s, as the policy reads it: the mean of its 15 s steps. */
    private Double utilisation() {
        Instant now = Instant.now();
        return saturation.series(SERVICE, now.minusSeconds(30), now, Duration.ofSeconds(15)).map(series -> java.util.Arrays
                .stream(series.workerUtilisation()).filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).average()
                .stream().boxed().findFirst().orElse(null)).orElse(null);
    }

    private static int instances(JsonApi api) {
        return api.get("/api/v1/services/" + SERVICE + "/instances").body().get("desired").asInt();
    }

    private static JsonNode latest(JsonApi api) {
        JsonNode evaluations = api.get("/api/v1/services/" + SERVICE + "/scaling/evaluations?window=5m&limit=1").body().get("evaluations");
        return evaluations.isEmpty() ? null : evaluations.get(0);
    }

    /** Evaluations that changed the count since {@code since}, oldest first. */
    private static JsonNode changes(JsonApi api, Instant since) {
        var list = new com.fasterxml.jackson.databind.node.ArrayNode(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
        for (JsonNode evaluation : api.get("/api/v1/services/" + SERVICE + "/scaling/evaluations?changes=true&from=" + since)
                .body().get("evaluations")) {
            list.insert(0, evaluation);
        }
        return list;
    }

    private long samples(String window) {
        return jdbc.sql("SELECT count(*) FROM spans WHERE service_name = 'payments' AND kind = 2 AND start_time > now() - ?::interval")
                .param(window).query(Long.class).single();
    }

    private double p99(String window) {
        Double p99 = jdbc.sql("""
                SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ns) / 1e6 FROM spans
                WHERE service_name = 'payments' AND kind = 2 AND status_code <> 2 AND start_time > now() - ?::interval""")
                .param(window).query(Double.class).single();
        return p99 == null ? 0 : p99;
    }
}
