package io.headroom.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.headroom.HeadroomApplication;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.remotewrite.RemoteWriteBodies;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * With the database gone, a request is refused with 503 and Retry-After, so the client keeps
 * its data and retries; it is never told 2xx for data that was not committed. Runs its own
 * Headroom, because it stops that Headroom's database.
 */
class OtlpStoreOutageIT {

    @Test
    void databaseOutageIs503WithRetryAfter() throws IOException {
        Path dataDir = Files.createDirectories(Path.of("target", "it-pgdata", "outage-" + UUID.randomUUID()));
        try (var context = new SpringApplicationBuilder(HeadroomApplication.class).run("--server.port=0",
                "--headroom.otlp.port=0", "--headroom.demo.enabled=false", "--headroom.db.embedded.data-dir=" + dataDir)) {
            String url = "http://127.0.0.1:" + context.getBean(OtlpPort.class).port() + "/v1/traces";
            String service = TestObjects.uniqueService("outage");
            var first = OtlpClient.post(url, "application/x-protobuf", null, TestObjects.traces(service,
                    TestObjects.serverSpan("GET /", TestObjects.nowNanos(), 1_000_000)).toByteArray());
            assertThat(first.statusCode()).isEqualTo(200);
            String write = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/api/v1/write";
            assertThat(OtlpClient.post(write, RemoteWriteBodies.CONTENT_TYPE, "snappy",
                    RemoteWriteBodies.body(RemoteWriteBodies.Series.of("__name__", "up", "job", service)
                            .sample(System.currentTimeMillis() - 60_000, 1))).statusCode()).isEqualTo(204);

            context.getBean(EmbeddedPostgres.class).close();

            // Same resource as before, so the request reaches the pipeline's commit, which fails.
            var refused = OtlpClient.post(url, "application/x-protobuf", null, TestObjects.traces(service,
                    TestObjects.serverSpan("GET /", TestObjects.nowNanos(), 1_000_000)).toByteArray());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            var status = OtlpBadInputIT.status(refused);
            assertThat(status.code()).isEqualTo(14);
            assertThat(status.message()).contains("nothing of this request was stored");

            // The Jaeger endpoint shares the receiver: the same refusal, worded as Jaeger's collector does (text).
            String jaeger = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/api/traces";
            var jaegerRefused = OtlpClient.post(jaeger, "application/x-thrift", null, TestObjects.thrift(service,
                    TestObjects.jaegerSpan("GET /", TestObjects.nowMicros(), 1_000)));
            assertThat(jaegerRefused.statusCode()).isEqualTo(503);
            assertThat(jaegerRefused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(new String(jaegerRefused.body(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("nothing of this request was stored");

            // Remote write shares it too, for a series registered before the outage.
            var writeRefused = OtlpClient.post(write, RemoteWriteBodies.CONTENT_TYPE, "snappy",
                    RemoteWriteBodies.body(RemoteWriteBodies.Series.of("__name__", "up", "job", service)
                            .sample(System.currentTimeMillis(), 1)));
            assertThat(writeRefused.statusCode()).isEqualTo(503);
            assertThat(writeRefused.headers().firstValue("Retry-After")).hasValue("2");

            // A new resource needs the database before the pipeline: also 503, not 500.
            var unregistered = OtlpClient.post(url, "application/json", null,
                    "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"new\"}}]},\"scopeSpans\":[]}]}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(unregistered.statusCode()).isEqualTo(503);
            assertThat(unregistered.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
