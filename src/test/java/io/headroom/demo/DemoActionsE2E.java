package io.headroom.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.headroom.BrowserSupport;
import io.headroom.JsonApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator scales a service and breaks it from its page, and changes the demo load, in a real browser. */
@DemoFleetTest
class DemoActionsE2E {

    private static final LocatorAssertions.ContainsTextOptions WITHIN_30S = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @AfterEach
    void restoreTheFleet() {
        var api = new JsonApi(port);
        api.post("/api/v1/services/pricing/scale", "{\"instances\": 1}");
        api.put("/api/v1/demo/load", "{\"rps\": 40}");
    }

    @Test
    void scalingAndAFaultFromTheServicePageShowOnItsChartsWithinSeconds() {
        Page page = browser.signedInPage(port, 1400, 1000);
        page.navigate("http://127.0.0.1:" + port + "/services/pricing");
        Locator instances = page.locator("[data-instances]");
        assertThat(instances).hasText("1 instance", new LocatorAssertions.HasTextOptions().setTimeout(30_000));

        button(page, "Scale…").click();
        Locator field = page.locator("vaadin-dialog-overlay vaadin-integer-field input");
        field.fill("11");
        button(page, "Scale").click();
        assertThat(page.locator("vaadin-dialog-overlay vaadin-integer-field")).containsText("instances must be between 1 and 10 for pricing, was 11");
        field.fill("2");
        button(page, "Scale").click();
        assertThat(instances).hasText("2 instances", new LocatorAssertions.HasTextOptions().setTimeout(10_000));
        // The recorded instances and the demo's list price (0.048 an instance-hour for pricing) give the cost.
        assertThat(page.locator("[data-price]")).hasText("0.048 per instance-hour (list price)");
        assertThat(page.locator("[data-figure='Instances']")).containsText("2", WITHIN_30S);
        assertThat(page.locator("[data-figure='Cost / hour']")).containsText("0.096", WITHIN_30S);
        // The scaling is an event on the page and a marker on every chart's time axis.
        assertThat(page.locator("[data-event='scale']").first()).containsText("→ 2 instances", WITHIN_30S);
        assertThat(page.locator("headroom-timeseries").first())
                .hasAttribute("data-annotations", Pattern.compile("[1-9]\\d*"), new LocatorAssertions.HasAttributeOptions().setTimeout(30_000));
        chart(page, "Cost per hour").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-capacity.png")));
        // Saturation comes from the instances' scraped metrics: workers busy, requests in progress, CPU.
        for (String title : new String[] {"Saturation", "Requests in progress", "CPU"}) {
            assertThat(chart(page, title)).hasAttribute("data-rendered", "true", new LocatorAssertions.HasAttributeOptions().setTimeout(45_000));
        }
        chart(page, "Saturation").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-saturation.png")));

        button(page, "Inject fault…").click();
        numberField(page, "Added latency (ms)").fill("150");
        numberField(page, "Requests hit (%)").fill("150");
        button(page, "Inject").click();
        assertThat(page.locator("vaadin-dialog-overlay vaadin-number-field").filter(new Locator.FilterOptions().setHasText("Requests hit")))
                .containsText("percentage must be above 0 and at most 100");
        numberField(page, "Requests hit (%)").fill("100");
        button(page, "Inject").click();

        Locator fault = page.locator("[data-fault]");
        assertThat(fault).containsText("latency +150 ms on all requests");
        assertThat(page.locator("[data-event='fault']").first()).containsText("fault: latency +150 ms on all requests", WITHIN_30S);
        // The p99 of the last 5 minutes rises past the added 150 ms as the fault's requests come in.
        page.locator("vaadin-select").first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Last 5 minutes").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*from=now-5m.*"));
        // Every chart redraws over the 5 minutes (the time axis starts at most 5½ minutes ago).
        page.waitForFunction("min => [...document.querySelectorAll('headroom-timeseries[data-from]')].every(c => +c.dataset.from >= min)",
                (double) java.time.Instant.now().minusSeconds(330).getEpochSecond());
        assertThat(page.locator("[data-figure=p99]")).containsText(Pattern.compile("(1[5-9]\\d|[2-9]\\d\\d) ms|\\d\\.\\d\\d s"), WITHIN_30S);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-fault.png")).setFullPage(true));

        button(page, "Stop").click();
        assertThat(fault).hasCount(0);
    }

    private static Locator chart(Page page, String title) {
        return page.locator("headroom-timeseries").filter(new Locator.FilterOptions().setHas(
                page.locator(".title").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + title + "$")))));
    }

    @Test
    void theDemoLoadCanBeChangedFromItsView() {
        Page page = browser.signedInPage(port, 1400, 700);
        page.navigate("http://127.0.0.1:" + port + "/demo");
        assertThat(page.locator("[data-figure='Base rate']")).containsText("40 req/s", WITHIN_30S);
        Locator rate = page.locator("vaadin-number-field input");
        rate.fill("3000");
        button(page, "Apply").click();
        assertThat(page.locator("vaadin-number-field")).containsText("between 0 and 2000");
        rate.fill("45");
        button(page, "Apply").click();
        assertThat(page.locator("[data-figure='Base rate']")).containsText("45 req/s");
        assertThat(page.locator("[data-figure='Sent']")).containsText(Pattern.compile("[1-9]\\d*"));
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("demo-load.png")));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator numberField(Page page, String label) {
        return page.locator("vaadin-dialog-overlay vaadin-number-field").filter(new Locator.FilterOptions().setHasText(label)).locator("input");
    }
}
