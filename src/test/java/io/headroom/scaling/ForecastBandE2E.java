package io.headroom.scaling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.headroom.kpi.CapacityLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A service with a predictive policy shows the next hour's forecast on its throughput chart: the
 * time axis runs an hour past now and the legend names the forecast; the other charts keep to the
 * window. Without a policy the chart ends at now.
 */
@HeadroomIntegrationTest
class ForecastBandE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlp;

    @Autowired
    CapacityLedger ledger;

    @Autowired
    Clock clock;

    @Test
    void theThroughputChartCarriesTheForecastOfTheNextHour() {
        String service = TestObjects.uniqueService("orders");
        SeasonalTraffic.record(service, 45, clock.instant(), clock.instant(), ledger, otlp);
        var api = new JsonApi(port);
        Page page = browser.signedInPage(port, 1400, 1000);
        page.navigate("http://127.0.0.1:" + port + "/services/" + service);
        Locator throughput = page.locator("headroom-timeseries").first();
        assertThat(throughput).hasAttribute("data-rendered", "true");
        long now = clock.instant().getEpochSecond();
        assertThat(Long.parseLong(throughput.getAttribute("data-to"))).as("no policy: the window ends now").isLessThan(now + 120);

        JsonNode policy = api.post("/api/v1/scaling/policies", """
                {"service": "%s", "metric": "requests_per_instance", "target": 2, "minInstances": 1, "maxInstances": 10,
                 "predictive": {"season": "10m", "lead": "3m"}}""".formatted(service)).body();
        try {
            page.reload();
            assertThat(throughput).hasAttribute("data-rendered", "true");
            assertThat(throughput.locator(".u-legend")).containsText("forecast");
            long to = Long.parseLong(throughput.getAttribute("data-to"));
            assertThat(to).as("the axis runs to the forecast's end").isGreaterThan(now + Duration.ofMinutes(55).toSeconds());
            Locator latency = page.locator("headroom-timeseries[data-chart='latency']");
            assertThat(Long.parseLong(latency.getAttribute("data-to"))).isLessThan(now + 120);
            throughput.scrollIntoViewIfNeeded();
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("forecast-band.png")));
        } finally {
            api.delete("/api/v1/scaling/policies/" + policy.get("id").asText());
        }
    }
}
