package io.headroom.explore.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From a bad p99 to the line that explains it: the Service page's latency chart, the slow minute's
 * traces slowest first, the slow trace from the scatter plot, the log record inline in its
 * waterfall, that record in the Logs view, and back to the trace from the record's trace link.
 */
@HeadroomIntegrationTest
class DrillDownE2E {

    private static final long MS = 1_000_000L;
    private static final long MINUTE = 60_000 * MS;
    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void servicePageToSlowMinuteToTraceToLogLineAndBack() {
        String service = TestObjects.uniqueService("drill");
        long slowMinute = TestObjects.nowNanos() / MINUTE * MINUTE - 3 * MINUTE;
        // Quick requests every 20 s for five minutes; in the slow minute, one request of 1.5 s whose
        // card charge logs why it took so long.
        var spans = new java.util.ArrayList<Span.Builder>();
        for (long at = slowMinute - 2 * MINUTE + 5_000 * MS; at < slowMinute + 3 * MINUTE; at += 20_000 * MS) {
            spans.add(TestObjects.serverSpan("GET /cart", at, 30 * MS));
        }
        Span.Builder slow = TestObjects.serverSpan("POST /checkout", slowMinute + 30_000 * MS, 1_500 * MS);
        Span.Builder charge = TestObjects.serverSpan("charge card", slowMinute + 30_100 * MS, 1_200 * MS)
                .setTraceId(slow.getTraceId()).setParentSpanId(slow.getSpanId()).setKind(Span.SpanKind.SPAN_KIND_CLIENT);
        spans.add(slow);
        spans.add(charge);
        String base = "http://127.0.0.1:" + otlpPort.port();
        assertThat(OtlpClient.post(base + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);
        assertThat(OtlpClient.post(base + "/v1/logs", "application/x-protobuf", null, TestObjects.logs(service,
                TestObjects.logIn(slow, slowMinute + 30_010 * MS, SeverityNumber.SEVERITY_NUMBER_INFO, "checkout started"),
                TestObjects.logIn(charge, slowMinute + 30_700 * MS, SeverityNumber.SEVERITY_NUMBER_WARN,
                        "card issuer slow to answer, retried " + MARKUP)).toByteArray()).statusCode()).isEqualTo(200);
        String traceId = HexFormat.of().formatHex(slow.getTraceId().toByteArray());
        Page page = browser.signedInPage(port, 1400, 1000);
        page.onDialog(dialog -> {
            throw new AssertionError("telemetry text ran as script and opened a dialog: " + dialog.message());
        });

        // The Service page: a click on the latency chart at the slow minute.
        page.navigate("http://127.0.0.1:" + port + "/services/" + service + "?from=now-15m&to=now");
        Locator latency = page.locator("headroom-timeseries[data-chart='latency'][data-rendered='true']");
        assertThat(latency).hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        latency.scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("drill-1-service.png")));
        clickAt(latency, slowMinute / 1_000_000_000.0);

        // The slow minute's traces, slowest first; the scatter plot's dot for the slow one opens it.
        assertThat(page).hasURL(Pattern.compile(".*/traces\\?.*sort=duration.*"));
        assertThat(page).hasURL(Pattern.compile(".*from=" + slowMinute / MS + "&to=" + (slowMinute + MINUTE) / MS + ".*"));
        assertThat(page.locator("[data-traces-summary]")).hasText("4 traces; click one to open it",
                new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.locator("[data-traces] vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("1.50 s"))).hasCount(1);
        Locator scatter = page.locator("headroom-timeseries[data-traces-scatter][data-rendered='true']");
        assertThat(scatter).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("drill-2-traces.png")));
        clickAt(scatter, (slowMinute + 30_000 * MS) / 1_000_000_000.0);

        // The trace: the charge's log record sits under it in the waterfall; selecting it shows the record as text.
        assertThat(page).hasURL(Pattern.compile(".*/trace/" + traceId + "$"));
        assertThat(page.locator("[data-trace-summary]")).containsText("2 spans");
        assertThat(page.locator("[data-trace-summary]")).containsText("2 log records");
        Locator rows = page.locator("[data-waterfall] vaadin-grid-cell-content");
        Locator warning = rows.filter(new Locator.FilterOptions().setHasText("WARN · card issuer slow to answer, retried " + MARKUP));
        assertThat(warning).hasCount(1);
        assertThat(page.locator("[data-waterfall] [data-log-mark]")).hasCount(2);
        warning.click();
        Locator details = page.locator("[data-span-details]");
        assertThat(details.locator("[data-section='Body']")).hasText("card issuer slow to answer, retried " + MARKUP);
        assertThat(page.locator("img")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("drill-3-trace.png")).setFullPage(true));

        // The record among the trace's logs, and from its trace link back to the trace.
        details.getByText("Search these logs").click();
        assertThat(page).hasURL(Pattern.compile(".*/logs\\?.*traceId=" + traceId + ".*"));
        assertThat(page.locator("[data-logs-summary]")).hasText("2 records match; the newest 2 are listed");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("drill-4-logs.png")));
        page.locator("[data-logs] [data-trace-id='" + traceId + "']:visible").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/trace/" + traceId + "$"));
        assertThat(page.locator("h2")).hasText(service + ": POST /checkout");
        assertThat(page.locator("[data-trace-summary]")).containsText("2 log records");
    }

    /** Clicks the chart's plot at an instant (unix seconds), reading its time axis from the chart's data-from/data-to. */
    private static void clickAt(Locator chart, double seconds) {
        double from = Double.parseDouble(chart.getAttribute("data-from"));
        double to = Double.parseDouble(chart.getAttribute("data-to"));
        Locator plot = chart.locator(".u-over");
        BoundingBox box = plot.boundingBox();
        double x = (seconds - from) / (to - from) * box.width;
        plot.click(new Locator.ClickOptions().setPosition(x, box.height / 2));
    }
}
