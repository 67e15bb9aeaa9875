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

/**
 * An operator sends a test notification from the Notifications page and reads its delivery in the
 * log; an administrator creates, edits and deletes a channel there, each step checked through the API.
 */
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
            assertThat(page.locator("pre").first()).containsText("HTTP 200");
            assertThat(page.locator("pre").first()).containsText("answer: {\"status\":200}");
            assertThat(cells.filter(new Locator.FilterOptions().setHasText("delivered")).first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("notifications.png")).setFullPage(true));
        }
    }

    @Test
    void administratorsManageChannelsInThePage() throws IOException {
        try (var sink = new WebhookSink()) {
            String name = "pager-" + Long.toHexString(System.nanoTime());
            var api = new JsonApi(port);
            Page page = browser.signedInPage(port, 1500, 1000);
            page.navigate("http://127.0.0.1:" + port + "/notifications");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New channel")).click();
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            dialog.getByLabel("Name", new Locator.GetByLabelOptions().setExact(true)).fill(name);
            Locator url = dialog.getByLabel("URL", new Locator.GetByLabelOptions().setExact(true));
            url.fill("http://169.254.169.254/latest/meta-data");
            dialog.getByLabel("Alerts", new Locator.GetByLabelOptions().setExact(true)).fill("severity=~\"critical|warning\"");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create channel")).click();
            assertThat(page.locator("vaadin-text-field[invalid]")).containsText("169.254.169.254");
            url.fill(sink.url("/page"));
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create channel")).click();
            Locator secret = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Signing secret"));
            assertThat(secret).hasValue(java.util.regex.Pattern.compile("^whsec_.+"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();

            var created = channel(api, name);
            assertThat(created.get("format").asText()).isEqualTo("alertmanager");
            assertThat(created.get("matchers").get(0).asText()).isEqualTo("severity=~\"critical|warning\"");
            assertThat(created.has("secret")).as("never shown again").isFalse();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + name)).click();
            dialog.getByLabel("Body", new Locator.GetByLabelOptions().setExact(true)).click();
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Headroom JSON")).click();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(
                    java.util.regex.Pattern.compile("^json$")))).hasCount(1);
            assertThat(channel(api, name).get("format").asText()).isEqualTo("json");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a test notification to " + name)).click();
            await().atMost(Duration.ofSeconds(20)).until(() -> sink.received("/page").size() == 1);
            String webhookId = sink.received("/page").get(0).header("webhook-id");
            Locator logged = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(webhookId))
                    .filter(new Locator.FilterOptions().setVisible(true));
            assertThat(logged).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(10_000));
            logged.click();
            assertThat(page.locator("pre").last()).containsText("Body sent:");
            assertThat(page.locator("pre").last()).containsText("\"alertname\" : \"HeadroomTestNotification\"");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + name)).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + name))).hasCount(0);
            assertThat(channel(api, name)).isNull();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode channel(JsonApi api, String name) {
        for (var channel : api.get("/api/v1/notification-channels").body().get("channels")) {
            if (channel.get("name").asText().equals(name)) {
                return channel;
            }
        }
        return null;
    }
}
