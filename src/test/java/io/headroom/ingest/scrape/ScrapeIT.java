package io.headroom.ingest.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Headroom scrapes real exporters (the Prometheus Java client's HTTP server) and stores what they
 * expose as Prometheus would: values, labels with the target's job and instance, {@code up},
 * {@code scrape_samples_scraped}, stale markers for series that went away; and a failing target
 * is shown down with the reason. A job's instances are counted from its {@code up} series and
 * costed, as no scale target runs it.
 */
@HeadroomIntegrationTest
@TestPropertySource(properties = {"headroom.scrape.interval=1s", "headroom.scrape.timeout=1s",
        "headroom.scrape.refresh-interval=1s", "headroom.scrape.sample-limit=500", "headroom.scrape.body-size-limit=64KB",
        "headroom.scaling.reported-instances-interval=1s"})
class ScrapeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private HTTPServer exporter;
    private HttpServer raw;

    @AfterEach
    void closeServers() {
        if (exporter != null) {
            exporter.close();
        }
        if (raw != null) {
            raw.stop(0);
        }
    }

    @Test
    void aTargetAddedOverTheApiIsScrapedAndItsSamplesStoredExactly() throws IOException {
        var registry = new PrometheusRegistry();
        Counter requests = Counter.builder().name("shop_requests_total").help("Requests").labelNames("path", "code")
                .withoutExemplars().register(registry);
        requests.labelValues("/cart \"quoted\"\\", "200").inc(41);
        Gauge queue = Gauge.builder().name("shop_queue_depth").help("Queue").withoutExemplars().register(registry);
        queue.set(-2.5);
        Histogram latency = Histogram.builder().name("shop_latency_seconds").help("Latency").classicUpperBounds(0.1, 1)
                .classicOnly().withoutExemplars().register(registry);
        latency.observe(0.05);
        latency.observe(0.5);
        exporter = HTTPServer.builder().port(0).registry(registry).buildAndStart();
        String job = TestObjects.uniqueService("scrape");
        String url = "http://127.0.0.1:" + exporter.getPort() + "/metrics";

        var created = addTarget(Map.of("job", job, "url", url, "labels", Map.of("team", "shop")));
        assertThat(created.status()).isEqualTo(201);

        JsonNode target = await().atMost(WAIT).until(() -> target(url), node -> node != null && node.path("health").asText().equals("up"));
        assertThat(target.path("labels").path("instance").asText()).isEqualTo("127.0.0.1:" + exporter.getPort());
        assertThat(target.path("labels").path("team").asText()).isEqualTo("shop");
        assertThat(target.path("source").asText()).isEqualTo("ui");
        assertThat(target.path("lastError").asText()).isEmpty();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(latest(job, "shop_requests_total", "{\"code\": \"200\", \"path\": \"/cart \\\"quoted\\\"\\\\\", \"team\": \"shop\"}"))
                    .isEqualTo(41.0);
            assertThat(latest(job, "shop_queue_depth", "{\"team\": \"shop\"}")).isEqualTo(-2.5);
            assertThat(latest(job, "shop_latency_seconds_bucket", "{\"le\": \"0.1\", \"team\": \"shop\"}")).isEqualTo(1.0);
            assertThat(latest(job, "shop_latency_seconds_bucket", "{\"le\": \"+Inf\", \"team\": \"shop\"}")).isEqualTo(2.0);
            assertThat(latest(job, "shop_latency_seconds_sum", "{\"team\": \"shop\"}")).isEqualTo(0.55);
            assertThat(latest(job, "up", "{\"team\": \"shop\"}")).isEqualTo(1.0);
            assertThat(latest(job, "scrape_samples_scraped", "{\"team\": \"shop\"}")).isEqualTo(7.0);
        });
        assertThat(jdbc.sql("SELECT DISTINCT metric_type FROM metric_series WHERE service_name = ? AND metric_name LIKE 'shop_latency%'")
                .param(job).query(String.class).list()).containsExactly("histogram");
    }

    @Test
    void aJobRunsAsManyInstancesAsItsTargetsAreUpAndCostsThat() throws IOException {
        var registry = new PrometheusRegistry();
        Gauge.builder().name("shop_ready").help("Ready").withoutExemplars().register(registry).set(1);
        exporter = HTTPServer.builder().port(0).registry(registry).buildAndStart();
        HTTPServer second = HTTPServer.builder().port(0).registry(registry).buildAndStart();
        String job = TestObjects.uniqueService("scrape-instances");
        try {
            for (HTTPServer server : List.of(exporter, second)) {
                assertThat(addTarget(Map.of("job", job, "url", "http://127.0.0.1:" + server.getPort() + "/metrics")).status())
                        .isEqualTo(201);
            }
            assertThat(api().put("/api/v1/services/" + job + "/price", "{\"pricePerInstanceHour\": 0.5}").status()).isEqualTo(200);

            JsonNode both = await().atMost(WAIT).until(() -> capacity(job), capacity -> capacity.path("instances").asInt() == 2);
            assertThat(both.path("costPerHour").asDouble()).isEqualTo(1.0);
        } finally {
            second.close();
        }
        // The closed exporter's target is down: up = 0, so one instance runs and costs half.
        JsonNode one = await().atMost(WAIT).until(() -> capacity(job), capacity -> capacity.path("instances").asInt() == 1);
        assertThat(one.path("costPerHour").asDouble()).isEqualTo(0.5);
    }

    private JsonNode capacity(String job) {
        return api().get("/api/v1/services/" + job + "?window=5m").body().path("capacity");
    }

    @Test
    void aSeriesThatDisappearsAndARemovedTargetGetStaleMarkers() throws IOException {
        var registry = new PrometheusRegistry();
        Gauge temporary = Gauge.builder().name("temporary_gauge").help("Goes away").withoutExemplars().register(registry);
        temporary.set(1);
        exporter = HTTPServer.builder().port(0).registry(registry).buildAndStart();
        String job = TestObjects.uniqueService("scrape-stale");
        String url = "http://127.0.0.1:" + exporter.getPort() + "/metrics";
        long id = addTarget(Map.of("job", job, "url", url)).body().path("id").asLong();

        await().atMost(WAIT).until(() -> latest(job, "temporary_gauge", "{}") != null);
        registry.unregister(temporary);
        await().atMost(WAIT).until(() -> endedSeries(job).contains("temporary_gauge"));
        assertThat(endedSeries(job)).doesNotContain("up");

        assertThat(api().delete("/api/v1/targets/" + id).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> endedSeries(job).containsAll(List.of("up", "scrape_duration_seconds", "scrape_samples_scraped")));
        await().atMost(WAIT).until(() -> target(url) == null);
    }

    @Test
    void failingTargetsAreDownWithTheReasonAndUpZero() throws IOException {
        String refusedUrl = "http://127.0.0.1:" + unusedPort() + "/metrics";
        raw = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        raw.createContext("/broken", exchange -> reply(exchange, 200, "metric_without_value\n"));
        raw.createContext("/error", exchange -> reply(exchange, 500, "boom"));
        raw.createContext("/many", exchange -> reply(exchange, 200, manySamples(600)));
        raw.createContext("/huge", exchange -> reply(exchange, 200, "# HELP huge " + "x".repeat(70_000) + "\nhuge 1\n"));
        raw.start();
        String base = "http://127.0.0.1:" + raw.getAddress().getPort();
        String job = TestObjects.uniqueService("scrape-down");
        for (String url : List.of(refusedUrl, base + "/broken", base + "/error", base + "/many", base + "/huge")) {
            // A label of its own each: targets on one host and port would otherwise share their up series, as in Prometheus.
            String path = url.substring(url.lastIndexOf('/') + 1);
            assertThat(addTarget(Map.of("job", job, "url", url, "labels", Map.of("path", path))).status()).isEqualTo(201);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(error(refusedUrl)).isEqualTo("connection refused");
            assertThat(error(base + "/broken")).startsWith("line 1: ");
            assertThat(error(base + "/error")).isEqualTo("server returned HTTP status 500");
            assertThat(error(base + "/many")).contains("sample limit 500");
            assertThat(error(base + "/huge")).isEqualTo("body size limit of 65536 bytes exceeded");
        });
        assertThat(target(refusedUrl).path("health").asText()).isEqualTo("down");
        await().atMost(WAIT).until(() -> jdbc.sql("""
                SELECT count(DISTINCT s.series_id) FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = ? AND s.metric_name = 'up' AND m.value = 0""").param(job).query(Long.class).single() == 5);
    }

    @Test
    void invalidTargetsAreRefusedWithTheReason() {
        var badUrl = addTarget(Map.of("job", "x", "url", "ftp://host/metrics"));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.body().path("error").asText()).startsWith("URL must be an absolute http or https URL");

        var badJob = addTarget(Map.of("job", " ", "url", "http://host:9100/metrics"));
        assertThat(badJob.status()).isEqualTo(400);
        assertThat(badJob.body().path("error").asText()).startsWith("job must be 1 to 128 characters");

        var badLabel = addTarget(Map.of("job", "x", "url", "http://host:9100", "labels", Map.of("__x", "1")));
        assertThat(badLabel.status()).isEqualTo(400);

        String job = TestObjects.uniqueService("scrape-dup");
        assertThat(addTarget(Map.of("job", job, "url", "http://127.0.0.1:1/metrics")).status())
                .isEqualTo(201);
        var duplicate = addTarget(Map.of("job", job, "url", "http://127.0.0.1:1/metrics"));
        assertThat(duplicate.status()).isEqualTo(409);

        assertThat(api().delete("/api/v1/targets/987654321").status()).isEqualTo(404);
    }

    private static String manySamples(int count) {
        var body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("many{i=\"").append(i).append("\"} 1\n");
        }
        return body.toString();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static int unusedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Double latest(String job, String metric, String labels) {
        return jdbc.sql("""
                SELECT m.value FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = ? AND s.metric_name = ? AND s.labels = ?::jsonb AND m.value IS NOT NULL
                ORDER BY m.time DESC LIMIT 1""").params(job, metric, labels).query(Double.class).optional().orElse(null);
    }

    private List<String> endedSeries(String job) {
        return jdbc.sql("""
                SELECT DISTINCT s.metric_name FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = ? AND m.value IS NULL""").param(job).query(String.class).list();
    }

    private JsonNode target(String url) {
        for (JsonNode node : api().get("/api/v1/targets").body().path("data").path("activeTargets")) {
            if (node.path("scrapeUrl").asText().equals(url)) {
                return node;
            }
        }
        return null;
    }

    private String error(String url) {
        JsonNode node = target(url);
        return node == null ? null : node.path("lastError").asText();
    }

    private JsonApi api() {
        return new JsonApi(port);
    }

    private JsonApi.Answer addTarget(Map<String, ?> target) {
        try {
            return api().post("/api/v1/targets", JSON.writeValueAsString(target));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
