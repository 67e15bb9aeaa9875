package io.headroom.kpi.api;

import static io.headroom.ingest.remotewrite.RemoteWriteBodies.CONTENT_TYPE;
import static io.headroom.ingest.remotewrite.RemoteWriteBodies.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.remotewrite.RemoteWriteBodies.Series;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saturation per step from instance metrics with known answers: samples written with exact
 * times over remote write (as a Prometheus server would forward them), read back through
 * {@code /api/v1/services/{s}/saturation} both before and after compaction moved them into chunks.
 */
@HeadroomIntegrationTest
class SaturationApiIT {

    private static final double STALE = Double.longBitsToDouble(0x7ff0000000000002L);

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void gaugesAverageOrSumAcrossInstancesAndCountersBecomeRatesAcrossAReset() {
        String job = TestObjects.uniqueService("saturated");
        long t0 = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond() / 60 * 60 * 1000;
        var response = OtlpClient.post("http://127.0.0.1:" + port + "/api/v1/write", CONTENT_TYPE, "snappy", body(
                // Minute 0: a averages 0.6, b 0.2 -> 0.4 across instances; minute 1: a is stale, b alone -> 0.9.
                series(job, "a:1", "demo_worker_utilization").sample(t0 + 10_000, 0.5).sample(t0 + 40_000, 0.7)
                        .sample(t0 + 70_000, STALE),
                series(job, "b:1", "demo_worker_utilization").sample(t0 + 20_000, 0.2).sample(t0 + 80_000, 0.9),
                series(job, "a:1", "http_server_active_requests").sample(t0 + 10_000, 3),
                series(job, "b:1", "http_server_active_requests").sample(t0 + 10_000, 5),
                // 10 -> 13 -> 16 over 75 s in minute 0 (the first pair starts before it); reset to 1 in minute 1.
                series(job, "a:1", "process_cpu_seconds_total").sample(t0 - 30_000, 10).sample(t0 + 15_000, 13)
                        .sample(t0 + 45_000, 16).sample(t0 + 75_000, 1),
                series(job, "a:1", "up").sample(t0 + 5_000, 1).sample(t0 + 35_000, 0),
                series(job, "b:1", "up").sample(t0 + 5_000, 1)));
        assertThat(response.statusCode()).isEqualTo(204);

        assertKnownAnswers(job, t0);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM metric_chunks c JOIN metric_series s USING (series_id) WHERE s.service_name = ?""")
                .param(job).query(Long.class).single() >= 7);
        assertKnownAnswers(job, t0);
    }

    @Test
    void aServiceWithoutSaturationMetricsHasNoValuesAndAnUnknownOneIs404() {
        String job = TestObjects.uniqueService("unsaturated");
        long now = System.currentTimeMillis();
        assertThat(OtlpClient.post("http://127.0.0.1:" + port + "/api/v1/write", CONTENT_TYPE, "snappy",
                body(series(job, "a:1", "temperature").sample(now, 21))).statusCode()).isEqualTo(204);

        JsonNode answer = new JsonApi(port).get("/api/v1/services/" + job + "/saturation").body();
        assertThat(answer.get("metrics").size()).isZero();
        assertThat(values(answer, "workerUtilisation")).containsOnlyNulls();
        assertThat(values(answer, "cpuCores")).containsOnlyNulls();
        assertThat(answer.get("timestamps").size()).isBetween(60, 61);

        assertThat(new JsonApi(port).get("/api/v1/services/no-such-service-anywhere/saturation").status()).isEqualTo(404);
        var tooManyPoints = new JsonApi(port).get("/api/v1/services/" + job + "/saturation?from=0&step=1m");
        assertThat(tooManyPoints.status()).isEqualTo(400);
        assertThat(tooManyPoints.body().get("message").asText()).contains("use a larger step");
    }

    private void assertKnownAnswers(String job, long t0) {
        JsonNode answer = new JsonApi(port).get("/api/v1/services/%s/saturation?from=%d&to=%d&step=1m"
                .formatted(job, t0 / 1000, (t0 + 180_000) / 1000)).body();
        assertThat(answer.get("stepSeconds").asLong()).isEqualTo(60);
        assertThat(answer.get("timestamps").get(0).asLong()).isEqualTo(t0 / 1000);
        List<Double> utilisation = values(answer, "workerUtilisation");
        assertThat(utilisation.get(0)).isCloseTo(0.4, within(1e-9));
        assertThat(utilisation.get(1)).isCloseTo(0.9, within(1e-9));
        assertThat(utilisation.get(2)).isNull();
        assertThat(values(answer, "inFlight").get(0)).isEqualTo(8.0);
        assertThat(values(answer, "queued")).containsOnlyNulls();
        List<Double> cpu = values(answer, "cpuCores");
        assertThat(cpu.get(0)).isCloseTo(6.0 / 75, within(1e-9));
        assertThat(cpu.get(1)).isCloseTo(1.0 / 30, within(1e-9));
        assertThat(cpu.get(2)).isNull();
        assertThat(values(answer, "instancesUp").get(0)).isCloseTo(1.5, within(1e-9));
        assertThat(answer.get("metrics").get("cpuCores").asText()).isEqualTo("process_cpu_seconds_total");
        assertThat(answer.get("metrics").get("workerUtilisation").asText()).isEqualTo("demo_worker_utilization");
        assertThat(answer.get("metrics").has("queued")).isFalse();
    }

    private static Series series(String job, String instance, String metric) {
        return Series.of("__name__", metric, "instance", instance, "job", job);
    }

    private static List<Double> values(JsonNode answer, String field) {
        var values = new ArrayList<Double>();
        answer.get(field).forEach(value -> values.add(value.isNull() ? null : value.asDouble()));
        return values;
    }
}
