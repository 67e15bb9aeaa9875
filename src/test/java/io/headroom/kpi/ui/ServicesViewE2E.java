package io.headroom.kpi.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.vaadin.flow.router.QueryParameters;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.kpi.CapacityLedger;
import io.headroom.kpi.ScalingScenario;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator's first minutes: spans arrive from an SDK, the Services view shows them live, the service page charts them. */
@HeadroomIntegrationTest
class ServicesViewE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    CapacityLedger ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void servicesAppearLiveAndTheirPageDrawsCharts() {
        String service = TestObjects.uniqueService("storefront");
        sendTraffic(service, 600, 30);
        Page page = browser.signedInPage(port, 1400, 900);

        page.navigate("http://127.0.0.1:" + port + "/");
        page.getByLabel("Filter").fill(service);
        Locator row = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(service));
        assertThat(row).hasCount(1);
        // Only visible cells: the grid keeps rows it no longer shows, with their old text, to reuse them.
        Locator throughput = page.locator("vaadin-grid-cell-content [data-figure='Throughput']:visible");
        assertThat(throughput).hasCount(1); // once the filter has applied
        assertThat(throughput).hasText(Pattern.compile("^[0-9.]+k? req/s$"));
        assertThat(throughput.textContent()).isNotEqualTo("0 req/s");
        // Throughput and p99 each draw the last 5 minutes beside their number: a point for each one-minute step.
        assertThat(page.locator("headroom-sparkline[data-trend='Throughput']:visible")).hasAttribute("data-points", Pattern.compile("^[5-7]$"));
        assertThat(page.locator("headroom-sparkline[data-trend='p99']:visible")).hasAttribute("data-points", Pattern.compile("^[5-7]$"));
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("services-filtered.png")));

        // A service that starts sending while the page is open appears without a reload (Vaadin push).
        String latecomer = service + "-late";
        page.getByLabel("Filter").fill(service);
        sendTraffic(latecomer, 50, 2);
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(latecomer)))
                .hasCount(1, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        page.getByLabel("Filter").fill("");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("services.png")));

        // A service that stopped sending says since when, rather than merely looking quiet.
        String quiet = service + "-quiet";
        sendTraffic(quiet, 10, 1);
        jdbc.sql("UPDATE services SET last_seen = now() - interval '10 minutes' WHERE service_name = ?").param(quiet).update();
        page.getByLabel("Filter").fill(quiet);
        assertThat(page.locator("[data-silent]:visible")).hasText("silent, last seen 10 min ago",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("services-silent.png")));
        page.getByLabel("Filter").fill(service);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(service).setExact(true)).click();
        page.waitForURL("**/services/" + service);
        Locator charts = page.locator("headroom-timeseries[data-rendered='true']");
        assertThat(charts).hasCount(3, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(page.locator("[data-figure='p99']")).containsText("ms");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service.png")));
        charts.nth(2).scrollIntoViewIfNeeded();
        charts.nth(2).screenshot(new Locator.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-latency.png")));
        Locator operations = page.locator("[data-operations]");
        assertThat(operations.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("GET /products")))
                .hasCount(1);
        operations.scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-operations.png")));

        // An SLO set from the page: the form explains a wrong value, then the panel shows budget and burn.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("SLO…").setExact(true)).click();
        numberField(page, "Availability objective (%)").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("vaadin-dialog-overlay vaadin-number-field[invalid]")).containsText("above 0 and below 100");
        numberField(page, "Availability objective (%)").fill("99");
        numberField(page, "Latency objective (%)").fill("95");
        numberField(page, "Latency threshold (ms)").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        // About 4.3 % of the requests failed against 1 % allowed, and about 6 % took over 100 ms against 5 %:
        // both burn above 1 over every window, under the paging rates, so a ticket.
        assertThat(page.locator("[data-slo]")).containsText("Availability: 99 % of requests succeed over 30 d");
        assertThat(page.locator("[data-slo]")).containsText("Latency: 95 % of requests ≤ 100 ms over 30 d");
        assertThat(page.locator("[data-slo-alert]")).hasText("TICKET");
        page.locator("[data-slo]").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-slo.png")));

        // Apdex T from the page: a wrong value is explained on the field, a good one changes the figure.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apdex T…").setExact(true)).click();
        numberField(page, "Target time T (ms)").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("vaadin-dialog-overlay vaadin-number-field[invalid]")).containsText("must be above 0");
        numberField(page, "Target time T (ms)").fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("[data-figure^='Apdex']")).containsText("T 100 ms");
        // The price, from the same kind of dialog.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Price…").setExact(true)).click();
        numberField(page, "Price per instance-hour").fill("-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("vaadin-dialog-overlay vaadin-number-field[invalid]")).containsText("must be between 0 and");
        numberField(page, "Price per instance-hour").fill("1.5");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("[data-price]")).hasText("1.50 per instance-hour");
        page.locator("[data-figure^='Apdex']").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-apdex.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← All services")).click();
        page.getByLabel("Filter").fill(service);
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^TICKET$"))))
                .hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("services-health.png")));
    }

    @Test
    void dragAcrossAChartZoomsEveryChartAndTheLinkKeepsTheRange() {
        String service = TestObjects.uniqueService("zoomed");
        sendTraffic(service, 300, 30);
        Page page = browser.signedInPage(port, 1400, 900);
        page.navigate("http://127.0.0.1:" + port + "/services/" + service + "?from=now-1h&to=now");
        Locator throughput = page.locator("headroom-timeseries[data-rendered='true']").first();
        assertThat(throughput).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
        assertThat(page.locator("[data-time-controls] vaadin-select").first()).containsText("Last 1 hour");

        // Drag over the middle half of the plot: the page asks for that range, puts it in the URL and redraws every chart.
        var plot = throughput.locator(".u-over").boundingBox();
        page.mouse().move(plot.x + plot.width * 0.25, plot.y + plot.height / 2);
        page.mouse().down();
        page.mouse().move(plot.x + plot.width * 0.5, plot.y + plot.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().move(plot.x + plot.width * 0.75, plot.y + plot.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        page.waitForURL(Pattern.compile(".*from=\\d{13}.*"));
        var query = query(page);
        long from = Long.parseLong(query.get("from").get(0));
        long to = Long.parseLong(query.get("to").get(0));
        assertThat(to - from).as("half of the hour's axis, in ms").isBetween(25 * 60_000L, 35 * 60_000L);
        assertThat(query.get("refresh")).containsExactly("5s");
        // Throughput, errors and latency; instances and cost stay empty, as no scale target reports this service.
        Locator zoomedCharts = page.locator("headroom-timeseries[data-from='" + from / 1000 + "']");
        assertThat(zoomedCharts).hasCount(3, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(page.locator("[data-time-controls] vaadin-select").first()).containsText("→");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-zoomed.png")));

        // The link reproduces the view.
        String link = page.url();
        page.navigate(link);
        assertThat(page.locator("headroom-timeseries[data-from='" + from / 1000 + "']")).hasCount(3);

        // Zoom out doubles the range around its centre; back returns to the zoomed range.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Zoom out")).click();
        page.waitForURL(url -> !url.equals(link));
        long outFrom = Long.parseLong(query(page).get("from").get(0));
        long outTo = Long.parseLong(query(page).get("to").get(0));
        assertThat(outTo - outFrom).isCloseTo(2 * (to - from), org.assertj.core.data.Offset.offset(1L));
        assertThat(page.locator("headroom-timeseries[data-from='" + outFrom / 1000 + "']")).hasCount(3);
        page.goBack();
        assertThat(page.locator("headroom-timeseries[data-from='" + from / 1000 + "']")).hasCount(3);

        // A relative range from the picker, and refresh off: both in the URL.
        page.locator("[data-time-controls] vaadin-select").first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Last 6 hours")).click();
        page.waitForURL(Pattern.compile(".*from=now-6h.*"));
        page.locator("[data-time-controls] vaadin-select").nth(1).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Off")).click();
        page.waitForURL(Pattern.compile(".*refresh=off.*"));
        assertThat(page.url()).contains("from=now-6h");
    }

    @Test
    void theServicePageChartsThroughputAgainstInstancesAndFlagsWhereScalingStoppedHelping() {
        String service = TestObjects.uniqueService("scaled");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        ScalingScenario.run(service, minute.minus(Duration.ofMinutes(6)), ledger, otlpPort);
        Page page = browser.signedInPage(port, 1400, 900);
        page.navigate("http://127.0.0.1:" + port + "/services/" + service + "?from=" + minute.minus(Duration.ofMinutes(7)).toEpochMilli()
                + "&to=" + minute.toEpochMilli());

        Locator panel = page.locator("[data-scaling]");
        assertThat(panel.locator("[data-scaling-finding]")).containsText("Adding instances past 2 stopped helping",
                new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        Locator chart = panel.locator("headroom-timeseries[data-rendered='true']");
        assertThat(chart).hasAttribute("data-annotations", "1");
        assertThat(panel.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("70 %"))).hasCount(1);
        chart.scrollIntoViewIfNeeded();
        panel.screenshot(new Locator.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-scaling-efficiency.png")));
    }

    private static java.util.Map<String, java.util.List<String>> query(Page page) {
        return QueryParameters.fromString(page.url().substring(page.url().indexOf('?') + 1)).getParameters();
    }

    private static Locator numberField(Page page, String label) {
        return page.locator("vaadin-dialog-overlay vaadin-number-field").filter(new Locator.FilterOptions().setHasText(label))
                .locator("input");
    }

    /** {@code count} server spans spread over the last {@code minutes} minutes, slower and more failing towards now. */
    private void sendTraffic(String service, int count, int minutes) {
        var exporter = OtlpHttpSpanExporter.builder().setEndpoint("http://127.0.0.1:" + otlpPort.port() + "/v1/traces").build();
        var provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
        var tracer = provider.get("io.headroom.e2e");
        long now = TestObjects.nowNanos();
        long spread = minutes * 60_000_000_000L;
        for (int i = 0; i < count; i++) {
            long start = now - spread + spread * i / count;
            double progress = i / (double) count;
            long duration = (long) ((5 + 40 * progress * progress + (i % 17 == 0 ? 120 : 0)) * 1_000_000);
            Span span = tracer.spanBuilder("GET /products").setSpanKind(SpanKind.SERVER)
                    .setStartTimestamp(start, TimeUnit.NANOSECONDS).startSpan();
            if (i % 23 == 0) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end(start + duration, TimeUnit.NANOSECONDS);
        }
        assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        provider.close();
    }
}
