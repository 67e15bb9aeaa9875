package io.headroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.TestUsers;
import io.headroom.alerting.AlertRules;
import io.headroom.alerting.InhibitRules;
import io.headroom.alerting.Silences;
import io.headroom.audit.AuditEntry;
import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import io.headroom.audit.AuditQuery;
import io.headroom.chaos.Chaos;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import io.headroom.ingest.scrape.Scraping;
import io.headroom.kpi.ApdexThresholds;
import io.headroom.kpi.ServicePrices;
import io.headroom.kpi.Slo;
import io.headroom.kpi.Slos;
import io.headroom.notify.Channels;
import io.headroom.runbook.Runbooks;
import io.headroom.scaling.Scaling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Every action, for every role: allowed (any answer but 401/403: the action ran or refused its
 * input) or refused (403, 401 without credentials), through the HTTP API and through the
 * services themselves, and each refusal is in the audit log as denied.
 */
@HeadroomIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {

    private static final String PASSWORD = "role-matrix-password";

    @LocalServerPort
    int port;

    @Autowired
    Scaling scaling;

    @Autowired
    Chaos chaos;

    @Autowired
    ServicePrices prices;

    @Autowired
    ApdexThresholds apdex;

    @Autowired
    Slos slos;

    @Autowired
    Scraping scraping;

    @Autowired
    Users users;

    @Autowired
    AuditLog audit;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AlertRules alertRules;

    @Autowired
    Silences silences;

    @Autowired
    InhibitRules inhibitRules;

    @Autowired
    Channels channels;

    @Autowired
    Runbooks runbooks;

    @Autowired
    io.headroom.scaling.ScalingPolicies scalingPolicies;

    @Autowired
    io.headroom.chaos.Experiments experiments;

    @Autowired
    io.headroom.chaos.RunRollback rollback;

    /** This application's: with other test contexts in the JVM, the static holder may be another's. */
    @Autowired
    SecurityContextHolderStrategy security;

    private final String suffix = TestObjects.uniqueService("m").substring(2);

    @BeforeAll
    void users() {
        var admin = new JsonApi(port);
        for (Role role : Role.values()) {
            assertThat(admin.post("/api/v1/users", """
                    {"username": "%s", "password": "%s", "role": "%s"}""".formatted(user(role), PASSWORD, role)).status()).isEqualTo(201);
        }
    }

    /** An action over HTTP: method, path, body, and the lowest role that may do it. */
    record HttpAction(String method, String path, String body, Role needs) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    Stream<HttpAction> httpActions() {
        return Stream.of(
                new HttpAction("POST", "/api/v1/services/matrix/scale", "{\"instances\": 2}", Role.OPERATOR),
                new HttpAction("POST", "/api/v1/services/matrix/faults", "{\"type\": \"latency\", \"latencyMs\": 100, \"durationSeconds\": 5}",
                        Role.OPERATOR),
                new HttpAction("DELETE", "/api/v1/faults/no-such-fault", null, Role.OPERATOR),
                new HttpAction("PUT", "/api/v1/services/matrix/price", "{\"pricePerInstanceHour\": 0.05}", Role.ADMIN),
                new HttpAction("PUT", "/api/v1/services/matrix/apdex", "{\"thresholdMs\": 250}", Role.ADMIN),
                new HttpAction("PUT", "/api/v1/services/matrix/slo", "{\"availabilityTarget\": 0.99}", Role.ADMIN),
                new HttpAction("DELETE", "/api/v1/services/matrix/slo", null, Role.ADMIN),
                new HttpAction("POST", "/api/v1/targets", "{\"job\": \"matrix\", \"url\": \"http://127.0.0.1:9/metrics\"}", Role.ADMIN),
                new HttpAction("DELETE", "/api/v1/targets/999999", null, Role.ADMIN),
                new HttpAction("GET", "/api/v1/users", null, Role.ADMIN),
                new HttpAction("POST", "/api/v1/users", "{\"username\": \"made-by-matrix\", \"password\": \"short\", \"role\": \"viewer\"}",
                        Role.ADMIN),
                new HttpAction("PATCH", "/api/v1/users/admin", "{\"enabled\": true}", Role.ADMIN),
                new HttpAction("GET", "/api/v1/tokens", null, Role.ADMIN),
                new HttpAction("POST", "/api/v1/tokens", "{\"name\": \"\", \"scope\": \"read\"}", Role.ADMIN),
                new HttpAction("DELETE", "/api/v1/tokens/999999", null, Role.ADMIN),
                new HttpAction("DELETE", "/api/v1/alert-rules/999999", null, Role.ADMIN),
                new HttpAction("POST", "/api/v1/silences",
                        "{\"matchers\": [\"service=\\\"matrix\\\"\"], \"duration\": \"1m\", \"comment\": \"role matrix\"}", Role.OPERATOR),
                new HttpAction("DELETE", "/api/v1/silences/no-such-silence", null, Role.OPERATOR),
                new HttpAction("DELETE", "/api/v1/inhibit-rules/999999", null, Role.ADMIN),
                new HttpAction("DELETE", "/api/v1/notification-channels/999999", null, Role.ADMIN),
                new HttpAction("POST", "/api/v1/notification-channels/999999/test", "", Role.OPERATOR),
                new HttpAction("PUT", "/api/v1/runbooks/no-such-runbook",
                        "{\"title\": \"t\", \"owner\": \"o\", \"markdown\": \"m\", \"baseVersion\": 1}", Role.OPERATOR),
                new HttpAction("DELETE", "/api/v1/runbooks/no-such-runbook", null, Role.ADMIN),
                new HttpAction("GET", "/api/v1/runbooks", null, Role.VIEWER),
                new HttpAction("DELETE", "/api/v1/scaling/policies/999999", null, Role.OPERATOR),
                new HttpAction("PUT", "/api/v1/scaling/policies/999999",
                        "{\"service\": \"matrix\", \"metric\": \"p99\", \"target\": 300, \"minInstances\": 1, \"maxInstances\": 2}",
                        Role.OPERATOR),
                new HttpAction("GET", "/api/v1/scaling/policies", null, Role.VIEWER),
                new HttpAction("POST", "/api/v1/scaling/backtest?window=1h",
                        "{\"service\": \"matrix\", \"metric\": \"p99\", \"target\": 300, \"minInstances\": 1, \"maxInstances\": 2}",
                        Role.VIEWER),
                new HttpAction("GET", "/api/v1/services/matrix/forecast", null, Role.VIEWER),
                new HttpAction("POST", "/api/v1/chaos/experiments/999999/runs", "", Role.OPERATOR),
                new HttpAction("POST", "/api/v1/chaos/runs/999999/abort", "", Role.OPERATOR),
                new HttpAction("DELETE", "/api/v1/chaos/experiments/999999", null, Role.OPERATOR),
                new HttpAction("POST", "/api/v1/chaos/experiments", """
                        {"name": "matrix", "service": "matrix", "faults": [{"type": "latency", "magnitude": 100}], "durationSeconds": 60,
                         "steadyState": [{"kpi": "p99", "comparison": "<", "threshold": 300}]}""", Role.OPERATOR),
                new HttpAction("GET", "/api/v1/chaos/experiments", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/chaos/runs", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/chaos/kill-switch", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/services/matrix/scaling/evaluations", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/alerts", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/notification-deliveries", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/services", null, Role.VIEWER),
                new HttpAction("GET", "/api/v1/audit", null, Role.VIEWER));
    }

    Stream<Arguments> everyRoleAndAction() {
        return httpActions().flatMap(action -> Stream.of(Role.values()).map(role -> Arguments.of(role, action)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRoleAndAction")
    void theApiAllowsEachActionToItsRolesOnly(Role role, HttpAction action) {
        JsonApi.Answer answer = send(JsonApi.as(port, user(role), PASSWORD), action);
        if (role.compareTo(action.needs()) >= 0) {
            assertThat(answer.status()).as("%s may %s: %s", role, action, answer.body()).isNotIn(401, 403);
        } else {
            assertThat(answer.status()).as("%s may not %s", role, action).isEqualTo(403);
            assertThat(answer.body().path("error").asText()).isEqualTo("forbidden");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("httpActions")
    void withoutCredentialsTheApiAnswers401InJson(HttpAction action) {
        JsonApi.Answer answer = send(JsonApi.anonymous(port), action);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().path("error").asText()).isEqualTo("unauthorized");
    }

    /** A service action, called as a user of the role; {@code audited} names its audit entries (null: a read, not audited). */
    record ServiceAction(String name, Role needs, String audited, Consumer<RoleMatrixIT> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<ServiceAction> serviceActions() {
        return Stream.of(
                new ServiceAction("Scaling.scaleTo", Role.OPERATOR, "scaling.scale", test -> test.scaling.scaleTo("matrix", 2)),
                new ServiceAction("Chaos.inject", Role.OPERATOR, "chaos.inject", test -> test.chaos.inject("matrix",
                        new FaultSpec(FaultType.LATENCY, 100, 0, 100, java.time.Duration.ofSeconds(5)))),
                new ServiceAction("Chaos.stop", Role.OPERATOR, "chaos.stop", test -> test.chaos.stop("no-such-fault")),
                new ServiceAction("ServicePrices.set", Role.ADMIN, "kpi.price", test -> test.prices.set("matrix", 0.05)),
                new ServiceAction("ApdexThresholds.set", Role.ADMIN, "kpi.apdex", test -> test.apdex.set("matrix", 250)),
                new ServiceAction("Slos.define", Role.ADMIN, "kpi.slo-define", test -> test.slos.define(new Slo("matrix", 0.99, null, null, 28))),
                new ServiceAction("Slos.remove", Role.ADMIN, "kpi.slo-remove", test -> test.slos.remove("matrix")),
                new ServiceAction("Scraping.add", Role.ADMIN, "ingest.target-add",
                        test -> test.scraping.add("matrix", "http://127.0.0.1:9/metrics", Map.of())),
                new ServiceAction("Scraping.remove", Role.ADMIN, "ingest.target-remove", test -> test.scraping.remove(999_999)),
                new ServiceAction("Users.create", Role.ADMIN, "security.user-create", test -> test.users.create("x", "short", Role.VIEWER)),
                new ServiceAction("Users.setRole", Role.ADMIN, "security.user-role", test -> test.users.setRole("admin", Role.ADMIN)),
                new ServiceAction("Users.setEnabled", Role.ADMIN, "security.user-enable",
                        test -> test.users.setEnabled("nobody-" + test.suffix, true)),
                new ServiceAction("Users.setPassword", Role.ADMIN, "security.user-password",
                        test -> test.users.setPassword("nobody-" + test.suffix, "short")),
                new ServiceAction("Users.list", Role.ADMIN, null, test -> test.users.list()),
                new ServiceAction("ApiTokens.create", Role.ADMIN, "security.token-create",
                        test -> test.tokens.create("", TokenScope.READ, null, null)),
                new ServiceAction("ApiTokens.revoke", Role.ADMIN, "security.token-revoke", test -> test.tokens.revoke(999_999)),
                new ServiceAction("ApiTokens.list", Role.ADMIN, null, test -> test.tokens.list()),
                new ServiceAction("AlertRules.delete", Role.ADMIN, "alerting.rule-delete", test -> test.alertRules.delete(999_999)),
                new ServiceAction("Silences.expire", Role.OPERATOR, "alerting.silence-expire", test -> test.silences.expire("no-such-silence")),
                new ServiceAction("InhibitRules.delete", Role.ADMIN, "alerting.inhibit-rule-delete", test -> test.inhibitRules.delete(999_999)),
                new ServiceAction("Runbooks.update", Role.OPERATOR, "runbook.update",
                        test -> test.runbooks.update("no-such-runbook", 1, "t", "o", "m")),
                new ServiceAction("Runbooks.delete", Role.ADMIN, "runbook.delete", test -> test.runbooks.delete("no-such-runbook")),
                new ServiceAction("Channels.delete", Role.ADMIN, "notify.channel-delete", test -> test.channels.delete(999_999)),
                new ServiceAction("Channels.sendTest", Role.OPERATOR, "notify.channel-test", test -> test.channels.sendTest(999_999)),
                new ServiceAction("ScalingPolicies.delete", Role.OPERATOR, "scaling.policy-delete",
                        test -> test.scalingPolicies.delete(999_999)),
                new ServiceAction("Experiments.start", Role.OPERATOR, "chaos.experiment-start", test -> test.experiments.start(999_999)),
                new ServiceAction("Experiments.abort", Role.OPERATOR, "chaos.experiment-abort", test -> test.experiments.abort(999_999)),
                new ServiceAction("Experiments.delete", Role.OPERATOR, "chaos.experiment-delete", test -> test.experiments.delete(999_999)),
                new ServiceAction("RunRollback.rollback", Role.OPERATOR, "chaos.experiment-rollback",
                        test -> test.rollback.rollback(999_999, "matrix", List.of())));
    }

    Stream<Arguments> everyRoleAndServiceAction() {
        return serviceActions().flatMap(action -> Stream.of(Role.values()).map(role -> Arguments.of(role, action)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyRoleAndServiceAction")
    void theServicesCheckTheRoleThemselves(Role role, ServiceAction action) {
        Instant before = Instant.now().minusMillis(1);
        TestUsers.as(security, user(role), role, () -> {
            if (role.compareTo(action.needs()) >= 0) {
                try {
                    action.call().accept(this);
                } catch (AccessDeniedException e) {
                    throw new AssertionError(role + " may call " + action, e);
                } catch (RuntimeException e) {
                    // Allowed, and refused for its arguments (no such service, fault or user; a short password).
                }
            } else {
                assertThatThrownBy(() -> action.call().accept(this)).isInstanceOf(AccessDeniedException.class);
            }
        });
        if (role.compareTo(action.needs()) < 0 && action.audited() != null) {
            List<AuditEntry> denied = audit.search(new AuditQuery(before, Instant.now().plusSeconds(1), user(role), action.audited(), null,
                    AuditOutcome.DENIED, 10));
            assertThat(denied).as("%s's refused %s in the audit log", user(role), action.audited()).hasSize(1);
        }
    }

    @Test
    void withNobodySignedInAServiceActionIsRefusedAndAuditedAsDenied() {
        security.clearContext();
        assertThatThrownBy(() -> scaling.scaleTo("matrix-" + suffix, 2)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        List<AuditEntry> entries = audit.search(new AuditQuery(Instant.now().minusSeconds(60), Instant.now().plusSeconds(1), "system",
                "scaling.scale", "matrix-" + suffix, null, 10));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(entry.parametersJson()).contains("\"desired\": 2");
            assertThat(entry.completedAt()).isNotNull();
        });
    }

    private String user(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "-" + suffix;
    }

    private static JsonApi.Answer send(JsonApi api, HttpAction action) {
        return switch (action.method()) {
            case "GET" -> api.get(action.path());
            case "POST" -> api.post(action.path(), action.body());
            case "PUT" -> api.put(action.path(), action.body());
            case "PATCH" -> api.patch(action.path(), action.body());
            case "DELETE" -> api.delete(action.path());
            default -> throw new IllegalArgumentException(action.method());
        };
    }
}
