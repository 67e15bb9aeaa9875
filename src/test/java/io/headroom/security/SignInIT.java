package io.headroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import io.headroom.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in over HTTP: the API's 401s, the UI's redirect to the sign-in page, and the throttle on guessing. */
@HeadroomIntegrationTest
class SignInIT {

    private static final String PASSWORD = "sign-in-it-password";

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Test
    void theApiAnswers401InJsonWithTheSchemesItTakesNeverARedirect() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/services")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("Basic", "Bearer"));
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theUiSendsAStrangerToTheSignInPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/services")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void guessingAPasswordLocksTheNameOutEvenForTheRightPasswordAndIsAudited() {
        String name = "guessed-" + TestObjects.uniqueService("u").substring(2);
        assertThat(new JsonApi(port).post("/api/v1/users", """
                {"username": "%s", "password": "%s", "role": "viewer"}""".formatted(name, PASSWORD)).status()).isEqualTo(201);
        JsonApi right = JsonApi.as(port, name, PASSWORD);
        assertThat(right.get("/api/v1/services").status()).isEqualTo(200);

        for (int i = 0; i <= SignInThrottle.USER_FREE_FAILURES; i++) {
            assertThat(JsonApi.as(port, name, "wrong-password-" + i).get("/api/v1/services").status()).isEqualTo(401);
        }

        JsonApi.Answer locked = right.get("/api/v1/services");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().path("message").asText()).startsWith("Too many failed sign-ins; try again in");
        var failures = audit.search(new AuditQuery(Instant.now().minus(Duration.ofMinutes(1)), Instant.now().plusSeconds(1), name,
                "security.sign-in", null, null, 100));
        assertThat(failures).filteredOn(entry -> entry.outcome() == AuditOutcome.FAILED).hasSize(SignInThrottle.USER_FREE_FAILURES + 1);
        assertThat(failures).filteredOn(entry -> entry.outcome() == AuditOutcome.DENIED).hasSize(1);
        assertThat(failures).allSatisfy(entry -> assertThat(entry.address()).isEqualTo("127.0.0.1"));
    }
}
