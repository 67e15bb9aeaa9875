package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.JsonApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Faults injected over the API into the running demo shop show up where an operator would look:
 * in the stored spans (tagged with the fault's id) and the KPIs of the service and of its
 * callers; and they end by themselves.
 */
@DemoFleetTest
class DemoChaosIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JsonApi api;

    @BeforeEach
    void api() {
        api = new JsonApi(port);
    }

    @Test
    void latencyFaultSlowsTheServiceAndItsCallersThenEndsByItself() {
        JsonNode fault = inject("pricing", "{\"type\": \"latency\", \"magnitude\": 100, \"jitter\": 20, \"durationSeconds\": 8}");
        String id = fault.get("id").asText();
        Instant started = Instant.parse(fault.get("startedAt").asText());

        await().atMost(Duration.ofSeconds(20)).until(() -> tagged("pricing", id) > 50);
        assertThat(medianMs("pricing", "kind = 2 AND attributes->>'chaos.experiment.id' = '" + id + "'"))
                .as("pricing's own spans carry the added 100-120 ms").isBetween(100.0, 400.0);
        assertThat(medianMs("catalog", "kind = 2 AND start_time BETWEEN '%s' AND '%s'".formatted(started.plusSeconds(1), started.plusSeconds(7))))
                .as("catalog waits for pricing").isGreaterThan(100.0);
        assertThat(api.get("/api/v1/services/pricing?window=1m").body().get("p99Ms").asDouble()).as("pricing's p99 KPI")
                .isGreaterThan(100.0);

        JsonNode ended = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/faults/" + id).body(),
                body -> !body.get("active").asBoolean());
        assertThat(ended.get("endReason").asText()).isEqualTo("duration elapsed");
        Instant endedAt = Instant.parse(ended.get("endedAt").asText());
        assertThat(Duration.between(started, endedAt)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(20)).until(() -> count("pricing", "kind = 2 AND start_time > '%s'".formatted(endedAt.plusSeconds(1))) > 50);
        assertThat(medianMs("pricing", "kind = 2 AND start_time > '%s'".formatted(endedAt.plusSeconds(1))))
                .as("pricing back to its own ~4 ms").isLessThan(50.0);
        assertThat(count("pricing", "attributes->>'chaos.experiment.id' = '%s' AND start_time > '%s'".formatted(id, endedAt)))
                .as("no request is tagged after the fault ended").isZero();
    }

    @Test
    void aFaultOnHalfTheInstancesHitsOneOfTwoAndSparesTheOther() {
        assertThat(api.post("/api/v1/services/auth/scale", "{\"instances\": 2}").status()).isEqualTo(200);
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> instancesReporting("auth", "s.start_time > now() - interval '5 seconds'") == 2);
            JsonNode fault = inject("auth", "{\"type\": \"latency\", \"magnitude\": 50, \"instancePercentage\": 50, \"durationSeconds\": 10}");
            assertThat(fault.get("instancePercentage").asDouble()).isEqualTo(50);
            String id = fault.get("id").asText();
            Instant started = Instant.parse(fault.get("startedAt").asText());
            await().atMost(Duration.ofSeconds(20)).until(() -> tagged("auth", id) > 30);
            String during = "s.kind = 2 AND s.start_time > '%s'".formatted(started.plusSeconds(1));
            assertThat(instancesReporting("auth", during)).as("both instances keep serving").isEqualTo(2);
            assertThat(instancesReporting("auth", during + " AND s.attributes->>'chaos.experiment.id' = '" + id + "'"))
                    .as("the fault hits one instance of two").isEqualTo(1);
            api.delete("/api/v1/faults/" + id);
        } finally {
            api.post("/api/v1/services/auth/scale", "{\"instances\": 1}");
        }
    }

    @Test
    void errorFaultFailsAShareOfRequestsUpTheCallChainUntilStopped() {
        JsonNode fault = inject("inventory", "{\"type\": \"error\", \"magnitude\": 503, \"percentage\": 50, \"durationSeconds\": 300}");
        String id = fault.get("id").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> tagged("inventory", id) > 40);
        String hit = "kind = 2 AND attributes->>'chaos.experiment.id' = '%s'".formatted(id);
        assertThat(count("inventory", hit + " AND status_code = 2 AND (attributes->>'http.response.status_code')::int = 503"))
                .as("every tagged request failed with the injected status").isEqualTo(count("inventory", hit));
        double share = (double) tagged("inventory", id) / count("inventory", "kind = 2 AND start_time >= '%s'".formatted(fault.get("startedAt").asText()));
        assertThat(share).as("about half the requests are hit").isBetween(0.3, 0.7);
        String since = "kind = 2 AND start_time >= '%s'".formatted(fault.get("startedAt").asText());
        assertThat((double) count("catalog", since + " AND status_code = 2") / count("catalog", since))
                .as("catalog, which calls inventory, fails with it").isGreaterThan(0.2);

        JsonNode stopped = api.delete("/api/v1/faults/" + id).body();
        assertThat(stopped.get("active").asBoolean()).isFalse();
        assertThat(stopped.get("endReason").asText()).isEqualTo("stopped");
        Instant endedAt = Instant.parse(stopped.get("endedAt").asText());
        await().atMost(Duration.ofSeconds(20)).until(() -> count("inventory", "kind = 2 AND start_time > '%s'".formatted(endedAt)) > 40);
        assertThat(count("inventory", "kind = 2 AND status_code = 2 AND start_time > '%s'".formatted(endedAt)))
                .as("inventory stops failing once the fault is stopped").isZero();
        assertThat(api.delete("/api/v1/faults/" + id).body().get("endReason").asText()).as("stopping twice changes nothing")
                .isEqualTo("stopped");
    }

    @Test
    void killingInstancesFailsTheirInFlightRequestsAndTheFleetRecoversWhenTheyAreReplaced() {
        // Every request passes through catalog. Slow it first, so requests are surely in flight through it when it dies.
        String slow = inject("catalog", "{\"type\": \"latency\", \"magnitude\": 300, \"durationSeconds\": 30}").get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> tagged("catalog", slow) > 10);
        int running = api.get("/api/v1/services/catalog/instances").body().get("current").asInt();

        JsonNode kill = inject("catalog", "{\"type\": \"kill\", \"magnitude\": %d, \"durationSeconds\": 6}".formatted(running));
        Instant killedAt = Instant.parse(kill.get("startedAt").asText());
        JsonNode during = api.get("/api/v1/demo/load").body();
        assertThat(api.get("/api/v1/services/catalog/instances").body().get("current").asInt()).isZero();
        api.delete("/api/v1/faults/" + slow);

        await().atMost(Duration.ofSeconds(20)).until(() -> count("gateway", """
                kind = 3 AND name = 'GET catalog' AND status_code = 2 AND status_message NOT LIKE 'no instance%%'
                AND start_time BETWEEN '%s' AND '%s'""".formatted(killedAt.minusSeconds(2), killedAt)) > 0);
        assertThat(failureShare(during, laterLoad(during, 80)))
                .as("share of the load generator's requests failing while catalog is down").isGreaterThan(0.8);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/services/catalog/instances").body().get("current").asInt() == running);
        JsonNode recovered = api.get("/api/v1/demo/load").body();
        assertThat(failureShare(recovered, laterLoad(recovered, 120)))
                .as("share failing once catalog is replaced (checkouts still fail at the overloaded payments)").isLessThan(0.5);
    }

    /** The load generator's counts once it has sent {@code requests} more than in {@code from}. */
    private JsonNode laterLoad(JsonNode from, long requests) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/demo/load").body(),
                load -> load.get("sent").asLong() - from.get("sent").asLong() >= requests);
    }

    private static double failureShare(JsonNode from, JsonNode to) {
        long sent = to.get("sent").asLong() - from.get("sent").asLong();
        return sent == 0 ? 0 : (double) (to.get("failed").asLong() - from.get("failed").asLong()) / sent;
    }

    @Test
    void cpuFaultBurnsACoreShareOnEachInstanceUntilItEnds() {
        String id = inject("auth", "{\"type\": \"cpu\", \"magnitude\": 50, \"durationSeconds\": 60}").get("id").asText();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long burner = await().atMost(Duration.ofSeconds(5)).until(() -> burnerThread(threads), thread -> thread > 0);
        long cpuBefore = threads.getThreadCpuTime(burner);
        await().atMost(Duration.ofSeconds(5)).until(() -> threads.getThreadCpuTime(burner) - cpuBefore > 200_000_000L);

        api.delete("/api/v1/faults/" + id);
        await().atMost(Duration.ofSeconds(5)).until(() -> burnerThread(threads) == 0);
    }

    @Test
    void invalidFaultsAreRefusedWithAReason() {
        for (String body : new String[] {
                "{\"type\": \"latency\", \"durationSeconds\": 10}",
                "{\"type\": \"latency\", \"magnitude\": -5, \"durationSeconds\": 10}",
                "{\"type\": \"error\", \"magnitude\": 404, \"durationSeconds\": 10}",
                "{\"type\": \"error\", \"percentage\": 0, \"durationSeconds\": 10}",
                "{\"type\": \"error\", \"percentage\": 150, \"durationSeconds\": 10}",
                "{\"type\": \"kill\", \"percentage\": 50, \"durationSeconds\": 10}",
                "{\"type\": \"kill\", \"magnitude\": 5, \"durationSeconds\": 10}",
                "{\"type\": \"cpu\", \"magnitude\": 250, \"durationSeconds\": 10}",
                "{\"type\": \"flood\", \"durationSeconds\": 10}",
                "{\"type\": \"error\", \"durationSeconds\": 0}",
                "{\"type\": \"error\", \"durationSeconds\": 7200}",
                "{\"type\": \"error\"}",
                "{\"type\": \"error\", \"durationSeconds\": \"soon\"}",
                "not json"}) {
            JsonApi.Answer answer = api.post("/api/v1/services/billing/faults", body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().get("message").asText()).as(body).isNotBlank();
        }
        assertThat(api.post("/api/v1/services/no-such-service/faults", "{\"type\": \"error\", \"durationSeconds\": 10}").status())
                .isEqualTo(404);
        assertThat(api.delete("/api/v1/faults/3f1c2e9a-0000-4000-8000-000000000000").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/faults/not-an-id").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services/billing/instances").body().get("current").asInt())
                .as("a refused kill killed nothing").isEqualTo(1);
    }

    private JsonNode inject(String service, String body) {
        JsonApi.Answer answer = api.post("/api/v1/services/" + service + "/faults", body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        assertThat(answer.body().get("active").asBoolean()).isTrue();
        return answer.body();
    }

    private long burnerThread(ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(info -> info != null
                && info.getThreadName().startsWith("demo-cpu-auth-")).mapToLong(ThreadInfo::getThreadId).findFirst().orElse(0);
    }

    /** How many instances (by their resource's service.instance.id) sent spans {@code s} matching the condition. */
    private long instancesReporting(String service, String condition) {
        return jdbc.sql("""
                SELECT count(DISTINCT r.attributes->>'service.instance.id') FROM spans s JOIN resources r USING (resource_id)
                WHERE s.service_name = ?""" + " AND " + condition).param(service).query(Long.class).single();
    }

    private long tagged(String service, String faultId) {
        return count(service, "attributes->>'chaos.experiment.id' = '%s'".formatted(faultId));
    }

    private long count(String service, String condition) {
        return jdbc.sql("SELECT count(*) FROM spans WHERE service_name = ? AND " + condition).param(service).query(Long.class).single();
    }

    private double medianMs(String service, String condition) {
        return jdbc.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ns) / 1e6 FROM spans WHERE service_name = ? AND "
                + condition).param(service).query(Double.class).single();
    }
}
