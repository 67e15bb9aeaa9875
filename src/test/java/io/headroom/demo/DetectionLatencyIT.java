package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.JsonApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The loop a new user sees, measured: with the demo fleet and its default rules (HighP99Latency:
 * p99 over 300 ms in the last minute, for 20 s), a 500 ms latency fault injected into billing
 * reaches the demo pager through the demo's own channel (no configuration: the channel exists and
 * its loopback URL is let through without headroom.notify.allow-private), with the runbook link,
 * within a minute. The figure is printed.
 */
@DemoFleetTest
class DetectionLatencyIT {

    private static final String SERVICE = "billing";

    @LocalServerPort
    int port;

    @Test
    void aLatencyFaultIsNotifiedWithItsRunbookWithinAMinute() {
        var api = new JsonApi(port);
        // Another test's fault may have left the alert firing; a notification needs it to start firing now.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/v1/alerts?service=" + SERVICE).body().get("alerts").findValuesAsText("name"),
                        names -> !names.contains("HighP99Latency"));
        Instant injected = Instant.now();
        JsonApi.Answer fault = api.post("/api/v1/services/" + SERVICE + "/faults",
                "{\"type\": \"latency\", \"magnitude\": 500, \"durationSeconds\": 120}");
        assertThat(fault.status()).as(fault.body().toString()).isEqualTo(201);
        try {
            JsonNode page = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> firstPageSince(api, injected), java.util.Objects::nonNull);
            Duration detection = Duration.between(injected, Instant.parse(page.get("receivedAt").asText()));
            System.out.printf("Detection latency (500 ms fault on %s to the demo pager's webhook): %.1f s%n", SERVICE,
                    detection.toMillis() / 1000.0);
            JsonNode alert = page.get("alerts").get(0);
            assertThat(alert.get("status").asText()).isEqualTo("firing");
            assertThat(alert.get("runbookUrl").asText()).isEqualTo("http://127.0.0.1:" + port + "/runbooks/high-latency?service=" + SERVICE);
            assertThat(detection).isLessThan(Duration.ofSeconds(60));
            // The same request, as the delivery log tells it: delivered to the demo channel, the pager's answer kept.
            String webhookId = page.get("webhookId").asText();
            JsonNode delivery = await().atMost(Duration.ofSeconds(10)).until(() -> delivery(api, webhookId), java.util.Objects::nonNull);
            assertThat(delivery.get("channel").asText()).isEqualTo("demo-pager");
            JsonNode attempts = api.get("/api/v1/notification-deliveries/" + delivery.get("id").asText()).body().get("attempts");
            assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(200);
            assertThat(attempts.get(0).get("responseExcerpt").asText()).contains("paged: HighP99Latency firing on " + SERVICE)
                    .contains("runbook http://127.0.0.1:" + port + "/runbooks/high-latency");
        } finally {
            api.delete("/api/v1/faults/" + fault.body().get("id").asText());
        }
    }

    /** The demo pager's first page about HighP99Latency on the service received since {@code since}, or null. */
    private static JsonNode firstPageSince(JsonApi api, Instant since) {
        JsonNode first = null;
        for (JsonNode page : api.get("/api/v1/demo/pager").body().get("pages")) {
            JsonNode alert = page.get("alerts").get(0);
            if (Instant.parse(page.get("receivedAt").asText()).isAfter(since) && alert.get("name").asText().equals("HighP99Latency")
                    && alert.get("service").asText().equals(SERVICE)) {
                first = page;
            }
        }
        return first;
    }

    private static JsonNode delivery(JsonApi api, String webhookId) {
        for (JsonNode delivery : api.get("/api/v1/notification-deliveries?status=delivered").body().get("deliveries")) {
            if (delivery.get("webhookId").asText().equals(webhookId)) {
                return delivery;
            }
        }
        return null;
    }
}
