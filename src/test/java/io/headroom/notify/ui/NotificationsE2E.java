package io.headroom.notify.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.notify.WebhookSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An operator sends a test notification from the Notifications page and reads its delivery in the log. */
@HeadroomIntegrationTest
class NotificationsE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void sendTestIsDeliveredAndItsAttemptShown() throws IOException {
        try (var sink = new WebhookSink()) {
            String name = "ui-" + Long.toHexString(System.nanoTime());
            assertThat(new JsonApi(port).post("/api/v1/notification-channels",
                    "{\"name\": \"" + name + "\", \"url\": \"" + sink.url("/ui") + "\", \"format\": \"slack\"}").status()).isEqualTo(201);
            Page page = browser.signedInPage(port, 1500, 900);
            page.navigate("http://127.0.0.1:" + port + "/notifications");
            Locator cells = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setVisible(true));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test notification to " + name)).click();
            var api = new JsonApi(port);
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.received("/ui").size() == 1);
            String webhookId = sink.received("/ui").get(0).header("webhook-id");
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/notification-deliveries?status=delivered").body()
                    .get("deliveries").findValuesAsText("webhookId").contains(webhookId));
            Locator logged = cells.filter(new Locator.FilterOptions().setHasText(webhookId));
            assertThat(logged).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
            logged.click();
            assertThat(page.locator("pre")).containsText("HTTP 200");
            assertThat(page.locator("pre")).containsText("answer: {\"status\":200}");
            assertThat(cells.filter(new Locator.FilterOptions().setHasText("delivered")).first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("notifications.png")).setFullPage(true));
        }
    }
}
