package io.headroom.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.notify.WebhookSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Silences and inhibition from the API to the receiver: three rules fire on one slow service; the
 * critical one is notified, the warning it inhibits and the note a silence mutes are listed with
 * why, and each goes out once its mute ends.
 */
@HeadroomIntegrationTest
class MutingIT {

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
    void silencedAndInhibitedAlertsAreShownWithWhyAndNotifiedOnlyOnceTheMuteEnds() throws Exception {
        String service = TestObjects.uniqueService("muted");
        String tag = Long.toHexString(System.nanoTime());
        String critical = "Down" + tag;
        String warning = "Slow" + tag;
        String note = "Note" + tag;
        var api = new JsonApi(port);
        created(api.post("/api/v1/notification-channels", """
                {"name": "mute-%s", "url": "%s", "format": "alertmanager", "matchers": ["service=\\"%s\\""],
                 "groupBy": ["alertname"], "groupWait": "1s", "groupInterval": "1s"}""".formatted(tag, sink.url("/mute"), service)));
        JsonNode inhibit = created(api.post("/api/v1/inhibit-rules", """
                {"sourceMatchers": ["alertname=\\"%s\\""], "targetMatchers": ["alertname=\\"%s\\""], "equal": ["service"]}"""
                .formatted(critical, warning)));
        JsonNode silence = created(api.post("/api/v1/silences", """
                {"matchers": ["alertname=\\"%s\\""], "duration": "1h", "comment": "known noisy, ticket OPS-12"}""".formatted(note)));
        assertThat(silence.get("createdBy").asText()).isEqualTo("admin");
        assertThat(silence.get("state").asText()).isEqualTo("active");
        assertThat(silence.get("matchers").get(0).asText()).isEqualTo("alertname=\"" + note + "\"");

        OtlpClient.sendRequests(otlpPort.port(), service, 30, 0, 450_000_000L);
        rule(api, critical, service, 300, "critical");
        rule(api, warning, service, 200, "warning");
        rule(api, note, service, 100, "info");

        JsonNode alerts = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> api.get("/api/v1/alerts?state=firing&service=" + service).body().get("alerts"), a -> a.size() == 3);
        JsonNode down = named(alerts, critical);
        assertThat(down.get("silencedBy")).isEmpty();
        assertThat(down.get("inhibitedBy")).isEmpty();
        assertThat(named(alerts, warning).get("inhibitedBy").get(0).asText()).isEqualTo(down.get("fingerprint").asText());
        assertThat(named(alerts, note).get("silencedBy").get(0).asText()).isEqualTo(silence.get("id").asText());
        JsonNode preview = api.post("/api/v1/silences/preview", "{\"matchers\": [\"service=\\\"" + service + "\\\"\", \"severity=~\\\"warning|info\\\"\"]}")
                .body().get("alerts");
        assertThat(preview.findValuesAsText("name")).containsExactlyInAnyOrder(warning, note);

        await().atMost(Duration.ofSeconds(20)).until(() -> notified().contains(critical));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> notified().equals(List.of(critical)));

        assertThat(api.delete("/api/v1/silences/" + silence.get("id").asText()).body().get("state").asText()).isEqualTo("expired");
        await().atMost(Duration.ofSeconds(15)).until(() -> notified().contains(note));
        assertThat(api.get("/api/v1/silences").body().get("silences").findValuesAsText("id")).contains(silence.get("id").asText());

        assertThat(api.delete("/api/v1/inhibit-rules/" + inhibit.get("id").asLong()).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> notified().contains(warning));
        assertThat(notified()).as("each alert notified once").containsExactlyInAnyOrder(critical, note, warning);
    }

    @Test
    void silencesExplainWhatIsWrongWithThem() {
        var api = new JsonApi(port);
        assertThat(api.post("/api/v1/silences", "{\"matchers\": [\"service=~\\\".*\\\"\"], \"duration\": \"1h\", \"comment\": \"all\"}")
                .body().get("message").asText()).contains("must not match the empty string");
        assertThat(api.post("/api/v1/silences", "{\"matchers\": [\"service=\\\"cart\\\"\"], \"comment\": \"x\"}").body().get("message")
                .asText()).isEqualTo("endsAt or duration is required");
        assertThat(api.post("/api/v1/silences", "{\"matchers\": [\"service=\\\"cart\\\"\"], \"duration\": \"1h\"}").body().get("message")
                .asText()).contains("comment is required");
        assertThat(api.post("/api/v1/silences", "{\"matchers\": [\"service cart\"], \"duration\": \"1h\", \"comment\": \"x\"}")
                .body().get("message").asText()).contains("matcher must be like");
        assertThat(api.post("/api/v1/silences", "{\"matchers\": [\"service=\\\"cart\\\"\"], \"endsAt\": \"2020-01-01T00:00:00Z\", "
                + "\"startsAt\": \"2019-01-01T00:00:00Z\", \"comment\": \"x\"}").body().get("message").asText()).contains("in the future");
        assertThat(api.get("/api/v1/silences/no-such").status()).isEqualTo(404);
    }

    private static List<String> notified() throws IOException {
        var names = new ArrayList<String>();
        for (WebhookSink.Received received : sink.received("/mute")) {
            for (JsonNode alert : JSON.readTree(received.body()).get("alerts")) {
                names.add(alert.get("labels").get("alertname").asText());
            }
        }
        return names;
    }

    private static JsonNode named(JsonNode alerts, String name) {
        for (JsonNode alert : alerts) {
            if (alert.get("name").asText().equals(name)) {
                return alert;
            }
        }
        throw new AssertionError("no alert " + name + " in " + alerts);
    }

    private static void rule(JsonApi api, String name, String service, int thresholdMs, String severity) {
        created(api.post("/api/v1/alert-rules", """
                {"name": "%s", "service": "%s", "kpi": "p99", "comparison": ">", "threshold": %d, "window": "5m",
                 "labels": {"severity": "%s"}}""".formatted(name, service, thresholdMs, severity)));
    }

    private static JsonNode created(JsonApi.Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body();
    }
}
