package io.headroom.explore.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.TestObjects;
import io.headroom.explore.ShopCalls;
import io.headroom.ingest.otlp.OtlpPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service map draws the shop's calls, lists them with rates, and a service's box opens its page. */
@HeadroomIntegrationTest
class ServiceMapE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Test
    void theMapShowsCallsAndOpensAServicesPage() {
        String gateway = TestObjects.uniqueService("gateway");
        String catalog = TestObjects.uniqueService("catalog");
        String pricing = TestObjects.uniqueService("pricing");
        ShopCalls.send(otlpPort.port(), gateway, catalog, pricing, (TestObjects.nowNanos() / 60_000_000_000L - 3) * 60_000_000_000L, 10);
        Page page = browser.signedInPage(port, 1400, 900);

        page.navigate("http://127.0.0.1:" + port + "/map?from=now-15m&to=now&refresh=5s");
        Locator edges = page.locator("[data-service-edges] vaadin-grid-cell-content");
        assertThat(edges.filter(new Locator.FilterOptions().setHasText(pricing))).hasCount(1,
                new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        assertThat(page.locator("[data-service-map] [data-node='" + catalog + "']")).isVisible();
        assertThat(page.locator("[data-service-map] [data-edge='" + catalog + " -> " + pricing + "'] text")).containsText("· 20 % ·");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("service-map.png")));

        page.locator("[data-service-map] [data-node='" + catalog + "'] rect").click();
        page.waitForURL("**/services/" + catalog);
    }
}
