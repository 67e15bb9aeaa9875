package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.JsonApi;
import io.headroom.notify.WebhookSink;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The loop a new user sees, measured: with the demo fleet and its default rules (HighP99Latency:
 * p99 over 300 ms in the last minute, for 20 s), a 500 ms latency fault injected into billing
 * reaches a webhook receiver, with the runbook link, within a minute. The figure is printed.
 */
@DemoFleetTest
class DetectionLatencyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE = "billing";

    @LocalServerPort
    int port;

    @Test
    void aLatencyFaultIsNotifiedWithItsRunbookWithinAMinute() throws IOException {
        var api = new JsonApi(port);
        // Another test's fault may have left the alert firing; a notification needs it to start firing now.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get("/api/v1/alerts?service=" + SERVICE).body().get("alerts").findValuesAsText("name"),
                        names -> !names.contains("HighP99Latency"));
        try (var sink = new WebhookSink()) {
            JsonApi.Answer channel = api.post("/api/v1/notification-channels", """
                    {"name": "pager-%s", "url": "%s", "format": "alertmanager",
                     "matchers": ["alertname=\\"HighP99Latency\\"", "service=\\"%s\\""], "groupWait": "10s"}"""
                    .formatted(Long.toHexString(System.nanoTime()), sink.url("/pager"), SERVICE));
            assertThat(channel.status()).as(channel.body().toString()).isEqualTo(201);

            Instant injected = Instant.now();
            JsonApi.Answer fault = api.post("/api/v1/services/" + SERVICE + "/faults",
                    "{\"type\": \"latency\", \"magnitude\": 500, \"durationSeconds\": 120}");
            assertThat(fault.status()).as(fault.body().toString()).isEqualTo(201);
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> !sink.received("/pager").isEmpty());
                Duration detection = Duration.between(injected, sink.received("/pager").get(0).at());
                System.out.printf("Detection latency (500 ms fault on %s to webhook received): %.1f s%n", SERVICE,
                        detection.toMillis() / 1000.0);
                JsonNode alert = JSON.readTree(sink.received("/pager").get(0).body()).get("alerts").get(0);
                assertThat(alert.get("labels").get("service").asText()).isEqualTo(SERVICE);
                assertThat(alert.get("annotations").get("runbook_url").asText())
                        .isEqualTo("http://127.0.0.1:" + port + "/runbooks/high-latency?service=" + SERVICE);
                assertThat(detection).isLessThan(Duration.ofSeconds(60));
            } finally {
                api.delete("/api/v1/faults/" + fault.body().get("id").asText());
            }
        }
    }
}
