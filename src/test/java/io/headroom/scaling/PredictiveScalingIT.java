package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.kpi.CapacityLedger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forecasts, predictive floors and backtests from 45 minutes of a service's recorded traffic with
 * a 10-minute season ({@link SeasonalTraffic}), sent over OTLP: the forecast continues the season,
 * the policy's floor covers the coming peak, and a backtest replays a policy over the recording.
 */
@HeadroomIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PredictiveScalingIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlp;

    @Autowired
    CapacityLedger ledger;

    @Autowired
    LoadForecasts forecasts;

    @Autowired
    Clock clock;

    @Autowired
    io.headroom.kpi.ServiceKpis kpis;

    private final String service = TestObjects.uniqueService("orders");
    private JsonApi api;

    @BeforeAll
    void recorded() {
        api = new JsonApi(port);
        Instant now = clock.instant();
        SeasonalTraffic.record(service, 45, now, now.plus(java.time.Duration.ofMinutes(3)), ledger, otlp);
        // Committed spans reach the rollups a moment later, and the forecasts read rollups: wait for the whole minutes.
        Instant minute = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        long expected = 0;
        for (long m = minute.getEpochSecond() / 60 - 45; m < minute.getEpochSecond() / 60; m++) {
            expected += Math.round(SeasonalTraffic.rate(m) * 60);
        }
        long whole = expected;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> kpis.summary(service,
                minute.minus(java.time.Duration.ofMinutes(45)), minute).map(summary -> summary.requests() == whole).orElse(false));
    }

    @Test
    void theForecastContinuesTheSeasonWithItsBand() {
        JsonNode forecast = api.get("/api/v1/services/" + service + "/forecast?season=10m").body();

        assertThat(forecast.get("available").asBoolean()).as(forecast.toString()).isTrue();
        assertThat(forecast.get("step").asText()).isEqualTo("1m");
        assertThat(forecast.get("seasonsUsed").asInt()).isEqualTo(4);
        assertThat(forecast.get("points")).hasSize(60);
        for (int i = 0; i < 20; i++) {
            JsonNode point = forecast.get("points").get(i);
            long minute = Instant.parse(point.get("at").asText()).getEpochSecond() / 60;
            assertThat(point.get("expected").asDouble()).as("minute %d", i).isCloseTo(SeasonalTraffic.rate(minute), within(0.05));
            assertThat(point.get("low").asDouble()).isLessThanOrEqualTo(point.get("expected").asDouble());
            assertThat(point.get("high").asDouble()).isGreaterThanOrEqualTo(point.get("expected").asDouble());
        }
        assertThat(forecast.get("model").asText()).startsWith("seasonal naive");
    }

    @Test
    void withTooLittleHistoryThereIsNoForecastAndTheAnswerSaysWhy() {
        JsonNode daily = api.get("/api/v1/services/" + service + "/forecast").body();
        assertThat(daily.get("season").asText()).as("a day unless a predictive policy says otherwise").isEqualTo("1d");
        assertThat(daily.get("available").asBoolean()).isFalse();
        assertThat(daily.get("unavailable").asText()).startsWith("needs 1d1h of history (a season of 1d and 1h), has ");
        assertThat(api.get("/api/v1/services/no-such-service/forecast").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/services/" + service + "/forecast?season=1m").status()).isEqualTo(400);
    }

    @Test
    void aPredictivePolicyAsksForTheInstancesTheComingPeakNeeds() {
        JsonNode created = api.post("/api/v1/scaling/policies", """
                {"service": "%s", "metric": "requests_per_instance", "target": 2, "minInstances": 1, "maxInstances": 10,
                 "predictive": {"season": "10m", "lead": "3m"}}""".formatted(service)).body();
        try {
            assertThat(created.get("predictive").get("requestsPerInstance").asDouble()).as("the target, by default").isEqualTo(2);
            assertThat(api.get("/api/v1/services/" + service + "/forecast").body().get("season").asText())
                    .as("the policy's season").isEqualTo("10m");

            Instant now = clock.instant();
            PolicyInput.ForecastFloor floor = forecasts.floor(service, new Predictive(SeasonalTraffic.SEASON, 2,
                    java.time.Duration.ofMinutes(3)), now);
            long minute = now.getEpochSecond() / 60;
            double peak = Math.max(Math.max(SeasonalTraffic.rate(minute), SeasonalTraffic.rate(minute + 1)),
                    Math.max(SeasonalTraffic.rate(minute + 2), SeasonalTraffic.rate(minute + 3)));
            assertThat(floor.instances()).as(floor.why()).isBetween((int) Math.ceil(peak / 2) - 1, (int) Math.ceil(peak / 2));
            assertThat(floor.why()).matches("peak [0-9.]+ req/s expected within 3m at 2 req/s per instance needs \\d+");
        } finally {
            api.delete("/api/v1/scaling/policies/" + created.get("id").asText());
        }
    }

    @Test
    void aBacktestReplaysAPolicyOverTheRecordingWithItsLikelyP99AndCost() {
        assertThat(api.put("/api/v1/services/" + service + "/price", "{\"pricePerInstanceHour\": 0.5}").status()).isEqualTo(200);
        String reactive = """
                {"service": "%s", "metric": "requests_per_instance", "target": 2, "minInstances": 1, "maxInstances": 10}"""
                .formatted(service);
        JsonApi.Answer answer = api.post("/api/v1/scaling/backtest?window=30m", reactive);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode report = answer.body();
        JsonNode summary = report.get("summary");

        assertThat(report.get("timestamps")).hasSize(30);
        assertThat(report.get("curve").size()).isGreaterThan(3);
        double recordedHours = 0;
        for (JsonNode count : report.get("recordedInstances")) {
            recordedHours += count.asDouble() / 60;
        }
        assertThat(summary.get("recordedInstanceHours").asDouble()).isCloseTo(recordedHours, within(1e-6));
        assertThat(summary.get("instanceHours").asDouble()).isGreaterThan(0);
        assertThat(summary.get("cost").asDouble()).isCloseTo(summary.get("instanceHours").asDouble() * 0.5, within(1e-9));
        assertThat(summary.get("changes").asInt()).as("the season rises and falls").isGreaterThan(0);
        assertThat(report.get("changes").get(0).get("why").asText()).contains("requests_per_instance");
        assertThat(summary.get("likelyP99MaxMs").asDouble()).isBetween(10.0, 60.0);
        assertThat(report.get("notes").get(0).asText()).startsWith("instances count as serving");
        assertThat(report.get("warmupSeconds").asLong()).isZero();
        assertThat(report.get("servingInstances")).isEqualTo(report.get("instances"));

        // Requests per instance counts the instances still starting (as idle), so the policy decides as before; they serve later.
        JsonNode warming = api.post("/api/v1/scaling/backtest?window=30m&warmup=2m", reactive).body();
        assertThat(warming.get("warmupSeconds").asLong()).isEqualTo(120);
        assertThat(warming.get("instances")).isEqualTo(report.get("instances"));
        boolean someStarting = false;
        for (int i = 0; i < warming.get("instances").size(); i++) {
            double serving = warming.get("servingInstances").get(i).asDouble();
            assertThat(serving).isLessThanOrEqualTo(warming.get("instances").get(i).asDouble());
            someStarting |= serving < warming.get("instances").get(i).asDouble();
        }
        assertThat(someStarting).as("the season's rises wait for their instances").isTrue();
        assertThat(warming.get("summary").get("likelyP99MaxMs").asDouble()).isGreaterThanOrEqualTo(summary.get("likelyP99MaxMs").asDouble());
        assertThat(warming.get("notes").get(0).asText()).startsWith("instances the policy adds serve 2m after it asks for them");

        JsonNode predictive = api.post("/api/v1/scaling/backtest?window=30m", reactive.replace("}",
                ", \"predictive\": {\"season\": \"10m\", \"lead\": \"3m\"}}")).body();
        assertThat(predictive.get("changes").findValuesAsText("why")).anyMatch(why -> why.contains("by the forecast"));
        assertThat(predictive.get("summary").get("instanceHours").asDouble())
                .as("a floor only adds capacity").isGreaterThanOrEqualTo(summary.get("instanceHours").asDouble() - 1e-9);
    }

    @Test
    void aBacktestRefusesWhatItCannotReplay() {
        assertThat(api.post("/api/v1/scaling/backtest", """
                {"service": "%s", "metric": "utilisation", "target": 0.6, "minInstances": 1, "maxInstances": 10,
                 "predictive": {"season": "10m"}}""".formatted(service)).body().get("message").asText())
                .contains("predictive.requestsPerInstance is required");
        assertThat(api.post("/api/v1/scaling/backtest?window=8d", """
                {"service": "%s", "metric": "utilisation", "target": 0.6, "minInstances": 1, "maxInstances": 10}""".formatted(service))
                .status()).isEqualTo(400);
        String policy = """
                {"service": "%s", "metric": "utilisation", "target": 0.6, "minInstances": 1, "maxInstances": 10}""".formatted(service);
        assertThat(api.post("/api/v1/scaling/backtest?warmup=2h", policy).body().get("message").asText())
                .isEqualTo("warmup must be at most 30m");
        assertThat(api.post("/api/v1/scaling/backtest?warmup=soon", policy).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/scaling/backtest", """
                {"service": "no-such-service", "metric": "utilisation", "target": 0.6, "minInstances": 1, "maxInstances": 10}""")
                .status()).isEqualTo(404);
    }
}
