package io.headroom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A headless Chromium for a browser test class, registered with {@code @RegisterExtension
 * static BrowserSupport browser = new BrowserSupport();}. Playwright must never download a
 * browser (the network here cannot reach its CDN), so it drives the machine's Chromium when
 * there is one; elsewhere it may fetch its own. When a test fails, every page it opened is saved
 * as {@code failed-<test>-<n>.png} beside the other screenshots, to see what the browser saw.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    private Playwright playwright;
    private Browser browser;
    private final List<Page> opened = new java.util.ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(system ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        var options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"));
        if (system) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        browser = playwright.chromium().launch(options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        browser.close();
        playwright.close();
    }

    /** A page signed in as the test administrator. */
    public Page signedInPage(int port, int width, int height) {
        Page page = newPage(width, height);
        signIn(page, port, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
        return page;
    }

    /** Signs in through the sign-in page and waits until Headroom has let the user in. */
    public static void signIn(Page page, int port, String user, String password) {
        page.navigate("http://127.0.0.1:" + port + "/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.locator("vaadin-button[slot='submit'], vaadin-login-form vaadin-button").first().click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-signed-in]")).hasAttribute("data-signed-in", user);
    }

    public Page newPage(int width, int height) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
        opened.add(page);
        return page;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            for (int i = 0; i < opened.size(); i++) {
                Page page = opened.get(i);
                if (!page.isClosed()) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(screenshot("failed-" + context.getRequiredTestMethod().getName() + "-" + i + ".png")));
                }
            }
        }
        opened.forEach(Page::close);
        opened.clear();
    }

    public static Path screenshot(String name) {
        return SCREENSHOTS.resolve(name);
    }
}
