package io.headroom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Playwright driving the machine's Chromium. Playwright must never download a browser (the
 * network here cannot reach its CDN); on a machine without /usr/bin/chromium it may.
 */
public final class BrowserSupport {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserSupport() {
    }

    public static Playwright playwright() {
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        return Playwright.create(new Playwright.CreateOptions()
                .setEnv(system ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
    }

    public static Browser chromium(Playwright playwright) {
        var options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"));
        if (Files.isExecutable(SYSTEM_CHROMIUM)) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        return playwright.chromium().launch(options);
    }
}
