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
 * An operator writes an experiment in the Chaos page (bounds proposed from inventory's history,
 * a refusal shown under its field), starts it, watches it abort when 800 ms of latency breaks the
 * steady state, and reads its report; then stops all chaos with the kill switch and releases it.
 * Each step is checked through the API the pages share.
 */
@DemoFleetTest
class ChaosE2E {

    private static final String SERVICE = "inventory";

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void anOperatorStartsAnExperimentWatchesItAbortAndReadsItsReport() {
        var api = new JsonApi(port);
        // Letters, digits and spaces only: the name goes into a regular expression Playwright hands to JavaScript.
        String name = "inventory under 800 ms " + Long.toHexString(System.nanoTime());
        Page page = browser.signedInPage(port, 1500, 1100);
        page.navigate("http://127.0.0.1:" + port + "/chaos");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New experiment")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
        dialog.getByLabel("Service", new Locator.GetByLabelOptions().setExact(true)).fill(SERVICE);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(SERVICE)).click();
        assertThat(dialog.getByText("Proposed from the last 7 days")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("chaos-experiment-dialog.png")));
        dialog.getByLabel("Duration (s)", new Locator.GetByLabelOptions().setExact(true)).fill("5");
        dialog.getByLabel("Check again after (s)", new Locator.GetByLabelOptions().setExact(true)).fill("0");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create experiment")).click();
        assertThat(page.locator("vaadin-integer-field[invalid]")).containsText("duration must be between 10s and 1h");
        dialog.getByLabel("Duration (s)", new Locator.GetByLabelOptions().setExact(true)).fill("120");
        dialog.getByLabel("p99 below (ms)", new Locator.GetByLabelOptions().setExact(true)).fill("300");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create experiment")).click();
        assertThat(page.getByText("latency +800 ms on all requests for 120 s")).isVisible();
        JsonNode experiment = null;
        for (JsonNode candidate : api.get("/api/v1/chaos/experiments").body().get("experiments")) {
            if (candidate.get("name").asText().equals(name)) {
                experiment = candidate;
            }
        }
        assertThat(experiment).isNotNull();
        assertThat(experiment.get("steadyState").get(0).get("threshold").asDouble()).isEqualTo(300);
        assertThat(experiment.get("recoverySeconds").asLong()).isZero();

        SteadyServices.awaitSteadyState(api, SERVICE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start " + name)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Run \\d+: " + name + "$")))).isVisible();
        Locator aborted = page.locator("span[theme~='badge']").filter(new Locator.FilterOptions().setHasText("aborted"));
        assertThat(aborted).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.getByText("the hypothesis did not hold")).isVisible();
        assertThat(page.getByText(java.util.regex.Pattern.compile("^Time to detect: the steady-state check saw the breach"))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("stopped latency +800 ms")))
                .hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("chaos-run.png")).setFullPage(true));
        com.microsoft.playwright.Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the report (Markdown)")).click());
        assertThat(download.suggestedFilename()).matches("chaos-run-\\d+\\.md");
        try {
            assertThat(java.nio.file.Files.readString(download.path())).startsWith("# Chaos experiment: " + name)
                    .contains("- **Outcome:** aborted; the hypothesis did not hold");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        JsonNode runs = api.get("/api/v1/chaos/runs?experiment=" + experiment.get("id").asText()).body().get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status").asText()).isEqualTo("ABORTED");
        assertThat(runs.get(0).get("startedBy").asText()).isEqualTo("admin");
        assertThat(page.url()).endsWith("/chaos/runs/" + runs.get(0).get("id").asText());

        page.navigate("http://127.0.0.1:" + port + "/chaos");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Why the kill switch is engaged")).fill("GameDay over");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop all chaos")).click();
        try {
            assertThat(page.locator("span[theme~='badge']").filter(new Locator.FilterOptions().setHasText("Kill switch engaged"))).isVisible();
            assertThat(page.getByText(java.util.regex.Pattern.compile("GameDay over\\. No experiment or fault can start"))).isVisible();
            assertThat(api.get("/api/v1/chaos/kill-switch").body().get("engaged").asBoolean()).isTrue();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start " + name))).isDisabled();
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("chaos.png")).setFullPage(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release")).click();
            assertThat(page.locator("span[theme~='badge']").filter(new Locator.FilterOptions().setHasText("Kill switch off"))).isVisible();
            assertThat(api.get("/api/v1/chaos/kill-switch").body().get("engaged").asBoolean()).isFalse();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start " + name))).isEnabled();
        } finally {
            api.post("/api/v1/chaos/kill-switch", "{\"engaged\": false}");
            api.delete("/api/v1/chaos/experiments/" + experiment.get("id").asText());
        }
    }
}
