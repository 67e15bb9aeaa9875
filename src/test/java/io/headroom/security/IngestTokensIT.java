package io.headroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.TestObjects;
import io.headroom.TestUsers;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code headroom.ingest.auth=token}: telemetry needs an ingest token, checked before the
 * body is read; every other caller is refused and nothing of theirs is stored; tokens read the
 * API only with the read scope; and each token's rates end in 429 with Retry-After.
 */
@HeadroomIntegrationTest
@TestPropertySource(properties = "headroom.ingest.auth=token")
class IngestTokensIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyAnIngestTokenMayStoreTelemetry() throws Exception {
        String service = TestObjects.uniqueService("guarded");
        String ingest = token("collector", "ingest", null);
        String read = token("grafana", "read", null);
        String expired = token("old-collector", "ingest", null);
        jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE name = ?").param("old-collector").update();
        String revoked = token("leaked-collector", "ingest", null);
        JsonNode list = new JsonApi(port).get("/api/v1/tokens").body().get("tokens");
        long leakedId = 0;
        for (JsonNode token : list) {
            if (token.get("name").asText().equals("leaked-collector")) {
                leakedId = token.get("id").asLong();
            }
        }
        assertThat(new JsonApi(port).delete("/api/v1/tokens/" + leakedId).status()).isEqualTo(200);

        // Not gzip at all: a receiver that read the body would answer 400 for it.
        byte[] notGzip = "this is not gzip".getBytes();
        assertThat(postTraces(null, notGzip, true).statusCode()).as("no token").isEqualTo(401);
        assertThat(postTraces("Bearer hr_" + "x".repeat(43), notGzip, true).statusCode()).as("unknown token").isEqualTo(401);
        HttpResponse<String> old = postTraces("Bearer " + expired, notGzip, true);
        assertThat(old.statusCode()).as("expired token").isEqualTo(401);
        assertThat(old.body()).contains("expired");
        assertThat(postTraces("Bearer " + revoked, notGzip, true).body()).contains("revoked");
        assertThat(postTraces("Bearer " + read, notGzip, true).statusCode()).as("read token").isEqualTo(403);
        assertThat(postTraces(TestUsers.adminBasic(), notGzip, true).statusCode()).as("a user, not a token").isEqualTo(403);
        assertThat(postTraces("Bearer " + ingest, notGzip, true).statusCode()).as("the body is read once the token is good")
                .isEqualTo(400);

        byte[] spans = TestObjects.traces(service, TestObjects.serverSpan("GET /cart", TestObjects.nowNanos(), 5_000_000)).toByteArray();
        for (String refused : new String[] {null, "Bearer " + read, "Bearer " + expired, "Bearer " + revoked}) {
            assertThat(postTraces(refused, spans, false).statusCode()).isIn(401, 403);
        }
        assertThat(storedSpans(service)).isZero();
        assertThat(postTraces("Bearer " + ingest, spans, false).statusCode()).isEqualTo(200);
        assertThat(storedSpans(service)).isEqualTo(1);

        // Reading: a read token may, an ingest token may not.
        assertThat(new JsonApi(port, "Bearer " + read).get("/api/v1/services").status()).isEqualTo(200);
        assertThat(new JsonApi(port, "Bearer " + ingest).get("/api/v1/services").status()).isEqualTo(403);
        assertThat(new JsonApi(port, "Bearer " + read).post("/api/v1/services/" + service + "/scale", "{\"instances\": 2}").status())
                .as("a read token acts on nothing").isEqualTo(403);
    }

    @Test
    void aTokenOverItsRatesIsAnswered429WithRetryAfterAndNothingStored() throws Exception {
        String service = TestObjects.uniqueService("limited");
        String slow = token("slow-collector", "ingest", "\"requestsPerSecond\": 0.5, \"recordsPerSecond\": 1000, \"burstSeconds\": 2");
        byte[] spans = TestObjects.traces(service, TestObjects.serverSpan("GET /a", TestObjects.nowNanos(), 1_000_000)).toByteArray();
        assertThat(postTraces("Bearer " + slow, spans, false).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = postTraces("Bearer " + slow, spans, false);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValueAsLong("Retry-After").orElse(-1)).isBetween(1L, 2L);

        String few = token("few-records", "ingest", "\"requestsPerSecond\": 100, \"recordsPerSecond\": 1, \"burstSeconds\": 5");
        var batch = new java.util.ArrayList<Span.Builder>();
        for (int i = 0; i < 20; i++) {
            batch.add(TestObjects.serverSpan("GET /b" + i, TestObjects.nowNanos(), 1_000_000));
        }
        byte[] twenty = TestObjects.traces(service, batch.toArray(Span.Builder[]::new)).toByteArray();
        assertThat(postTraces("Bearer " + few, twenty, false).statusCode()).as("a full bucket lets a big batch through once").isEqualTo(200);
        HttpResponse<String> over = postTraces("Bearer " + few, spans, false);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();
        assertThat(storedSpans(service)).isEqualTo(21);
    }

    /** Makes a token as the administrator. @return its value */
    private String token(String name, String scope, String limits) {
        JsonApi.Answer made = new JsonApi(port).post("/api/v1/tokens", "{\"name\": \"%s-%s\", \"scope\": \"%s\"%s}".formatted(name,
                Long.toHexString(Instant.now().toEpochMilli()), scope, limits == null ? "" : ", " + limits));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        jdbc.sql("UPDATE api_tokens SET name = ? WHERE id = ?").params(name, made.body().path("info").path("id").asLong()).update();
        return made.body().path("token").asText();
    }

    private HttpResponse<String> postTraces(String authorization, byte[] body, boolean gzip) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otlpPort.port() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (gzip) {
            request.header("Content-Encoding", "gzip");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long storedSpans(String service) {
        return jdbc.sql("SELECT count(*) FROM spans WHERE service_name = ?").param(service).query(Long.class).single();
    }
}
