package io.headroom.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.JsonApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An operator writes a scaling policy in the Scaling page (its refusal shown under the field),
 * watches its evaluations arrive, opens one to read why it decided what it did, and deletes the
 * policy; each step checked through the API the page shares. The policy holds catalog at one
 * instance (min = max = 1), so the shared fleet is not disturbed.
 */
@DemoFleetTest
class ScalingE2E {

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    @Test
    void operatorsWritePoliciesAndReadWhyTheyDecided() {
        var api = new JsonApi(port);
        Page page = browser.signedInPage(port, 1500, 1000);
        page.navigate("http://127.0.0.1:" + port + "/scaling");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New policy")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Service", new Locator.GetByLabelOptions().setExact(true)).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("catalog")).click();
        dialog.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true)).fill("0");
        dialog.getByLabel("Max instances", new Locator.GetByLabelOptions().setExact(true)).fill("1");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create policy")).click();
        assertThat(page.locator("vaadin-number-field[invalid]")).containsText("target must be a number above 0");
        dialog.getByLabel("Target", new Locator.GetByLabelOptions().setExact(true)).fill("0.6");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create policy")).click();
        assertThat(page.getByText("utilisation at 0.6 ±10 %")).isVisible();

        JsonNode policy = null;
        for (JsonNode candidate : api.get("/api/v1/scaling/policies").body().get("policies")) {
            if (candidate.get("service").asText().equals("catalog")) {
                policy = candidate;
            }
        }
        assertThat(policy).isNotNull();
        assertThat(policy.get("maxInstances").asInt()).isEqualTo(1);
        assertThat(policy.get("scaleDown").get("stabilizationWindow").asText()).isEqualTo("5m");
        try {
            Locator why = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("why?")).first();
            assertThat(why).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("scaling.png")).setFullPage(true));
            why.click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(
                    java.util.regex.Pattern.compile("^Why catalog (stayed at|scaled)")))).isVisible();
            assertThat(page.locator("ol li").first()).containsText("utilisation");
            page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("scaling-evaluation.png")));

            page.navigate("http://127.0.0.1:" + port + "/scaling");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the policy for catalog")).click();
            page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(page.getByText("No policies yet")).isVisible();
            assertThat(api.get("/api/v1/scaling/policies/" + policy.get("id").asText()).status()).isEqualTo(404);
        } finally {
            api.delete("/api/v1/scaling/policies/" + policy.get("id").asText());
        }
    }
}
