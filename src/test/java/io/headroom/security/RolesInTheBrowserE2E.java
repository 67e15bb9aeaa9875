package io.headroom.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.headroom.BrowserSupport;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.demo.DemoFleetTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Roles as people meet them: a viewer sees a service's instances but no control to scale or
 * break it; an operator scales it and finds the action in the audit log; and a sign-in link
 * cannot send anyone off Headroom.
 */
@DemoFleetTest
class RolesInTheBrowserE2E {

    private static final String PASSWORD = "browser-roles-password";
    private static final LocatorAssertions.HasTextOptions WITHIN_30S = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @LocalServerPort
    int port;

    private String viewer;
    private String operator;

    @BeforeEach
    void users() {
        String suffix = TestObjects.uniqueService("r").substring(2);
        viewer = "viewer-" + suffix;
        operator = "operator-" + suffix;
        var admin = new JsonApi(port);
        for (String[] user : new String[][] {{viewer, "viewer"}, {operator, "operator"}}) {
            assertThat(admin.post("/api/v1/users", """
                    {"username": "%s", "password": "%s", "role": "%s"}""".formatted(user[0], PASSWORD, user[1])).status()).isEqualTo(201);
        }
    }

    @AfterEach
    void restoreTheFleet() {
        new JsonApi(port).post("/api/v1/services/pricing/scale", "{\"instances\": 1}");
    }

    @Test
    void aViewerSeesNoControlsAndAnOperatorsScalingIsAudited() {
        Page page = browser.newPage(1400, 900);
        BrowserSupport.signIn(page, port, viewer, PASSWORD);
        page.navigate(url("/services/pricing"));
        assertThat(page.locator("[data-instances]")).hasText("1 instance", WITHIN_30S);
        assertThat(page.locator("[data-signed-in]")).hasText(viewer + " · Viewer");
        assertThat(button(page, "Scale…")).hasCount(0);
        assertThat(button(page, "Inject fault…")).hasCount(0);
        assertThat(button(page, "Price…")).hasCount(0);
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Users"))).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("roles-viewer-service.png")));
        // Typing the address of an administrator's page does not open it either.
        page.navigate(url("/users"));
        assertThat(page.locator("[data-users]")).hasCount(0);

        Page operating = browser.newPage(1400, 900);
        BrowserSupport.signIn(operating, port, operator, PASSWORD);
        operating.navigate(url("/services/pricing"));
        assertThat(operating.locator("[data-instances]")).hasText("1 instance", WITHIN_30S);
        button(operating, "Scale…").click();
        operating.locator("vaadin-dialog-overlay vaadin-integer-field input").fill("2");
        button(operating, "Scale").click();
        assertThat(operating.locator("[data-instances]")).hasText("2 instances", WITHIN_30S);

        operating.navigate(url("/audit?from=now-15m&to=now&action=scaling.&actor=" + operator));
        Locator row = operating.locator("[data-audit] vaadin-grid-cell-content");
        assertThat(row.filter(new Locator.FilterOptions().setHasText("scaling.scale"))).hasCount(1);
        assertThat(row.filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^pricing$")))).hasCount(1);
        assertThat(row.filter(new Locator.FilterOptions().setHasText("\"desired\": 2"))).hasCount(1);
        assertThat(row.filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^done$")))).hasCount(1);
        assertThat(operating.locator("[data-audit-summary]")).hasText("1 entry");
        operating.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("roles-audit.png")));
    }

    @Test
    void onlyAnOperatorMayChangeTheDemoLoad() {
        assertThat(JsonApi.as(port, viewer, PASSWORD).put("/api/v1/demo/load", "{\"rps\": 45}").status()).isEqualTo(403);
        assertThat(JsonApi.as(port, operator, PASSWORD).put("/api/v1/demo/load", "{\"rps\": 45}").status()).isEqualTo(200);
        assertThat(new JsonApi(port).put("/api/v1/demo/load", "{\"rps\": 40}").status()).isEqualTo(200);
    }

    @Test
    void signInLinksCannotSendAnyoneOffHeadroom() {
        // Sign-in pages asked to continue elsewhere: Headroom continues to its own start page.
        for (String attempt : new String[] {"/login?continue=//evil.example", "/login?continue=https://evil.example/",
                "/login?continue=/%5Cevil.example"}) {
            Page page = browser.newPage(1200, 800);
            page.navigate(url(attempt));
            page.getByLabel("Username").fill(viewer);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.locator("vaadin-login-form vaadin-button").first().click();
            assertThat(page.locator("[data-signed-in]")).hasAttribute("data-signed-in", viewer);
            assertThat(URI.create(page.url()).getHost()).as("after signing in from %s", attempt).isEqualTo("127.0.0.1");
            page.close();
        }
        // Paths a browser might read as another host end refused by the firewall (400) or on Headroom's own
        // sign-in page (the browser may normalise the backslash first), never elsewhere.
        for (String attempt : new String[] {"/\\evil.example", "//evil.example/"}) {
            Page page = browser.newPage(1200, 800);
            var response = page.navigate(url(attempt));
            assertThat(URI.create(page.url()).getHost()).as("opening %s", attempt).isEqualTo("127.0.0.1");
            assertThat(response.status() == 400 || URI.create(page.url()).getPath().equals("/login")).as("opening %s: %s %s", attempt,
                    response.status(), page.url()).isTrue();
            page.close();
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
