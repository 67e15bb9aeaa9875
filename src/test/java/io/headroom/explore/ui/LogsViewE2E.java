package io.headroom.explore.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator looking for why payments fail: searches a service's logs for words, sees them by
 * severity over time, narrows to one trace from a line, and reads markup in a log body as text.
 */
@HeadroomIntegrationTest
class LogsViewE2E {

    private static final String MARKUP = "<img src=x onerror=alert(1)>";

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void searchNarrowToATraceAndReadMarkupAsText() {
        String service = TestObjects.uniqueService("paylogs");
        String traceId = sendLogs(service);
        Page page = browser.signedInPage(port, 1400, 900);
        page.onDialog(dialog -> {
            throw new AssertionError("a log body ran as script and opened a dialog: " + dialog.message());
        });

        page.navigate("http://127.0.0.1:" + port + "/logs?from=now-15m&to=now&service=" + service);
        // The grid renders only the rows in view; the summary counts them all.
        Locator summary = page.locator("[data-logs-summary]");
        assertThat(summary).hasText("30 records match; the newest 30 are listed", new LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(page.locator("headroom-timeseries[data-rendered='true']")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("logs.png")));

        // Words and severity from the fields: the URL keeps them, so the link reproduces the search.
        page.getByLabel("Search").fill("declined");
        page.getByLabel("Search").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*q=declined.*"));
        assertThat(summary).hasText("10 records match; the newest 10 are listed");
        // Markup in a body is shown as the characters it is: no image element is made of it.
        assertThat(page.locator("[data-logs] vaadin-grid-cell-content:visible").filter(
                new Locator.FilterOptions().setHasText("payment declined for card " + MARKUP)).first()).isVisible();
        assertThat(page.locator("[data-logs] img")).hasCount(0);

        // A wrong attribute filter is explained on its field and changes nothing.
        page.getByLabel("Attribute").fill("novalue");
        page.getByLabel("Attribute").press("Enter");
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("key=value");
        page.getByLabel("Attribute").fill("");
        page.getByLabel("Search").fill("");
        page.getByLabel("Search").press("Enter");
        assertThat(summary).hasText("30 records match; the newest 30 are listed");

        // A line's trace opens the Trace view: its waterfall with its log records, the selected span's details as text.
        page.locator("[data-logs] [data-trace-id]:visible").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/trace/" + traceId + "$"));
        assertThat(page.locator("[data-trace-summary]")).containsText("2 spans");
        Locator waterfall = page.locator("[data-waterfall]");
        assertThat(waterfall.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("charge card"))).hasCount(1);
        assertThat(waterfall.locator("[data-critical]")).hasCount(2);
        // The trace's records inline, under the span they were written in.
        assertThat(waterfall.locator("vaadin-grid-cell-content").filter(
                new Locator.FilterOptions().setHasText("WARN · payment declined for card " + MARKUP))).hasCount(10);
        waterfall.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("charge card")).click();
        assertThat(page.locator("[data-span-details] [data-section='Attributes']")).containsText(MARKUP);
        assertThat(page.locator("img")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("trace.png")).setFullPage(true));

        // And back: the trace's log records in the Logs view, narrowed to the trace.
        page.getByText("Search these logs").click();
        assertThat(page).hasURL(Pattern.compile(".*/logs\\?.*traceId=" + traceId + ".*"));
        assertThat(summary).hasText("10 records match; the newest 10 are listed");
        assertThat(page.getByLabel("Trace id")).hasValue(traceId);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("logs-trace.png")));
    }

    /**
     * 20 INFO lines and 10 WARN lines, over the last ten minutes; the WARN lines in a trace of two
     * spans, the child with markup in an attribute. @return the trace id
     */
    private String sendLogs(String service) {
        Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)));
        String otlp = "http://127.0.0.1:" + otlpPort.port();
        var provider = SdkLoggerProvider.builder().setResource(resource)
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(
                        OtlpHttpLogRecordExporter.builder().setEndpoint(otlp + "/v1/logs").build()).build())
                .build();
        var tracerProvider = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(otlp + "/v1/traces").build()).build())
                .build();
        Logger logger = provider.get("io.headroom.e2e");
        var tracer = tracerProvider.get("io.headroom.e2e");
        long now = TestObjects.nowNanos();
        // The request spans the ten minutes of log lines, so each WARN line falls inside its trace.
        Span span = tracer.spanBuilder("POST /checkout").setStartTimestamp(now - 700_000_000_000L, TimeUnit.NANOSECONDS).startSpan();
        try (var scope = span.makeCurrent()) {
            tracer.spanBuilder("charge card").setAttribute("card.holder", MARKUP).startSpan().end();
        }
        for (int i = 0; i < 30; i++) {
            var record = logger.logRecordBuilder().setTimestamp(now - (30 - i) * 20_000_000_000L, TimeUnit.NANOSECONDS);
            if (i % 3 == 2) {
                try (var scope = span.makeCurrent()) {
                    record.setSeverity(Severity.WARN).setBody("payment declined for card " + MARKUP).setContext(Context.current());
                }
            } else {
                record.setSeverity(Severity.INFO).setBody("order placed order_id=" + i);
            }
            record.emit();
        }
        span.end();
        assertThat(provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(tracerProvider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
        provider.close();
        tracerProvider.close();
        return span.getSpanContext().getTraceId();
    }
}
