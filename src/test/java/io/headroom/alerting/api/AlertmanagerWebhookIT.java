package io.headroom.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alerts from existing Alertmanagers: the real one from Debian's {@code prometheus-alertmanager}
 * package delivers to {@code POST /api/v1/alertmanager} with a bearer token, and its alert shows
 * beside Headroom's with its runbook link and the fingerprint Alertmanager gave it; hand-made
 * payloads check deduplication, the token, and what hostile bodies get.
 */
@HeadroomIntegrationTest
class AlertmanagerWebhookIT {

    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private String token;
    private Process alertmanager;

    @BeforeEach
    void token() {
        JsonApi.Answer made = new JsonApi(port).post("/api/v1/tokens",
                "{\"name\": \"am-" + Long.toHexString(System.nanoTime()) + "\", \"scope\": \"alertmanager\"}");
        assertThat(made.status()).isEqualTo(201);
        token = made.body().get("token").asText();
    }

    @AfterEach
    void stopAlertmanager() throws InterruptedException {
        if (alertmanager != null) {
            alertmanager.destroy();
            alertmanager.waitFor();
        }
    }

    @Test
    void aRealAlertmanagerDeliversAnAlertThatShowsWithItsRunbook() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ALERTMANAGER),
                "Debian's prometheus-alertmanager package is not installed (apt-get install prometheus-alertmanager); .ci/run installs it");
        String service = TestObjects.uniqueService("disk");
        int amPort = freePort();
        Path work = Files.createTempDirectory(Path.of("target"), "alertmanager-it");
        Path config = work.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: headroom
                  group_by: [alertname, service]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: headroom
                    webhook_configs:
                      - url: http://127.0.0.1:%d/api/v1/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(port, token));
        alertmanager = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + config, "--storage.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + amPort, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(work.resolve("alertmanager.log").toFile()).start();
        String am = "http://127.0.0.1:" + amPort + "/api/v2/";
        String alerts = """
                [{"labels": {"alertname": "DiskFull", "service": "%s", "severity": "critical"},
                  "annotations": {"summary": "disk almost full", "runbook_url": "https://runbooks.example/disk-full"},
                  "generatorURL": "http://prometheus.example/graph?g0.expr=disk"}]""".formatted(service);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> post(am + "alerts", null, alerts).statusCode() == 200);

        var api = new JsonApi(port);
        JsonNode alert = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("/api/v1/alerts?service=" + service).body().get("alerts"), a -> a.size() == 1).get(0);
        assertThat(alert.get("source").asText()).isEqualTo("alertmanager");
        assertThat(alert.get("state").asText()).isEqualTo("FIRING");
        assertThat(alert.get("name").asText()).isEqualTo("DiskFull");
        assertThat(alert.get("runbookUrl").asText()).isEqualTo("https://runbooks.example/disk-full");
        assertThat(alert.get("generatorUrl").asText()).isEqualTo("http://prometheus.example/graph?g0.expr=disk");
        JsonNode inAlertmanager = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(am + "alerts")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String amFingerprint = null;
        for (JsonNode one : inAlertmanager) {
            if (one.get("labels").get("service").asText().equals(service)) {
                amFingerprint = one.get("fingerprint").asText();
            }
        }
        assertThat(alert.get("fingerprint").asText()).as("the fingerprint Alertmanager gave it").isEqualTo(amFingerprint);
    }

    @Test
    void resentAlertsAreOneAlertAndResolvedOnesAreKept() {
        String service = TestObjects.uniqueService("am");
        String firing = payload(service, "firing", "\"endsAt\": \"0001-01-01T00:00:00Z\"");
        assertThat(post("/api/v1/alertmanager", "Bearer " + token, firing).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/alertmanager", "Bearer " + token, firing).statusCode()).isEqualTo(200);
        var api = new JsonApi(port);
        assertThat(api.get("/api/v1/alerts?service=" + service).body().get("alerts")).hasSize(1);

        HttpResponse<String> resolved = post("/api/v1/alertmanager", "Bearer " + token,
                payload(service, "resolved", "\"endsAt\": \"" + Instant.now().minusSeconds(1) + "\""));
        assertThat(resolved.body()).contains("\"received\":1");
        assertThat(api.get("/api/v1/alerts?service=" + service).body().get("alerts")).isEmpty();
        JsonNode all = api.get("/api/v1/alerts?state=firing,resolved&service=" + service).body().get("alerts");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).get("state").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void onlyAnAlertmanagerTokenMayPost() {
        String body = payload(TestObjects.uniqueService("am"), "firing", "\"endsAt\": \"0001-01-01T00:00:00Z\"");
        assertThat(post("/api/v1/alertmanager", null, body).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/alertmanager", TestUsers.adminBasic(), body).statusCode()).as("a user, even an administrator")
                .isEqualTo(403);
        String read = new JsonApi(port).post("/api/v1/tokens",
                "{\"name\": \"read-" + Long.toHexString(System.nanoTime()) + "\", \"scope\": \"read\"}").body().get("token").asText();
        assertThat(post("/api/v1/alertmanager", "Bearer " + read, body).statusCode()).isEqualTo(403);
    }

    @Test
    void hostilePayloadsAreStoredAsTextOrRefusedWithTheReason() throws Exception {
        String service = TestObjects.uniqueService("am");
        String hostile = """
                {"version": "4", "status": "firing", "receiver": "x", "alerts": [
                  {"status": "firing", "labels": {"alertname": "<script>alert(1)</script>", "service": "%s"},
                   "annotations": {"runbook_url": "javascript:alert(document.cookie)", "summary": "<img src=x onerror=alert(2)>"},
                   "startsAt": "2026-12-06T10:00:00Z"}]}""".formatted(service);
        assertThat(post("/api/v1/alertmanager", "Bearer " + token, hostile).statusCode()).isEqualTo(200);
        JsonNode alert = new JsonApi(port).get("/api/v1/alerts?service=" + service).body().get("alerts").get(0);
        assertThat(alert.get("name").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(alert.get("runbookUrl").isNull()).as("a javascript: runbook is not a link").isTrue();
        assertThat(alert.get("annotations").get("runbook_url").asText()).isEqualTo("javascript:alert(document.cookie)");

        String manyLabels = IntStream.range(0, 10_000).mapToObj(i -> "\"l" + i + "\": \"v\"").collect(Collectors.joining(", "));
        assertRefused(400, "{\"version\": \"4\", \"alerts\": [{\"status\": \"firing\", \"labels\": {" + manyLabels
                + "}, \"startsAt\": \"2026-12-06T10:00:00Z\"}]}", "alerts[0].labels has 10000 entries");
        assertRefused(400, "{\"version\": \"3\", \"alerts\": []}", "version must be \"4\"");
        assertRefused(400, "{\"version\": \"4\", \"alerts\": [", "body is not JSON");
        assertRefused(400, "[]", "body must be an Alertmanager webhook payload");
        assertRefused(400, "{\"version\": \"4\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"a b\": \"c\"}, "
                + "\"startsAt\": \"2026-12-06T10:00:00Z\"}]}", "alerts[0]: labels names are like");
        assertRefused(400, "{\"version\": \"4\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": 1}, "
                + "\"startsAt\": \"2026-12-06T10:00:00Z\"}]}", "alerts[0].labels values must be strings");
        assertRefused(400, "{\"version\": \"4\", \"alerts\": [{\"status\": \"firing\", \"labels\": {\"a\": \"b\"}, "
                + "\"startsAt\": \"yesterday\"}]}", "alerts[0].startsAt must be an RFC 3339 time");
        assertRefused(413, "{\"version\": \"4\", \"pad\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}", "over the limit");
    }

    private void assertRefused(int status, String body, String reason) throws IOException {
        HttpResponse<String> answer = post("/api/v1/alertmanager", "Bearer " + token, body);
        assertThat(answer.statusCode()).as(reason).isEqualTo(status);
        assertThat(JSON.readTree(answer.body()).get("message").asText()).contains(reason);
    }

    private static String payload(String service, String status, String endsAt) {
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"QueueBacklog\\"}", "status": "%s", "receiver": "headroom",
                 "groupLabels": {"alertname": "QueueBacklog"}, "commonLabels": {}, "commonAnnotations": {},
                 "externalURL": "http://alertmanager.example", "truncatedAlerts": 0,
                 "alerts": [{"status": "%s", "labels": {"alertname": "QueueBacklog", "service": "%s"},
                   "annotations": {"runbook_url": "https://runbooks.example/queue"}, "startsAt": "2026-12-06T10:00:00Z", %s,
                   "generatorURL": "http://prometheus.example/graph", "fingerprint": "ignored"}]}"""
                .formatted(status, status, service, endsAt);
    }

    private HttpResponse<String> post(String path, String authorization, String body) {
        String url = path.startsWith("http") ? path : "http://127.0.0.1:" + port + path;
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
