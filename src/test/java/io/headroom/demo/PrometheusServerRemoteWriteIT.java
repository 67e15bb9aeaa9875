package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scrapes the demo fleet, found
 * through the fleet's HTTP service discovery, and remote-writes to Headroom: every sample
 * Prometheus appended arrives in Headroom unchanged, timestamp and value. Skipped, saying why,
 * where the package is not installed ({@code .ci/run} installs it).
 */
@DemoFleetTest
class PrometheusServerRemoteWriteIT {

    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Prometheus adds it to what it remote-writes, so its series stay apart from those Headroom scrapes itself. */
    private static final String REPLICA = "prometheus-it";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private Process prometheus;

    @AfterEach
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor();
        }
    }

    @Test
    void samplesPrometheusAppendedArriveInHeadroomUnchanged() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PROMETHEUS),
                "Debian's prometheus package is not installed (apt-get install prometheus); .ci/run installs it");
        int prometheusPort = freePort();
        Path work = Files.createTempDirectory(Path.of("target"), "prometheus-it");
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 2s
                  external_labels:
                    replica: %s
                scrape_configs:
                  - job_name: demo
                    http_sd_configs:
                      - url: http://127.0.0.1:%d/api/v1/demo/targets
                        refresh_interval: 2s
                remote_write:
                  - url: http://127.0.0.1:%d/api/v1/write
                    queue_config:
                      batch_send_deadline: 1s
                      max_samples_per_send: 2000
                    metadata_config:
                      send: false
                """.formatted(REPLICA, port, port));
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + prometheusPort + "/api/v1/";

        // Raw samples of the gateway's request counters as Prometheus stored them, once it has a few.
        JsonNode series = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> query(api, "http_server_request_duration_seconds_count{job=\"gateway\"}[20s]"),
                        result -> result.size() > 0 && result.get(0).path("values").size() >= 3);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (JsonNode one : series) {
                var labels = new TreeMap<String, String>();
                one.path("metric").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                labels.put("replica", REPLICA);
                List<String> stored = stored(labels);
                var expected = new ArrayList<String>();
                one.path("values").forEach(sample -> expected.add(sample(
                        Math.round(sample.get(0).asDouble() * 1000), Double.parseDouble(sample.get(1).asText()))));
                assertThat(stored).as("samples of %s in Headroom", labels).containsAll(expected);
            }
        });
    }

    /** The series' samples in Headroom as "millis=value", mapped as remote write maps them: job the service, instance the resource. */
    private List<String> stored(Map<String, String> labels) throws IOException {
        var seriesLabels = new TreeMap<>(labels);
        String name = seriesLabels.remove("__name__");
        String job = seriesLabels.remove("job");
        String instance = seriesLabels.remove("instance");
        return jdbc.sql("""
                SELECT (extract(epoch FROM m.time) * 1000)::bigint AS millis, m.value
                FROM metric_samples m JOIN metric_series s USING (series_id) JOIN resources r USING (resource_id)
                WHERE s.service_name = ? AND s.metric_name = ? AND s.labels = ?::jsonb
                  AND r.attributes ->> 'service.instance.id' = ?""")
                .params(job, name, JSON.writeValueAsString(seriesLabels), instance)
                .query((row, n) -> sample(row.getLong("millis"), row.getDouble("value"))).list();
    }

    private static String sample(long millis, double value) {
        return millis + "=" + value;
    }

    private static JsonNode query(String api, String query) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(api + "query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(5)).build();
        JsonNode answer = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(answer.path("status").asText()).isEqualTo("success");
        return answer.path("data").path("result");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
