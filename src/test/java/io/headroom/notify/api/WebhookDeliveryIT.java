package io.headroom.notify.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.notify.WebhookSink;
import io.headroom.notify.WebhookSink.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Notifications from alert to receiver over real sockets: a webhook sink that succeeds, fails with
 * 5xx, hangs, answers 410, 400, 429 or a redirect. Signatures are checked with the Standard
 * Webhooks reference library. Retries here are fast (HeadroomIntegrationTest: 2 s timeout,
 * 200 ms first retry, give up after 8 s).
 */
@HeadroomIntegrationTest
class WebhookDeliveryIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WebhookSink sink;

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @BeforeAll
    static void startSink() throws IOException {
        sink = new WebhookSink();
    }

    @AfterAll
    static void stopSink() {
        sink.close();
    }

    @Test
    void firingThenResolvedReachTheReceiverOncePerGroupSignedAndWithTheRunbook() throws Exception {
        String cart = TestObjects.uniqueService("cart");
        String checkout = TestObjects.uniqueService("checkout");
        String rule = "Slow" + Long.toHexString(System.nanoTime());
        var api = new JsonApi(port);
        JsonNode channel = created(api.post("/api/v1/notification-channels", """
                {"name": "ops-%s", "url": "%s", "format": "alertmanager", "matchers": ["alertname=\\"%s\\""],
                 "groupBy": ["alertname"], "groupWait": "2s", "groupInterval": "1s"}""".formatted(rule, sink.url("/am"), rule)));
        String secret = channel.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/notification-channels/" + channel.get("id").asLong()).body().has("secret"))
                .as("the secret is shown once").isFalse();

        OtlpClient.sendRequests(otlpPort.port(), cart, 30, 0, 450_000_000L);
        OtlpClient.sendRequests(otlpPort.port(), checkout, 30, 0, 450_000_000L);
        JsonNode ruleJson = created(api.post("/api/v1/alert-rules", """
                {"name": "%s", "service": "%s|%s", "kpi": "p99", "comparison": ">", "threshold": 300, "window": "5m",
                 "labels": {"severity": "critical"},
                 "annotations": {"summary": "{{ $labels.service }} is slow", "runbook_url": "/runbooks/high-latency"}}"""
                .formatted(rule, cart, checkout)));

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received("/am").size() >= 1);
        WebhookSink.Received firing = sink.received("/am").get(0);
        new Webhook(secret).verify(firing.text(), firing.headers());
        assertThat(firing.header("webhook-signature")).startsWith("v1,");
        JsonNode body = JSON.readTree(firing.body());
        assertThat(body.get("version").asText()).isEqualTo("4");
        assertThat(body.get("status").asText()).isEqualTo("firing");
        assertThat(body.get("receiver").asText()).isEqualTo("ops-" + rule);
        assertThat(body.get("groupKey").asText()).isEqualTo("{}:{alertname=\"" + rule + "\"}");
        assertThat(body.get("commonLabels").get("severity").asText()).isEqualTo("critical");
        assertThat(body.get("alerts")).as("both services in one notification").hasSize(2);
        JsonNode alert = body.get("alerts").get(0);
        assertThat(alert.get("status").asText()).isEqualTo("firing");
        assertThat(alert.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(alert.get("annotations").get("runbook_url").asText()).isEqualTo("http://127.0.0.1:" + port + "/runbooks/high-latency");
        assertThat(alert.get("annotations").get("headroom_url").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/alerts/" + alert.get("fingerprint").asText());
        assertThat(alert.get("annotations").get("value").asDouble()).isGreaterThan(300);
        assertThat(alert.get("fingerprint").asText()).hasSize(16);

        api.put("/api/v1/alert-rules/" + ruleJson.get("id").asLong(), """
                {"name": "%s", "service": "%s|%s", "kpi": "p99", "comparison": ">", "threshold": 100000}"""
                .formatted(rule, cart, checkout));
        await().atMost(Duration.ofSeconds(20)).until(() -> sink.received("/am").size() >= 2);
        JsonNode resolved = JSON.readTree(sink.received("/am").get(1).body());
        assertThat(resolved.get("status").asText()).isEqualTo("resolved");
        assertThat(resolved.get("alerts").findValuesAsText("status")).containsExactly("resolved", "resolved");
        assertThat(sink.received("/am").get(1).header("webhook-id")).isNotEqualTo(firing.header("webhook-id"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> sink.received("/am").size() == 2);

        JsonNode log = api.get("/api/v1/notification-deliveries?channel=" + channel.get("id").asLong()).body().get("deliveries");
        assertThat(log.findValuesAsText("status")).containsExactly("delivered", "delivered");
        assertThat(log.get(1).get("alertsFiring").asInt()).isEqualTo(2);
        assertThat(log.get(0).get("alertsResolved").asInt()).isEqualTo(2);
        JsonNode attempts = api.get("/api/v1/notification-deliveries/" + log.get(1).get("id").asLong()).body().get("attempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(attempts.get(0).get("responseExcerpt").asText()).isEqualTo("{\"status\":200}");
    }

    @Test
    void serverErrorsAreRetriedWithTheSameWebhookIdUntilDelivered() throws Exception {
        sink.script("/flaky", Answer.status(500), Answer.status(503), Answer.status(200));
        var api = new JsonApi(port);
        JsonNode channel = created(api.post("/api/v1/notification-channels",
                "{\"name\": \"flaky\", \"url\": \"" + sink.url("/flaky") + "\", \"format\": \"json\"}"));
        long delivery = test(api, channel);

        JsonNode done = awaitFinished(api, delivery);
        assertThat(done.get("delivery").get("status").asText()).isEqualTo("delivered");
        assertThat(statusCodes(done)).containsExactly(500, 503, 200);
        List<WebhookSink.Received> received = sink.received("/flaky");
        assertThat(received).hasSize(3);
        assertThat(received.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1)
                .containsExactly(done.get("delivery").get("webhookId").asText());
        for (WebhookSink.Received request : received) {
            new Webhook(channel.get("secret").asText()).verify(request.text(), request.headers());
        }
        JsonNode body = JSON.readTree(received.get(2).body());
        assertThat(body.get("source").asText()).isEqualTo("headroom");
        assertThat(body.get("alerts").get(0).get("rule").asText()).isEqualTo("HeadroomTestNotification");
    }

    @Test
    void clientErrorsAndRedirectsEndAtOnceWithTheReason() {
        sink.script("/gone", Answer.status(410));
        sink.script("/bad", Answer.status(400));
        sink.script("/moved", Answer.withHeader(302, "Location", "http://169.254.169.254/latest/meta-data/"));
        var api = new JsonApi(port);
        for (String path : new String[] {"/gone", "/bad", "/moved"}) {
            JsonNode channel = created(api.post("/api/v1/notification-channels",
                    "{\"name\": \"refusing" + path.substring(1) + "\", \"url\": \"" + sink.url(path) + "\", \"format\": \"json\"}"));
            JsonNode done = awaitFinished(api, test(api, channel));
            assertThat(done.get("delivery").get("status").asText()).as(path).isEqualTo("dead");
            assertThat(done.get("attempts")).as(path + ": not retried").hasSize(1);
            assertThat(sink.received(path)).hasSize(1);
            assertThat(done.get("delivery").get("lastError").asText()).as(path)
                    .contains(path.equals("/moved") ? "redirect, which Headroom does not follow" : "not retried");
        }
    }

    @Test
    void aReceiverThatHangsTimesOutAndEndsInTheDeadLetters() {
        sink.script("/hang", Answer.hanging());
        var api = new JsonApi(port);
        JsonNode channel = created(api.post("/api/v1/notification-channels",
                "{\"name\": \"hanging\", \"url\": \"" + sink.url("/hang") + "\", \"format\": \"slack\"}"));
        JsonNode done = awaitFinished(api, test(api, channel));
        assertThat(done.get("delivery").get("status").asText()).isEqualTo("dead");
        assertThat(done.get("delivery").get("lastError").asText()).contains("gave up after").contains("no answer within 2 s");
        JsonNode attempts = done.get("attempts");
        assertThat(attempts.size()).isGreaterThanOrEqualTo(2);
        attempts.forEach(attempt -> {
            assertThat(attempt.get("error").asText()).isEqualTo("no answer within 2 s");
            assertThat(attempt.get("durationMs").asLong()).isBetween(1_900L, 3_000L);
        });
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterAndSlackGetsItsOwnMessage() throws Exception {
        sink.script("/slack", Answer.withHeader(429, "Retry-After", "1"), Answer.status(200));
        var api = new JsonApi(port);
        JsonNode channel = created(api.post("/api/v1/notification-channels",
                "{\"name\": \"slack\", \"url\": \"" + sink.url("/slack") + "\", \"format\": \"slack\"}"));
        JsonNode done = awaitFinished(api, test(api, channel));
        assertThat(statusCodes(done)).containsExactly(429, 200);
        List<WebhookSink.Received> received = sink.received("/slack");
        assertThat(Duration.between(received.get(0).at(), received.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        JsonNode message = JSON.readTree(received.get(1).body());
        assertThat(message.get("text").asText()).isEqualTo("[FIRING:1] HeadroomTestNotification");
        List<String> buttons = new ArrayList<>();
        message.get("blocks").forEach(block -> {
            if (block.get("type").asText().equals("actions")) {
                block.get("elements").forEach(button -> buttons.add(button.get("text").get("text").asText() + " " + button.get("url").asText()));
            }
        });
        assertThat(buttons).containsExactly("Open in Headroom http://127.0.0.1:" + port + "/alerts/0000000000000000");
    }

    @Test
    void channelsThatWouldReachInternalAddressesAreRefused() {
        var api = new JsonApi(port);
        for (String url : new String[] {"http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/hook", "gopher://127.0.0.1/",
                "file:///etc/passwd", "http://user:pw@127.0.0.1/", "http://0177.0.0.1/"}) {
            JsonApi.Answer answer = api.post("/api/v1/notification-channels",
                    "{\"name\": \"internal\", \"url\": \"" + url + "\", \"format\": \"json\"}");
            assertThat(answer.status()).as(url).isEqualTo(400);
            assertThat(answer.body().get("message").asText()).as(url).startsWith("url");
        }
        assertThat(api.post("/api/v1/notification-channels", "{\"name\": \"x\", \"url\": \"https://hooks.example/\", \"format\": \"teams\"}")
                .body().get("message").asText()).contains("format must be one of alertmanager, slack, json");
    }

    private static JsonNode created(JsonApi.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body();
    }

    private static long test(JsonApi api, JsonNode channel) {
        JsonApi.Answer answer = api.post("/api/v1/notification-channels/" + channel.get("id").asLong() + "/test", "");
        assertThat(answer.status()).isEqualTo(202);
        return answer.body().get("deliveryId").asLong();
    }

    private static JsonNode awaitFinished(JsonApi api, long delivery) {
        return await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/notification-deliveries/" + delivery).body(),
                        d -> !d.get("delivery").get("status").asText().equals("pending"));
    }

    private static List<Integer> statusCodes(JsonNode done) {
        return StreamSupport.stream(done.get("attempts").spliterator(), false).map(a -> a.get("statusCode").asInt()).toList();
    }
}
