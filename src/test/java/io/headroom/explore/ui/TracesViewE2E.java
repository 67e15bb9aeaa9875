package io.headroom.explore.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.regex.Pattern;

import com.google.protobuf.ByteString;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Finding the slowest trace of a service and opening it: the waterfall, an orphan kept, the critical path. */
@HeadroomIntegrationTest
class TracesViewE2E {

    private static final long MS = 1_000_000L;

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void theSlowestTraceOpensAsAWaterfall() {
        String service = TestObjects.uniqueService("shop");
        long start = TestObjects.nowNanos() - 120_000 * MS;
        // Three traces of 40, 250 and 90 ms; the slow one has a child call and an orphan whose parent never arrived.
        ByteString slow = TestObjects.randomId(16);
        Span.Builder fast = TestObjects.serverSpan("GET /cart", start, 40 * MS);
        Span.Builder root = TestObjects.serverSpan("POST /checkout", start + 1_000 * MS, 250 * MS).setTraceId(slow);
        Span.Builder call = TestObjects.serverSpan("charge", start + 1_050 * MS, 180 * MS).setTraceId(slow)
                .setParentSpanId(root.getSpanId()).setKind(Span.SpanKind.SPAN_KIND_CLIENT);
        Span.Builder orphan = TestObjects.serverSpan("retry", start + 1_240 * MS, 5 * MS).setTraceId(slow)
                .setParentSpanId(TestObjects.randomId(8));
        Span.Builder middle = TestObjects.serverSpan("GET /products", start + 2_000 * MS, 90 * MS);
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, fast, orphan, call, root, middle).toByteArray()).statusCode()).isEqualTo(200);
        Page page = browser.signedInPage(port, 1400, 900);

        page.navigate("http://127.0.0.1:" + port + "/traces?from=now-15m&to=now&service=" + service);
        Locator summary = page.locator("[data-traces-summary]");
        assertThat(summary).hasText("3 traces; click one to open it", new LocatorAssertions.HasTextOptions().setTimeout(15_000));

        // A wrong duration is explained on its field; the search is not run.
        page.getByLabel("Min duration").fill("fast");
        page.getByLabel("Min duration").press("Enter");
        assertThat(page.locator("vaadin-text-field[invalid]")).containsText("300ms");
        page.getByLabel("Min duration").fill("50ms");
        page.getByLabel("Min duration").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*minDuration=50ms.*"));
        assertThat(summary).hasText("2 traces; click one to open it");
        // Attributes as Jaeger's search form takes them: key=value pairs, a value with spaces quoted.
        page.getByLabel("Attribute").fill("http.route=\"/POST /checkout\"");
        page.getByLabel("Attribute").press("Enter");
        assertThat(summary).hasText("1 trace; click it to open it");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("traces.png")));

        // The grid keeps the cells of rows it no longer shows (hidden): click the one in view.
        page.locator("[data-traces] vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions().setHasText("POST /checkout"))
                .first().click();
        assertThat(page).hasURL(Pattern.compile(".*/trace/" + HexFormat.of().formatHex(slow.toByteArray()) + "$"));
        assertThat(page.locator("[data-trace-summary]")).containsText("3 spans");
        Locator waterfall = page.locator("[data-waterfall] vaadin-grid-cell-content");
        assertThat(waterfall.filter(new Locator.FilterOptions().setHasText("retry (parent missing)"))).hasCount(1);
        assertThat(page.locator("[data-waterfall] [data-critical]")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("trace-waterfall.png")));
    }

    @Test
    void aTraceOfTenThousandSpansOpensAndScrollsToItsLastSpan() {
        String service = TestObjects.uniqueService("big");
        ByteString trace = TestObjects.randomId(16);
        long start = TestObjects.nowNanos() - 60_000 * MS;
        // A root, 99 children, each with 100 children of its own: 10,000 spans.
        var spans = new java.util.ArrayList<Span.Builder>();
        Span.Builder root = TestObjects.serverSpan("batch", start, 10_000 * MS).setTraceId(trace);
        spans.add(root);
        for (int c = 0; c < 99; c++) {
            Span.Builder child = TestObjects.serverSpan("step " + c, start + c * 100 * MS, 100 * MS).setTraceId(trace)
                    .setParentSpanId(root.getSpanId()).setKind(Span.SpanKind.SPAN_KIND_INTERNAL);
            spans.add(child);
            for (int g = 0; g < 100; g++) {
                spans.add(TestObjects.serverSpan("item " + c + "." + g, start + c * 100 * MS + g * MS, MS).setTraceId(trace)
                        .setParentSpanId(child.getSpanId()).setKind(Span.SpanKind.SPAN_KIND_INTERNAL));
            }
        }
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans.toArray(Span.Builder[]::new)).toByteArray()).statusCode()).isEqualTo(200);
        Page page = browser.signedInPage(port, 1400, 900);

        long opened = System.nanoTime();
        page.navigate("http://127.0.0.1:" + port + "/trace/" + HexFormat.of().formatHex(trace.toByteArray()));
        assertThat(page.locator("[data-trace-summary]")).containsText("10000 spans", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        Locator waterfall = page.locator("[data-waterfall]");
        assertThat(waterfall.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("item 0.0"))).hasCount(1);
        // The grid renders the rows in view only: going to the last of 10,000 keeps the page responsive.
        waterfall.evaluate("grid => grid.scrollToIndex(0, 98, 99)"); // the root, its 99th child, that one's 100th
        assertThat(waterfall.locator("vaadin-grid-cell-content:visible").filter(new Locator.FilterOptions().setHasText("item 98.99")))
                .hasCount(1, new LocatorAssertions.HasCountOptions().setTimeout(15_000));
        System.out.printf("10,000-span trace: opened and scrolled to its last span in %d ms%n", (System.nanoTime() - opened) / 1_000_000);
        assertThat(page.locator("vaadin-grid-cell-content:visible").count()).isLessThan(1_000);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("trace-10000-spans.png")));
    }
}
