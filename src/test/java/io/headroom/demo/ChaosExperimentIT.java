package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.JsonApi;
import io.headroom.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Experiments on the demo fleet's real instances: 800 ms of latency on inventory, whose steady
 * state is p99 < 300 ms, is caught by the first check that sees it, aborted and rolled back, and
 * the report tells how long detection took; a double-submitted start creates one run; the kill
 * switch refuses experiments and faults until it is released.
 */
@DemoFleetTest
class ChaosExperimentIT {

    private static final String SERVICE = "inventory";
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    @LocalServerPort
    int port;

    @Test
    void aLatencyExperimentAbortsAtTheBreachRollsBackAndReportsTimeToDetect() throws Exception {
        var api = new JsonApi(port);
        SteadyServices.awaitSteadyState(api, SERVICE);
        JsonNode proposal = api.get("/api/v1/services/" + SERVICE + "/chaos/steady-state").body();
        assertThat(proposal.get("steadyState").findValuesAsText("kpi")).containsExactly("p99", "error_rate");
        assertThat(proposal.get("steadyState").get(0).get("threshold").asDouble()).as("inventory's p99 bound from its history: %s", proposal)
                .isBetween(50.0, 300.0);

        long experiment = create(api, "inventory tolerates 800 ms " + System.nanoTime(), 800);

        // Two clicks at once: one run.
        var ready = new CountDownLatch(1);
        List<CompletableFuture<JsonApi.Answer>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(ready);
                return api.post("/api/v1/chaos/experiments/" + experiment + "/runs", "");
            }));
        }
        ready.countDown();
        List<JsonApi.Answer> answers = starts.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(JsonApi.Answer::status).as("%s", answers).containsExactlyInAnyOrder(201, 409);
        JsonNode started = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow().body();
        JsonNode second = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow().body();
        long run = started.get("id").asLong();
        assertThat(second.get("error").asText()).isEqualTo("already_running");
        assertThat(second.get("run").asLong()).isEqualTo(run);
        assertThat(api.get("/api/v1/chaos/runs?experiment=" + experiment).body().get("runs")).hasSize(1);
        String faultId = started.get("faultIds").get(0).asText();
        assertThat(started.get("timeline").findValuesAsText("kind")).containsExactly("check_before", "fault_started");

        JsonNode aborted = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                // The run ends before its rollback runs (ending it is what keeps a second ender out): wait for both.
                .until(() -> api.get("/api/v1/chaos/runs/" + run).body(), r -> !r.get("status").asText().equals("RUNNING")
                        && r.get("timeline").findValuesAsText("kind").contains("rollback"));
        assertThat(aborted.get("status").asText()).isEqualTo("ABORTED");
        assertThat(aborted.get("endReason").asText()).startsWith("steady state broken: p99").contains("breaks p99 < 300 ms");
        assertThat(aborted.get("hypothesisHeld").asBoolean()).isFalse();

        List<JsonNode> timeline = new ArrayList<>();
        aborted.get("timeline").forEach(timeline::add);
        JsonNode breach = timeline.stream().filter(e -> e.get("kind").asText().equals("breach")).findFirst().orElseThrow();
        JsonNode abort = timeline.stream().filter(e -> e.get("kind").asText().equals("aborted")).findFirst().orElseThrow();
        assertThat(Duration.between(at(breach), at(abort))).as("aborted by the check that saw the breach").isLessThan(CHECK_INTERVAL);
        JsonNode lastHeld = timeline.stream().filter(e -> e.get("kind").asText().equals("check") && at(e).isBefore(at(breach)))
                .reduce((a, b) -> b).orElse(null);
        if (lastHeld != null) {
            assertThat(Duration.between(at(lastHeld), at(breach))).as("the breach was seen by the next check")
                    .isLessThanOrEqualTo(CHECK_INTERVAL.plusSeconds(2));
        }
        JsonNode rollback = timeline.stream().filter(e -> e.get("kind").asText().equals("rollback")).findFirst().orElseThrow();
        assertThat(rollback.get("message").asText()).isEqualTo("stopped latency +800 ms on all requests");
        JsonNode fault = api.get("/api/v1/faults/" + faultId).body();
        assertThat(fault.get("active").asBoolean()).as("the fault is over: %s", fault).isFalse();

        JsonNode report = api.get("/api/v1/chaos/runs/" + run + "/report").body();
        double detected = report.get("detectedAfterSeconds").asDouble();
        System.out.printf("Chaos experiment: 800 ms on %s detected by the steady-state check %.1f s after the start, aborted at once%n",
                SERVICE, detected);
        assertThat(detected).isBetween(0.0, 45.0);
        assertThat(report.get("before").get("p99Ms").asDouble()).isLessThan(300);
        assertThat(report.get("during").get("p99Ms").asDouble()).as("the fault's latency in the run's KPIs").isGreaterThan(800);

        JsonNode audit = api.get("/api/v1/audit?window=10m&service=" + SERVICE + "&action=chaos.experiment-rollback").body();
        assertThat(audit.findValuesAsText("actor")).as("the guard's rollback is audited under its name").contains("chaos-guard");
        assertThat(audit.findValuesAsText("outcome")).contains("DONE");

        String markdown = markdown(run);
        assertThat(markdown).startsWith("# Chaos experiment: inventory tolerates 800 ms")
                .contains("- **Outcome:** aborted; the hypothesis did not hold")
                .contains("**Time to detect (steady-state check):** ")
                .contains("| before (");

        // After the rollback the steady state is checked again, over whole minutes without the fault.
        JsonNode verified = await().atMost(Duration.ofSeconds(200)).pollInterval(Duration.ofSeconds(2))
                .until(() -> api.get("/api/v1/chaos/runs/" + run).body(), r -> !r.get("recovered").isNull());
        assertThat(verified.get("recovered").asBoolean()).as("%s", verified.get("timeline")).isTrue();
        assertThat(verified.get("hypothesisHeld").asBoolean()).isFalse();
        JsonNode after = api.get("/api/v1/chaos/runs/" + run + "/report").body().get("after");
        assertThat(after.get("p99Ms").asDouble()).isLessThan(300);
    }

    @Test
    void aStartIsRefusedWhenTheSteadyStateDoesNotHoldAndTheRefusalIsRecorded() {
        var api = new JsonApi(port);
        JsonApi.Answer created = api.post("/api/v1/chaos/experiments", """
                {"name": "impossible %d", "service": "%s", "faults": [{"type": "latency", "magnitude": 100}], "durationSeconds": 30,
                 "steadyState": [{"kpi": "p99", "comparison": "<", "threshold": 0.001}]}""".formatted(System.nanoTime(), SERVICE));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        JsonApi.Answer refused = api.post("/api/v1/chaos/experiments/" + created.body().get("id").asLong() + "/runs", "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("error").asText()).isEqualTo("refused");
        assertThat(refused.body().get("message").asText()).startsWith("the steady state does not hold before the start: p99 ");
        JsonNode run = api.get("/api/v1/chaos/runs/" + refused.body().get("run").asLong()).body();
        assertThat(run.get("status").asText()).isEqualTo("REFUSED");
        assertThat(run.get("faultIds")).isEmpty();
        assertThat(run.get("timeline").findValuesAsText("kind")).containsExactly("check_before", "refused");
    }

    @Test
    void aGameDayStartsByItselfUnderTheSameGuards() {
        var api = new JsonApi(port);
        // Every 10 s, with a steady state nothing meets: each start is refused, recorded, and injects nothing.
        JsonApi.Answer created = api.post("/api/v1/chaos/experiments", """
                {"name": "gameday %d", "service": "%s", "faults": [{"type": "latency", "magnitude": 100}], "durationSeconds": 30,
                 "steadyState": [{"kpi": "p99", "comparison": "<", "threshold": 0.001}],
                 "schedule": {"cron": "*/10 * * * * *", "zone": "Europe/Berlin"}}""".formatted(System.nanoTime(), SERVICE));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long experiment = created.body().get("id").asLong();
        try {
            assertThat(created.body().get("schedule").get("zone").asText()).isEqualTo("Europe/Berlin");
            // A start is recorded as RUNNING first and refused a moment later: wait for the first run's refusal.
            JsonNode runs = await().atMost(Duration.ofSeconds(40)).until(
                    () -> api.get("/api/v1/chaos/runs?experiment=" + experiment).body().get("runs"),
                    newestFirst -> !newestFirst.isEmpty() && !newestFirst.get(newestFirst.size() - 1).get("status").asText().equals("RUNNING"));
            JsonNode run = runs.get(runs.size() - 1);
            assertThat(run.get("startedBy").asText()).isEqualTo("gameday");
            assertThat(run.get("status").asText()).isEqualTo("REFUSED");
            assertThat(run.get("endReason").asText()).startsWith("the steady state does not hold before the start");
            JsonNode audit = api.get("/api/v1/audit?window=5m&actor=gameday&action=chaos.experiment-start").body();
            assertThat(audit.findValuesAsText("outcome")).as("the scheduled start is audited under its own name").contains("DONE");
        } finally {
            assertThat(api.delete("/api/v1/chaos/experiments/" + experiment).status()).isEqualTo(204);
        }
    }

    @Test
    void theKillSwitchRefusesExperimentsAndFaultsUntilReleased() {
        var admin = new JsonApi(port);
        long experiment = create(admin, "kill switch " + System.nanoTime(), 50);
        String viewer = "viewer-" + System.nanoTime();
        assertThat(admin.post("/api/v1/users", """
                {"username": "%s", "password": "a-long-viewer-password", "role": "viewer"}""".formatted(viewer)).status()).isEqualTo(201);
        JsonApi.Answer denied = JsonApi.as(port, viewer, "a-long-viewer-password").post("/api/v1/chaos/kill-switch", "{\"engaged\": true}");
        assertThat(denied.status()).isEqualTo(403);
        try {
            JsonApi.Answer engaged = admin.post("/api/v1/chaos/kill-switch", "{\"engaged\": true, \"reason\": \"incident 42\"}");
            assertThat(engaged.status()).as(engaged.body().toString()).isEqualTo(200);
            assertThat(engaged.body().get("state").get("engaged").asBoolean()).isTrue();
            assertThat(admin.get("/api/v1/chaos/kill-switch").body().get("reason").asText()).isEqualTo("incident 42");

            JsonApi.Answer start = admin.post("/api/v1/chaos/experiments/" + experiment + "/runs", "");
            assertThat(start.status()).isEqualTo(409);
            assertThat(start.body().get("message").asText()).startsWith("the chaos kill switch is engaged (by admin").contains("incident 42");
            JsonApi.Answer fault = admin.post("/api/v1/services/" + SERVICE + "/faults", "{\"type\": \"latency\", \"magnitude\": 50, \"durationSeconds\": 5}");
            assertThat(fault.status()).isEqualTo(409);
            assertThat(fault.body().get("error").asText()).isEqualTo("kill_switch");
            assertThat(admin.get("/api/v1/audit?window=5m&action=chaos.kill-switch-engage").body().findValuesAsText("outcome")).contains("DONE");
        } finally {
            JsonApi.Answer released = admin.post("/api/v1/chaos/kill-switch", "{\"engaged\": false}");
            assertThat(released.body().get("state").get("engaged").asBoolean()).isFalse();
        }
    }

    private long create(JsonApi api, String name, int latencyMs) {
        JsonApi.Answer created = api.post("/api/v1/chaos/experiments", """
                {"name": "%s", "service": "%s", "faults": [{"type": "latency", "magnitude": %d}], "durationSeconds": 120,
                 "steadyState": [{"kpi": "p99", "comparison": "<", "threshold": 300}, {"kpi": "error_rate", "comparison": "<", "threshold": 0.05}],
                 "recoverySeconds": 0}""".formatted(name, SERVICE, latencyMs));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private String markdown(long run) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/chaos/runs/" + run + "/report.md"))
                .header("Authorization", TestUsers.adminBasic()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        return response.body();
    }

    private static Instant at(JsonNode event) {
        return Instant.parse(event.get("at").asText());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
