package io.headroom.ingest.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator adds scrape targets on the Targets page and sees each one up, or down with the reason. */
@HeadroomIntegrationTest
class TargetsViewE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void targetsAddedInThePageAreScrapedAndShownUpOrDownWithTheReason() throws IOException {
        var registry = new PrometheusRegistry();
        Counter.builder().name("orders_total").help("Orders").withoutExemplars().register(registry).inc(3);
        try (HTTPServer exporter = HTTPServer.builder().port(0).registry(registry).buildAndStart()) {
            String job = TestObjects.uniqueService("orders");
            String healthy = "http://127.0.0.1:" + exporter.getPort() + "/metrics";
            String refused = "http://127.0.0.1:" + unusedPort() + "/metrics";
            Page page = browser.signedInPage(port, 1500, 800);
            page.navigate("http://127.0.0.1:" + port + "/targets");

            textbox(page, "Job").fill(job);
            textbox(page, "Metrics URL").fill("ftp://nowhere/metrics");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target").setExact(true)).click();
            assertThat(page.locator("vaadin-text-field[invalid]")).containsText("URL must be an absolute http or https URL");

            for (String url : new String[] {healthy, refused}) {
                textbox(page, "Metrics URL").fill(url);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target").setExact(true)).click();
                // The page clears the field once the target is added; typing the next URL before that would be wiped.
                assertThat(textbox(page, "Metrics URL")).hasValue("");
            }
            // Other tests' targets share this store; the filter leaves this job's two rows, whatever else is listed.
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Filter targets")).fill(job);
            Locator cells = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true));
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^UP$"))))
                    .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(40_000));
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^DOWN$"))))
                    .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(40_000));
            assertThat(cells.filter(new Locator.FilterOptions().setHasText("connection refused"))).hasCount(1);
            assertThat(cells.filter(new Locator.FilterOptions().setHasText("http://127.0.0.1:"))).hasCount(2);
            assertThat(row(cells, healthy)).hasCount(1);
            assertThat(row(cells, refused)).hasCount(1);
            assertThat(page.locator("p").filter(new Locator.FilterOptions().setHasText("targets ·")))
                    .containsText(Pattern.compile("\\d+ targets · [1-9]\\d* up · [1-9]\\d* down"));
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("targets.png")));
        }
    }

    private static Locator textbox(Page page, String name) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator row(Locator cells, String url) {
        return cells.filter(new Locator.FilterOptions().setHasText(url));
    }

    private static int unusedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
