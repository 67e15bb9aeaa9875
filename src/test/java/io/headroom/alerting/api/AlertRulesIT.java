package io.headroom.alerting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rules created over the API raise alerts from the KPIs of spans that arrived over OTLP: pending
 * for their {@code for}, then firing with rendered annotations, resolving when the rule no longer
 * holds; every change in the alert's history and on the service's chart annotations.
 */
@HeadroomIntegrationTest
class AlertRulesIT {

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void aThresholdRuleGoesPendingThenFiresThenResolves() {
        String service = TestObjects.uniqueService("alert");
        var api = new JsonApi(port);
        OtlpClient.sendRequests(otlpPort.port(), service, 40, 0, 450_000_000L);

        JsonNode rule = api.post("/api/v1/alert-rules", """
                {"name": "SlowCart%s", "service": "%s", "kpi": "p99", "comparison": ">", "threshold": 300, "window": "5m",
                 "for": "3s", "labels": {"severity": "warning", "team": "shop"},
                 "annotations": {"summary": "{{ $labels.service }} p99 is {{ $value | humanize }} ms",
                                 "runbook_url": "/runbooks/high-latency?service={{ $labels.service }}"}}"""
                .formatted(suffix(service), service)).body();
        assertThat(rule.get("id").asLong()).isPositive();
        assertThat(rule.get("for").asText()).isEqualTo("3s");

        JsonNode firing = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/v1/alerts?service=" + service).body().get("alerts"),
                        alerts -> alerts.size() == 1 && alerts.get(0).get("state").asText().equals("FIRING"))
                .get(0);
        assertThat(firing.get("name").asText()).isEqualTo("SlowCart" + suffix(service));
        assertThat(firing.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(firing.get("labels").get("service").asText()).isEqualTo(service);
        double p99 = firing.get("value").asDouble();
        assertThat(p99).isGreaterThan(300);
        assertThat(firing.get("annotations").get("summary").asText()).startsWith(service + " p99 is 4");
        assertThat(firing.get("annotations").get("runbook_url").asText()).isEqualTo("/runbooks/high-latency?service=" + service);

        String fingerprint = firing.get("fingerprint").asText();
        JsonNode history = api.get("/api/v1/alerts/" + fingerprint).body().get("history");
        assertThat(states(history)).containsExactly("PENDING>FIRING", "INACTIVE>PENDING");
        assertThat(Duration.between(java.time.Instant.parse(history.get(1).get("at").asText()),
                java.time.Instant.parse(history.get(0).get("at").asText()))).as("pending for its 'for'")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));

        // Raising the threshold above the p99: the condition stops holding and the alert resolves.
        JsonNode updated = api.put("/api/v1/alert-rules/" + rule.get("id").asLong(), """
                {"name": "SlowCart%s", "service": "%s", "kpi": "p99", "comparison": ">", "threshold": 5000, "window": "5m"}"""
                .formatted(suffix(service), service)).body();
        assertThat(updated.get("threshold").asDouble()).isEqualTo(5000);
        await().atMost(Duration.ofSeconds(15)).until(() -> states(api.get("/api/v1/alerts/" + fingerprint).body().get("history")),
                states -> !states.isEmpty() && states.get(0).equals("FIRING>RESOLVED"));
        assertThat(api.get("/api/v1/alerts?service=" + service).body().get("alerts")).isEmpty();
        assertThat(api.get("/api/v1/alerts?state=resolved&service=" + service).body().get("alerts")).hasSize(1);

        JsonNode annotations = api.get("/api/v1/services/" + service + "/annotations").body().get("annotations");
        assertThat(annotations.findValuesAsText("text")).contains("alert SlowCart" + suffix(service) + " firing",
                "alert SlowCart" + suffix(service) + " resolved");

        assertThat(api.delete("/api/v1/alert-rules/" + rule.get("id").asLong()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/alerts/" + fingerprint).status()).as("a rule's alerts go with it").isEqualTo(404);
    }

    @Test
    void anSlosBurnRateRulesComeFromOneCallAndPageWhenTheBudgetBurnsFast() {
        String service = TestObjects.uniqueService("burn");
        var api = new JsonApi(port);
        assertThat(api.post("/api/v1/services/" + service + "/slo/alert-rules", "{}").status()).as("no SLO yet").isEqualTo(400);
        api.put("/api/v1/services/" + service + "/slo", "{\"availabilityTarget\": 0.99}");
        JsonNode created = api.post("/api/v1/services/" + service + "/slo/alert-rules",
                "{\"runbookUrl\": \"https://wiki.example/slo/{{ $labels.service }}\"}").body().get("rules");
        assertThat(created.findValuesAsText("burnLevel")).containsExactly("page", "ticket");
        assertThat(created.get(0).get("name").asText()).endsWith("ErrorBudgetBurnFast");

        OtlpClient.sendRequests(otlpPort.port(), service, 100, 40, 10_000_000L);
        JsonNode alerts = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/v1/alerts?state=firing&service=" + service).body().get("alerts"), a -> a.size() == 2);
        assertThat(alerts.findValuesAsText("severity")).containsExactlyInAnyOrder("critical", "warning");
        // 40 % failed against 1 % allowed: burning at 40 times the sustainable rate.
        assertThat(alerts.get(0).get("value").asDouble()).isEqualTo(40.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(alerts.get(0).get("annotations").get("runbook_url").asText()).isEqualTo("https://wiki.example/slo/" + service);
    }

    @Test
    void aBadRuleIsRefusedWithItsReason() {
        var api = new JsonApi(port);
        assertRefused(api, "{\"name\": \"R1\", \"service\": \"(\", \"kpi\": \"p99\", \"comparison\": \">\", \"threshold\": 1}",
                "not a valid regular expression");
        assertRefused(api, "{\"name\": \"R1\", \"service\": \".*\", \"kpi\": \"latency\", \"comparison\": \">\", \"threshold\": 1}",
                "kpi must be one of");
        assertRefused(api, "{\"name\": \"R1\", \"service\": \".*\", \"kpi\": \"p99\", \"comparison\": \">\", \"threshold\": 1, "
                + "\"annotations\": {\"runbook_url\": \"javascript:alert(1)\"}}", "runbook_url must be");
        assertRefused(api, "{\"name\": \"R1\", \"service\": \".*\", \"kpi\": \"p99\", \"comparison\": \">\", \"threshold\": 1, "
                + "\"annotations\": {\"summary\": \"{{ .Labels.x }}\"}}", "cannot read");
        assertRefused(api, "{\"name\": \"R1\", \"service\": \".*\", \"kpi\": \"p99\", \"comparison\": \">\", \"threshold\": 1, "
                + "\"window\": \"soon\"}", "window must be a duration");
        assertRefused(api, "not json", "body must be");
        String rule = "{\"name\": \"Twice\", \"service\": \".*\", \"kpi\": \"p99\", \"comparison\": \">\", \"threshold\": 100000}";
        assertThat(api.post("/api/v1/alert-rules", rule).status()).isEqualTo(201);
        JsonApi.Answer again = api.post("/api/v1/alert-rules", rule);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).contains("exists already");
        assertThat(api.get("/api/v1/alerts?state=burning").status()).isEqualTo(400);
    }

    private static void assertRefused(JsonApi api, String body, String reason) {
        JsonApi.Answer answer = api.post("/api/v1/alert-rules", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertThat(answer.body().get("message").asText()).as(body).contains(reason);
    }

    private static List<String> states(JsonNode history) {
        var states = new ArrayList<String>();
        history.forEach(t -> states.add(t.get("from").asText() + ">" + t.get("to").asText()));
        return states;
    }

    private static String suffix(String service) {
        return service.replaceAll("[^A-Za-z0-9]", "_");
    }
}
