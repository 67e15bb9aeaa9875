package io.headroom.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.JsonApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator writes a scaling policy in the Scaling page (its refusal shown under the field),
 * watches its evaluations arrive, opens one to read why it decided what it did, and deletes the
 * policy; each step checked through the API the page shares. The policy holds catalog at one
 * instance (min = max = 1), so the shared fleet is not disturbed.
 */
@DemoFleetTest
class ScalingE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void operatorsWritePoliciesAndReadWhyTheyDecided() {
        var api = new JsonApi(port);
        Page page = browser.signedInPage(port, 1500, 1000);
        Locator dialog = newPolicy(page, "catalog");
        dialog.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true)).fill("0");
        dialog.getByLabel("Max instances", new Locator.GetByLabelOptions().setExact(true)).fill("1");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create policy")).click();
        assertThat(page.locator("vaadin-number-field[invalid]")).containsText("target must be a number above 0");
        dialog.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true)).fill("0.6");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create policy")).click();
        assertThat(page.getByText("utilisation at 0.6 ±10 %")).isVisible();

        JsonNode policy = null;
        for (JsonNode candidate : api.get("/api/v1/scaling/policies").body().get("policies")) {
            if (candidate.get("service").asText().equals("catalog")) {
                policy = candidate;
            }
        }
        assertThat(policy).isNotNull();
        assertThat(policy.get("maxInstances").asInt()).isEqualTo(1);
        assertThat(policy.get("scaleDown").get("stabilizationWindow").asText()).isEqualTo("5m");
        try {
            Locator why = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("why?")).first();
            assertThat(why).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("scaling.png")).setFullPage(true));
            why.click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Why catalog (stayed at|scaled)")))).isVisible();
            assertThat(page.locator("ol li").first()).containsText("utilisation");
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("scaling-evaluation.png")));

            page.navigate("http://127.0.0.1:" + port + "/scaling");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the policy for catalog")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(page.getByText("No policies yet")).isVisible();
            assertThat(api.get("/api/v1/scaling/policies/" + policy.get("id").asText()).status()).isEqualTo(404);
        } finally {
            api.delete("/api/v1/scaling/policies/" + policy.get("id").asText());
        }
    }

    @Test
    void operatorsBacktestAPolicyAndTurnOnItsForecastFloorBeforeSavingIt() {
        var api = new JsonApi(port);
        Page page = browser.signedInPage(port, 1500, 1200);
        Locator dialog = newPolicy(page, "auth");
        dialog.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true)).fill("0.6");
        dialog.getByText("Predictive floor").click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Backtest").setExact(true)).click();
        assertThat(page.locator("vaadin-number-field[invalid]")).containsText("Required: the req/s one instance serves at the target");

        dialog.getByLabel("Req/s per instance", new Locator.GetByLabelOptions().setExact(true)).fill("5");
        // A backtest replays whole minutes: with a fleet younger than its first whole minute there is nothing to replay yet
        // (the dialog says so). The API, which the dialog's button shares, tells when there is.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90)).until(() -> api.post("/api/v1/scaling/backtest?window=1h",
                "{\"service\": \"auth\", \"metric\": \"utilisation\", \"target\": 0.6, \"minInstances\": 1, \"maxInstances\": 10}")
                .status() == 200);
        dialog.getByLabel("Instance warm-up", new Locator.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("1m warm-up").setExact(true)).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Backtest").setExact(true)).click();
        Locator report = dialog.locator("[data-backtest]");
        assertThat(report).containsText("Backtest of auth");
        assertThat(report.locator("h4")).containsText(java.util.regex.Pattern.compile("minutes? replayed"));
        assertThat(report.locator("[data-figure='Likely p99 (median)']")).containsText("measured");
        assertThat(report).containsText("instances the policy adds serve 1m after it asks for them");
        assertThat(report.locator("headroom-timeseries").first()).hasAttribute("data-rendered", "true");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("scaling-backtest.png")));

        // Saved with min = max = 1, so the shared fleet is not disturbed; the fleet is minutes old, a day's season has no forecast yet.
        dialog.getByLabel("Max instances", new Locator.GetByLabelOptions().setExact(true)).fill("1");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create policy")).click();
        JsonNode policy = null;
        for (JsonNode candidate : api.get("/api/v1/scaling/policies").body().get("policies")) {
            if (candidate.get("service").asText().equals("auth")) {
                policy = candidate;
            }
        }
        assertThat(policy).isNotNull();
        try {
            assertThat(policy.get("predictive").get("requestsPerInstance").asDouble()).isEqualTo(5);
            assertThat(page.getByText("forecast 10m ahead at 5 req/s per instance (season 1d)")).isVisible();
            String id = policy.get("id").asText();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40)).until(() -> api
                    .get("/api/v1/services/auth/scaling/evaluations").body().get("evaluations").size() > 0);
            JsonNode evaluation = api.get("/api/v1/services/auth/scaling/evaluations").body().get("evaluations").get(0);
            assertThat(evaluation.get("policyId").asText()).isEqualTo(id);
            assertThat(evaluation.get("decision").get("steps").toString()).contains("no forecast floor: needs 1d1h of history");
        } finally {
            api.delete("/api/v1/scaling/policies/" + policy.get("id").asText());
        }
    }

    /** The Scaling page's "New policy" dialog with the service chosen. */
    private Locator newPolicy(Page page, String service) {
        page.navigate("http://127.0.0.1:" + port + "/scaling");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New policy")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Service", new Locator.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(service)).click();
        return dialog;
    }

    @Test
    void anAutoscalersMarkOnAChartOpensWhyItScaled() {
        var api = new JsonApi(port);
        // min = max = 2 on a service at one instance: the policy scales it to 2 at its first evaluation.
        JsonNode policy = api.post("/api/v1/scaling/policies", """
                {"service": "auth", "metric": "utilisation", "target": 0.6, "minInstances": 2, "maxInstances": 2}""").body();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(40)).until(() -> api
                    .get("/api/v1/services/auth/scaling/evaluations?changes=true").body().get("evaluations").size() > 0);
            JsonNode change = api.get("/api/v1/services/auth/scaling/evaluations?changes=true").body().get("evaluations").get(0);
            long at = java.time.Instant.parse(change.get("decision").get("at").asText()).getEpochSecond();

            Page page = browser.signedInPage(port, 1500, 1000);
            // A fixed range: under the default one, which follows the clock, a mark made just now sits at the right edge and
            // moves left with each refresh, which may come between the pointer's move and its click.
            page.navigate("http://127.0.0.1:" + port + "/services/auth?from=" + (at - 600) * 1000 + "&to=" + (at + 120) * 1000);
            Locator throughput = page.locator("headroom-timeseries").first();
            assertThat(throughput).hasAttribute("data-annotations", java.util.regex.Pattern.compile("[1-9]\\d*"),
                    new LocatorAssertions.HasAttributeOptions().setTimeout(15_000));
            @SuppressWarnings("unchecked")
            var point = (java.util.List<Number>) throughput.evaluate("""
                    (chart, at) => {
                      const box = chart.plot.over.getBoundingClientRect();
                      return [box.left + chart.plot.valToPos(at, 'x'), box.top + box.height / 2];
                    }""", (double) at);
            page.mouse().move(point.get(0).doubleValue(), point.get(1).doubleValue());
            assertThat(throughput.locator(".u-over")).hasAttribute("title", java.util.regex.Pattern.compile("^autoscaler: 1 → 2.*click to open"));
            page.mouse().click(point.get(0).doubleValue(), point.get(1).doubleValue());
            assertThat(page).hasURL(java.util.regex.Pattern.compile("/scaling/evaluations/" + change.get("id").asText() + "$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Why auth scaled")))).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("scaling-mark-why.png")));
        } finally {
            api.delete("/api/v1/scaling/policies/" + policy.get("id").asText());
            api.post("/api/v1/services/auth/scale", "{\"instances\": 1}");
        }
    }
}
