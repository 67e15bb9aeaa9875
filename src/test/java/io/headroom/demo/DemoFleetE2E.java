package io.headroom.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a new user sees first: the demo shop's services in the Services view, with live throughput;
 * and the demo pager's pages, each with its runbook link, on the Demo page.
 */
@DemoFleetTest
class DemoFleetE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void servicesViewListsTheDemoShopWithLiveThroughput() {
        Page page = browser.signedInPage(port, 1400, 700);
        page.navigate("http://127.0.0.1:" + port + "/");
        var cells = page.locator("vaadin-grid-cell-content");
        for (String service : List.of("gateway", "auth", "catalog", "pricing", "inventory", "checkout", "payments", "billing")) {
            assertThat(cells.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + service + "$"))))
                    .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(45_000));
        }
        // Throughput cells fill in as rollups arrive; with 40 requests/s every service shows a non-zero rate.
        assertThat(page.locator("vaadin-grid-cell-content [data-figure='Throughput']")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^[1-9][0-9.]*k? req/s$|^0\\.[0-9]*[1-9][0-9]* req/s$"))))
                .hasCount(8, new LocatorAssertions.HasCountOptions().setTimeout(45_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("demo-services.png")));

        // The Executive view: the load generator's requests are the transactions (each starts a trace at the gateway).
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Executive")).click();
        page.waitForURL("**/executive");
        assertThat(page.locator("[data-figure='Transactions']")).containsText(Pattern.compile("[1-9][0-9.]* req/s"),
                new LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        assertThat(page.locator("[data-figure='Cost / 1k transactions']")).containsText(Pattern.compile("\\d"));
        assertThat(page.locator("[data-figure='Availability']")).containsText("%");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("executive.png")));
    }

    @Test
    void theDemoPageShowsWhatThePagerReceived() {
        String tag = Long.toHexString(System.nanoTime());
        // Real pages arrive too (other tests' faults fire the demo's rules): this one's link is its own.
        String runbook = "http://127.0.0.1:" + port + "/runbooks/high-latency?service=billing&probe=" + tag;
        org.assertj.core.api.Assertions.assertThat(io.headroom.JsonApi.anonymous(port).post("/api/v1/demo/pager", """
                {"version": "4", "status": "firing", "alerts": [{"status": "firing",
                 "labels": {"alertname": "Probe%s", "service": "billing"},
                 "annotations": {"summary": "billing p99 latency is 512 ms", "runbook_url": "%s"}}]}""".formatted(tag, runbook))
                .status()).isEqualTo(200);
        Page page = browser.signedInPage(port, 1400, 900);
        page.navigate("http://127.0.0.1:" + port + "/demo");
        assertThat(page.getByText("Probe" + tag)).isVisible();
        assertThat(page.locator("a[href='" + runbook + "']")).hasText("Runbook");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("demo-pager.png")).setFullPage(true));
    }
}
