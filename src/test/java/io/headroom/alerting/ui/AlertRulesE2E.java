package io.headroom.alerting.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Alert rules, silences and inhibition rules made in the browser, each checked through the API the
 * pages share: a rule created (after its errors are shown under their fields), edited, disabled
 * and deleted; an SLO's burn-rate rules from its service page in one click; a silence created
 * with the live preview of the alert it mutes, then expired; an inhibition rule added and deleted.
 */
@HeadroomIntegrationTest
class AlertRulesE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void administratorsWriteRulesInThePage() {
        String tag = Long.toHexString(System.nanoTime());
        String service = TestObjects.uniqueService("rules");
        String name = "SlowRules" + tag;
        var api = new JsonApi(port);
        Page page = browser.signedInPage(port, 1500, 1000);
        page.navigate("http://127.0.0.1:" + port + "/alerts/rules");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New rule")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        field(dialog, "Name").fill("9" + name);
        field(dialog, "Services").fill(service);
        field(dialog, "Threshold").fill("300");
        field(dialog, "Runbook URL").fill("javascript:alert(1)");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create rule")).click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("Prometheus-style alert name");
        field(dialog, "Name").fill(name);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create rule")).click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("runbook_url must be an http or https URL");
        field(dialog, "Runbook URL").fill("/runbooks/high-latency?service={{ $labels.service }}");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create rule")).click();
        assertThat(page.getByText("p99 > 300 ms over 5m, for 1m")).isVisible();

        JsonNode created = rule(api, name);
        assertThat(created.get("service").asText()).isEqualTo(service);
        assertThat(created.get("threshold").asDouble()).isEqualTo(300.0);
        assertThat(created.get("for").asText()).isEqualTo("1m");
        assertThat(created.get("labels").get("severity").asText()).isEqualTo("warning");
        assertThat(created.get("annotations").get("runbook_url").asText()).isEqualTo("/runbooks/high-latency?service={{ $labels.service }}");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Edit " + name))).isVisible();
        field(dialog, "Threshold").fill("250");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("p99 > 250 ms over 5m, for 1m")).isVisible();
        assertThat(rule(api, name).get("threshold").asDouble()).isEqualTo(250.0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Disable " + name)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enable " + name))).isVisible();
        assertThat(rule(api, name).get("enabled").asBoolean()).isFalse();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("alert-rules.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + name)).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page.getByText("p99 > 250 ms over 5m, for 1m").filter(new Locator.FilterOptions().setVisible(true))).hasCount(0);
        assertThat(rule(api, name)).isNull();
    }

    @Test
    void aServiceWithAnSloGetsItsBurnRateRulesInOneClick() {
        String service = TestObjects.uniqueService("burn");
        var api = new JsonApi(port);
        OtlpClient.sendRequests(otlpPort.port(), service, 20, 0, 20_000_000L);
        assertThat(api.put("/api/v1/services/" + service + "/slo", "{\"availabilityTarget\": 0.999}").status()).isEqualTo(200);
        Page page = browser.signedInPage(port, 1500, 1000);
        page.navigate("http://127.0.0.1:" + port + "/services/" + service);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Alert on error budget burn")).click();
        assertThat(page.getByText("Burn-rate alerts:")).isVisible();
        var burnRules = new java.util.TreeMap<String, JsonNode>();
        for (JsonNode rule : api.get("/api/v1/alert-rules").body().get("rules")) {
            if (rule.get("service").asText().equals(service)) {
                burnRules.put(rule.get("burnLevel").asText(), rule);
            }
        }
        assertThat(burnRules.keySet()).containsExactly("page", "ticket");
        assertThat(burnRules.get("page").get("labels").toString()).doesNotContain("severity");
        assertThat(burnRules.get("page").get("annotations").get("runbook_url").asText()).startsWith("/runbooks/error-budget-burn");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(burnRules.get("page").get("name").asText() + ", "
                + burnRules.get("ticket").get("name").asText()))).isVisible();
    }

    @Test
    void silencesShowWhatTheyWouldMuteBeforeTheyAreMade() {
        String tag = Long.toHexString(System.nanoTime());
        String service = TestObjects.uniqueService("mute");
        var api = new JsonApi(port);
        String token = api.post("/api/v1/tokens", "{\"name\": \"am-silence-" + tag + "\", \"scope\": \"alertmanager\"}").body()
                .get("token").asText();
        assertThat(new JsonApi(port, "Bearer " + token).post("/api/v1/alertmanager", """
                {"version": "4", "receiver": "ops", "alerts": [{"status": "firing",
                 "labels": {"alertname": "DiskFull", "service": "%s", "severity": "warning"}, "startsAt": "2026-12-06T10:00:00Z"}]}"""
                .formatted(service)).status()).isEqualTo(200);

        Page page = browser.signedInPage(port, 1500, 1100);
        page.navigate("http://127.0.0.1:" + port + "/alerts/silences");
        Locator matchers = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Matchers"));
        matchers.fill("service=\"" + service);
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("matcher must be like");
        matchers.fill("service=\"" + service + "\", severity=~\"warning|info\"");
        assertThat(page.getByText("Would mute 1 current alert:")).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^DiskFull$")))).hasCount(1);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create silence")).click();
        assertThat(page.locator("vaadin-text-area[invalid]")).containsText("comment is required");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Why")).fill("Disk swap tonight " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create silence")).click();
        Locator expire = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Expire the silence Disk swap tonight " + tag));
        assertThat(expire).isVisible();
        JsonNode silence = silence(api, tag);
        assertThat(silence.get("state").asText()).isEqualTo("active");
        assertThat(silence.get("createdBy").asText()).isEqualTo("admin");
        assertThat(api.get("/api/v1/alerts?state=firing&service=" + service).body().get("alerts").get(0).get("silencedBy").get(0).asText())
                .isEqualTo(silence.get("id").asText());

        Locator source = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("While this fires"));
        source.fill("alertname=\"Outage" + tag + "\"");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Mute")).fill("9x=\"y\"");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add inhibition rule")).click();
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("9x");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Mute")).fill("severity=\"warning\"");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("With equal labels")).fill("service");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add inhibition rule")).click();
        assertThat(page.getByText("alertname=\"Outage" + tag + "\"")).isVisible();
        assertThat(api.get("/api/v1/inhibit-rules").body().toString()).contains("Outage" + tag);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("silences.png")).setFullPage(true));

        expire.click();
        assertThat(expire).hasCount(0);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> silence(api, tag).get("state").asText().equals("expired"));
        long rule = 0;
        for (JsonNode inhibit : api.get("/api/v1/inhibit-rules").body().get("rules")) {
            if (inhibit.toString().contains("Outage" + tag)) {
                rule = inhibit.get("id").asLong();
            }
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the inhibition rule " + rule)).click();
        assertThat(page.getByText("alertname=\"Outage" + tag + "\"").filter(new Locator.FilterOptions().setVisible(true))).hasCount(0);
        assertThat(api.get("/api/v1/inhibit-rules").body().toString()).doesNotContain("Outage" + tag);
    }

    private static Locator field(Locator dialog, String label) {
        return dialog.getByLabel(label, new Locator.GetByLabelOptions().setExact(true));
    }

    private static JsonNode rule(JsonApi api, String name) {
        for (JsonNode rule : api.get("/api/v1/alert-rules").body().get("rules")) {
            if (rule.get("name").asText().equals(name)) {
                return rule;
            }
        }
        return null;
    }

    private static JsonNode silence(JsonApi api, String tag) {
        for (JsonNode silence : api.get("/api/v1/silences").body().get("silences")) {
            if (silence.get("comment").asText().endsWith(tag)) {
                return silence;
            }
        }
        throw new AssertionError("no silence with comment ending " + tag);
    }
}
