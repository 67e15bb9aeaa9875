package io.headroom.notify.api;

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
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.zaxxer.hikari.HikariDataSource;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.TestUsers;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.notify.WebhookSink;
import io.headroom.notify.WebhookSink.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Headroom as separate processes on one database: the packaged jar ({@code target/headroom.jar},
 * built by {@code mvn verify} before the integration tests) started beside this test's instance,
 * which sends nothing itself ({@code headroom.notify.deliver=false}). An instance killed with
 * SIGKILL after its request reached the receiver and before it recorded the answer leaves the
 * delivery to the next instance, which sends it again with the same {@code webhook-id}; with two
 * instances evaluating and flushing, a group is notified once.
 */
@HeadroomIntegrationTest
@TestPropertySource(properties = "headroom.notify.deliver=false")
class InstanceCrashIT {

    private static final Path JAR = Path.of("target", "headroom.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    OtlpPort otlpPort;

    private final List<Process> instances = new ArrayList<>();
    private WebhookSink sink;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process instance : instances) {
            instance.destroyForcibly().waitFor();
        }
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aDeliveryCutOffByACrashIsSentAgainWithTheSameIdByTheNextInstance() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "target/headroom.jar is built by mvn package (mvn verify builds it first)");
        sink = new WebhookSink().script("/crash", Answer.hanging(), Answer.status(200));
        var api = new JsonApi(port);
        JsonNode channel = api.post("/api/v1/notification-channels",
                "{\"name\": \"crash-" + Long.toHexString(System.nanoTime()) + "\", \"url\": \"" + sink.url("/crash") + "\", \"format\": \"json\"}")
                .body();
        long delivery = api.post("/api/v1/notification-channels/" + channel.get("id").asLong() + "/test", "").body().get("deliveryId").asLong();

        Process first = start("first");
        await().atMost(Duration.ofSeconds(120)).until(() -> sink.received("/crash").size() == 1);
        first.destroyForcibly().waitFor();
        assertThat(status(api, delivery)).as("the answer was never recorded").isEqualTo("pending");

        start("second");
        await().atMost(Duration.ofSeconds(120)).until(() -> status(api, delivery).equals("delivered"));
        List<WebhookSink.Received> received = sink.received("/crash");
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header("webhook-id")).isEqualTo(received.get(0).header("webhook-id"));
        assertThat(received.get(1).text()).isEqualTo(received.get(0).text());
        new Webhook(channel.get("secret").asText()).verify(received.get(1).text(), received.get(1).headers());
    }

    @Test
    void twoInstancesNotifyAGroupOnce() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), "target/headroom.jar is built by mvn package (mvn verify builds it first)");
        sink = new WebhookSink();
        start("other");
        String tag = Long.toHexString(System.nanoTime());
        String cart = TestObjects.uniqueService("cart");
        String search = TestObjects.uniqueService("search");
        var api = new JsonApi(port);
        api.post("/api/v1/notification-channels", """
                {"name": "once-%s", "url": "%s", "format": "alertmanager", "matchers": ["alertname=\\"Once%s\\""],
                 "groupWait": "1s", "groupInterval": "1s"}""".formatted(tag, sink.url("/once"), tag));
        OtlpClient.sendRequests(otlpPort.port(), cart, 30, 0, 450_000_000L);
        OtlpClient.sendRequests(otlpPort.port(), search, 30, 0, 450_000_000L);
        // Committed spans reach the rollups a moment later: were one service's to arrive after the rule's first evaluation,
        // its alert would join the group later and be a second notification, rightly.
        await().atMost(Duration.ofSeconds(30)).until(() -> requests(api, cart) == 30 && requests(api, search) == 30);
        assertThat(api.post("/api/v1/alert-rules", """
                {"name": "Once%s", "service": "%s|%s", "kpi": "p99", "comparison": ">", "threshold": 300, "window": "5m"}"""
                .formatted(tag, cart, search)).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).until(() -> sink.received("/once").size() >= 1);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> sink.received("/once").size() == 1);
        assertThat(JSON.readTree(sink.received("/once").get(0).body()).get("alerts")).hasSize(2);
    }

    private Process start(String name) throws IOException {
        var db = (HikariDataSource) dataSource;
        int instancePort = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", JAR.toString(), "--server.port=" + instancePort,
                "--headroom.otlp.port=-1", "--headroom.demo.enabled=false", "--headroom.scrape.enabled=false",
                "--headroom.db.url=" + db.getJdbcUrl(), "--headroom.db.user=" + db.getUsername(),
                "--headroom.db.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--headroom.security.admin-password=" + TestUsers.ADMIN_PASSWORD, "--headroom.alerting.interval=1s",
                "--headroom.notify.allow-private=127.0.0.0/8", "--headroom.notify.timeout=60s", "--headroom.notify.lease=3s",
                "--headroom.notify.retry-base=200ms", "--spring.main.banner-mode=off"));
        Path log = Path.of("target", "instance-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        instances.add(process);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("instance " + name + " exited; see " + log, () -> !process.isAlive())
                .until(() -> HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instancePort + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return process;
    }

    private static long requests(JsonApi api, String service) {
        JsonApi.Answer answer = api.get("/api/v1/services/" + service + "?window=5m");
        return answer.status() == 200 ? answer.body().get("requests").asLong() : 0;
    }

    private static String status(JsonApi api, long delivery) {
        return api.get("/api/v1/notification-deliveries/" + delivery).body().get("delivery").get("status").asText();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
