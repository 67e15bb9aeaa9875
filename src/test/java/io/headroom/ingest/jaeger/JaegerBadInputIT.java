package io.headroom.ingest.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every class of bad input to the Jaeger endpoint gets its status and a reason in plain text, and stores nothing wrong. */
@HeadroomIntegrationTest
class JaegerBadInputIT {

    private static final String THRIFT = "application/x-thrift";

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void wrongContentTypeIs415() {
        String service = TestObjects.uniqueService("jaeger-ct");
        var response = post("application/json", validBatch(service));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(text(response)).isEqualTo(
                "Content-Type must be application/x-thrift or application/vnd.apache.thrift.binary, was application/json");
        assertThat(spans(service)).isZero();
    }

    @Test
    void garbageIs400WithAReason() {
        var response = post(THRIFT, "{\"spans\": []}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).startsWith("cannot decode a Jaeger Thrift Batch (binary protocol): ");
    }

    @Test
    void aForgedContainerLengthIs400AndHeadroomCarriesOn() {
        var response = post(THRIFT, JaegerThriftTest.forgedSpanCount(Integer.MAX_VALUE));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).contains("Length exceeded max allowed: 2147483647");

        String service = TestObjects.uniqueService("jaeger-after-forgery");
        assertThat(post(THRIFT, validBatch(service)).statusCode()).isEqualTo(202);
        assertThat(spans(service)).isEqualTo(1);
    }

    @Test
    void bodyOverTheLimitIs413() {
        var response = post(THRIFT, new byte[16 * 1024 * 1024 + 1]);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(text(response)).contains("over the limit of 16777216 bytes");
    }

    @Test
    void invalidSpansAreLeftOutAndNamedInThe202() {
        String service = TestObjects.uniqueService("jaeger-partial");
        long now = TestObjects.nowMicros();
        var valid = TestObjects.jaegerSpan("ok", now, 1_000);
        var zeroTraceId = TestObjects.jaegerSpan("zero-trace-id", now, 1_000).setTraceIdHigh(0).setTraceIdLow(0);
        var ancient = TestObjects.jaegerSpan("ancient", now - 30L * 86_400_000_000L, 1_000);
        var response = post(THRIFT, TestObjects.thrift(service, valid, zeroTraceId, ancient));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(text(response)).startsWith("rejected 2 spans: ").contains("invalid_trace_id", "timestamp_out_of_range");
        assertThat(jdbc.sql("SELECT name FROM spans WHERE service_name = ?").param(service).query(String.class).list())
                .containsExactly("ok");
    }

    private byte[] validBatch(String service) {
        return TestObjects.thrift(service, TestObjects.jaegerSpan("GET /", TestObjects.nowMicros(), 1_000));
    }

    private HttpResponse<byte[]> post(String contentType, byte[] body) {
        return OtlpClient.post("http://127.0.0.1:" + port + "/api/traces?format=jaeger.thrift", contentType, null, body);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private long spans(String service) {
        return jdbc.sql("SELECT count(*) FROM spans WHERE service_name = ?").param(service).query(Long.class).single();
    }
}
