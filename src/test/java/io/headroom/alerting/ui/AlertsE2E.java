package io.headroom.alerting.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The alert loop in the browser: a slow service's alert in the Alerts list, its page with the
 * runbook inline and the value chart, silencing it from there; an Alertmanager's hostile alert
 * shown as text; the runbook at its own address.
 */
@HeadroomIntegrationTest
class AlertsE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void anAlertShowsItsRunbookInlineAndCanBeSilencedFromItsPage() {
        String tag = Long.toHexString(System.nanoTime());
        String service = TestObjects.uniqueService("shop");
        String rule = "SlowShop" + tag;
        var api = new JsonApi(port);
        String slug = api.post("/api/v1/runbooks", """
                {"title": "Shop is slow %s", "owner": "team-shop",
                 "markdown": "When p99 is over its threshold:\\n\\n1. Open the service page and check saturation\\n2. Scale out by two instances\\n3. If p99 stays high, page the database on-call"}"""
                .formatted(tag)).body().get("slug").asText();
        assertThat(api.post("/api/v1/alert-rules", """
                {"name": "%s", "service": "%s", "kpi": "p99", "comparison": ">", "threshold": 300, "window": "5m",
                 "labels": {"severity": "warning"},
                 "annotations": {"summary": "{{ $labels.service }} p99 is {{ $value | humanize }} ms", "runbook_url": "/runbooks/%s"}}"""
                .formatted(rule, service, slug)).status()).isEqualTo(201);
        OtlpClient.sendRequests(otlpPort.port(), service, 40, 0, 450_000_000L);
        String token = api.post("/api/v1/tokens", "{\"name\": \"am-ui-" + tag + "\", \"scope\": \"alertmanager\"}").body().get("token").asText();
        var alertmanager = new JsonApi(port, "Bearer " + token);
        assertThat(alertmanager.post("/api/v1/alertmanager", """
                {"version": "4", "receiver": "ops", "alerts": [{"status": "firing",
                 "labels": {"alertname": "<script>alert(1)</script>", "service": "%s", "severity": "warning"},
                 "annotations": {"summary": "<img src=x onerror=alert(2)>", "runbook_url": "javascript:alert(3)"},
                 "startsAt": "2026-12-06T10:00:00Z"}]}""".formatted(service)).status()).isEqualTo(200);

        Page page = browser.signedInPage(port, 1500, 900);
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        page.navigate("http://127.0.0.1:" + port + "/alerts");
        Locator cells = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(rule)))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(40_000));
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("<script>alert(1)</script>"))).hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText("<img src=x onerror=alert(2)>"))).hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(service + " p99 is 4"))).hasCount(1);
        assertThat(cells.filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^4\\d\\d ms$")))).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("alerts.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(rule).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(rule))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Runbook: Shop is slow " + tag))).isVisible();
        assertThat(page.locator(".runbook-body li")).hasText(new String[] {"Open the service page and check saturation",
                "Scale out by two instances", "If p99 stays high, page the database on-call"});
        assertThat(page.getByText("severity=\"warning\"")).isVisible();
        assertThat(page.locator("headroom-timeseries").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("alert.png")).setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Silence…")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Silence").setExact(true)).click();
        assertThat(page.locator("vaadin-text-area[invalid]")).containsText("comment is required");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Why")).fill("Scaling out, ticket OPS-7");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Silence").setExact(true)).click();
        assertThat(page.getByText("Silenced by silence")).isVisible();
        assertThat(api.get("/api/v1/silences").body().get("silences").findValuesAsText("comment")).contains("Scaling out, ticket OPS-7");

        page.navigate("http://127.0.0.1:" + port + "/runbooks/" + slug);
        assertThat(page.getByText("Linked from the alert rules: " + rule)).isVisible();
        assertThat(page.getByText("Owner team-shop · version 1")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("runbook.png")).setFullPage(true));
        assertThat(dialogs).as("no script ran").isEmpty();
    }
}
