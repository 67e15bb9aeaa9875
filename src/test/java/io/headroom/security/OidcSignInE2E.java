package io.headroom.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Page;
import idp.TestIdentityProvider;
import io.headroom.BrowserSupport;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import io.headroom.audit.AuditQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through a real OpenID Connect provider (Spring Authorization Server, started here):
 * the provider's link on the sign-in page, its own sign-in form, and back in Headroom with the
 * role the person's groups give; someone whose groups give none is turned away.
 */
@HeadroomIntegrationTest
class OidcSignInE2E {

    private static final int HEADROOM_PORT = freePort();
    private static final int PROVIDER_PORT = freePort();
    private static ConfigurableApplicationContext provider;

    @RegisterExtension
    static BrowserSupport browser = new BrowserSupport();

    @Autowired
    AuditLog audit;

    /**
     * The provider's endpoints are given, not discovered from its issuer, so Headroom starts before
     * the provider does. It must: both install a security context strategy for the whole JVM, and
     * the provider has to start after Headroom to see the one its filters will use.
     */
    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry properties) {
        String endpoints = "spring.security.oauth2.client.provider.testidp.";
        String at = "http://127.0.0.1:" + PROVIDER_PORT;
        properties.add(endpoints + "authorization-uri", () -> at + "/oauth2/authorize");
        properties.add(endpoints + "token-uri", () -> at + "/oauth2/token");
        properties.add(endpoints + "jwk-set-uri", () -> at + "/oauth2/jwks");
        properties.add(endpoints + "user-info-uri", () -> at + "/userinfo");
        properties.add(endpoints + "user-name-attribute", () -> "sub");
        String registration = "spring.security.oauth2.client.registration.testidp.";
        properties.add("server.port", () -> HEADROOM_PORT);
        properties.add(registration + "client-id", () -> "headroom");
        properties.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        properties.add(registration + "client-name", () -> "Test IdP");
        properties.add(registration + "scope", () -> "openid,profile");
        properties.add(registration + "authorization-grant-type", () -> "authorization_code");
        properties.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        properties.add("headroom.security.oidc.operator", () -> "operators");
        properties.add("headroom.security.oidc.default-role", () -> "none");
    }

    @BeforeEach
    void startProvider() {
        if (provider == null) {
            provider = TestIdentityProvider.start(PROVIDER_PORT, "http://127.0.0.1:" + HEADROOM_PORT + "/login/oauth2/code/testidp");
        }
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void aPersonSignsInThroughTheProviderWithTheRoleTheirGroupsGive() {
        Page page = browser.newPage(1200, 800);
        signInThroughProvider(page, "ada");
        assertThat(page.locator("[data-signed-in]")).hasText("ada · Operator");
        page.screenshot(new Page.ScreenshotOptions().setPath(BrowserSupport.screenshot("oidc-signed-in.png")));
        assertThat(audit.search(new AuditQuery(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1), "ada",
                "security.sign-in", null, AuditOutcome.DONE, 10))).singleElement()
                .satisfies(entry -> assertThat(entry.parametersJson()).contains("testidp", "OPERATOR"));
    }

    @Test
    void someoneTheGroupsGiveNoRoleIsTurnedAway() {
        Page page = browser.newPage(1200, 800);
        signInThroughProvider(page, "bob");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error.*"));
        assertThat(page.locator("[data-signed-in]")).hasCount(0);
        assertThat(audit.search(new AuditQuery(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1), "bob",
                "security.sign-in", null, AuditOutcome.DENIED, 10))).hasSize(1);
    }

    private static void signInThroughProvider(Page page, String person) {
        page.navigate("http://127.0.0.1:" + HEADROOM_PORT + "/login");
        page.locator("[data-oidc='testidp']").click();
        page.waitForURL(url -> !url.startsWith(headroom()));
        page.locator("input[name='username']").fill(person);
        page.locator("input[name='password']").fill(TestIdentityProvider.PASSWORD);
        page.locator("button[type='submit']").click();
        page.waitForURL(url -> url.startsWith(headroom()));
    }

    private static String headroom() {
        return "http://127.0.0.1:" + HEADROOM_PORT + "/";
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
