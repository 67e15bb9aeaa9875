package io.headroom.ingest.remotewrite;

import static io.headroom.ingest.remotewrite.RemoteWriteBodies.CONTENT_TYPE;
import static io.headroom.ingest.remotewrite.RemoteWriteBodies.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.remotewrite.RemoteWriteBodies.Series;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The remote-write 1.0 receiver answers as the specification says for each kind of request,
 * and stores exactly what was sent: values, timestamps, labels, stale markers, once.
 */
@HeadroomIntegrationTest
class RemoteWriteIT {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void samplesAreStoredExactlyUnderTheJobAsService() {
        String job = TestObjects.uniqueService("rw-job");
        long now = System.currentTimeMillis();
        var response = post(body(
                Series.of("__name__", "http_requests_total", "instance", "10.0.0.1:9100", "job", job, "code", "200")
                        .sample(now - 15_000, 41).sample(now, 42.5),
                Series.of("__name__", "temperature", "job", job).sample(now, -0.000123)));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(samples(job, "http_requests_total")).containsExactly(
                Map.of("t", now - 15_000, "v", 41.0), Map.of("t", now, "v", 42.5));
        assertThat(samples(job, "temperature")).containsExactly(Map.of("t", now, "v", -0.000123));
        assertThat(jdbc.sql("""
                SELECT s.labels::text || ' ' || r.attributes::text FROM metric_series s JOIN resources r USING (resource_id)
                WHERE s.service_name = ? AND s.metric_name = 'http_requests_total'""").param(job).query(String.class).single())
                .isEqualTo("{\"code\": \"200\"} {\"service.name\": \"" + job + "\", \"service.instance.id\": \"10.0.0.1:9100\"}");
    }

    @Test
    void replayingAnIdenticalRequestStoresNothingTwice() {
        String job = TestObjects.uniqueService("rw-replay");
        byte[] request = body(Series.of("__name__", "up", "job", job).sample(System.currentTimeMillis(), 1));

        assertThat(post(request).statusCode()).isEqualTo(204);
        assertThat(post(request).statusCode()).isEqualTo(204);

        assertThat(samples(job, "up")).hasSize(1);
    }

    @Test
    void theStaleMarkerEndsTheSeriesAndAnOrdinaryNanIsKept() {
        String job = TestObjects.uniqueService("rw-stale");
        long now = System.currentTimeMillis();
        double staleNaN = Double.longBitsToDouble(0x7ff0000000000002L);
        assertThat(post(body(Series.of("__name__", "up", "job", job).sample(now - 1_000, Double.NaN).sample(now, staleNaN)))
                .statusCode()).isEqualTo(204);

        assertThat(jdbc.sql("""
                SELECT coalesce(m.value::text, 'stale') FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = ? ORDER BY m.time""").param(job).query(String.class).list())
                .containsExactly("NaN", "stale");
    }

    @Test
    void labelsInterleavedWithSamplesAreTheSameSeriesAsContiguousOnes() {
        String job = TestObjects.uniqueService("rw-interleaved");
        long now = System.currentTimeMillis();
        assertThat(post(body(Series.of("__name__", "m", "job", job, "zone", "a").sample(now - 2_000, 1).sample(now - 1_000, 2)
                .withSamplesAmongLabels())).statusCode()).isEqualTo(204);
        assertThat(post(body(Series.of("__name__", "m", "job", job, "zone", "a").sample(now, 3))).statusCode()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT labels::text FROM metric_series WHERE service_name = ?").param(job)
                .query(String.class).list()).containsExactly("{\"zone\": \"a\"}");
        assertThat(samples(job, "m")).containsExactly(
                Map.of("t", now - 2_000, "v", 1.0), Map.of("t", now - 1_000, "v", 2.0), Map.of("t", now, "v", 3.0));
    }

    @Test
    void unsortedLabelsAreSortedIntoTheSameSeries() {
        String job = TestObjects.uniqueService("rw-sorted");
        long now = System.currentTimeMillis();
        assertThat(post(body(Series.of("job", job, "b", "2", "__name__", "m", "a", "1").sample(now - 1_000, 1))).statusCode())
                .isEqualTo(204);
        assertThat(post(body(Series.of("__name__", "m", "a", "1", "b", "2", "job", job).sample(now, 2))).statusCode())
                .isEqualTo(204);

        assertThat(jdbc.sql("SELECT labels::text FROM metric_series WHERE service_name = ?").param(job)
                .query(String.class).list()).containsExactly("{\"a\": \"1\", \"b\": \"2\"}");
        assertThat(samples(job, "m")).hasSize(2);
    }

    @Test
    void invalidSeriesAre400WithTheReasonWhileValidOnesAreStored() {
        String job = TestObjects.uniqueService("rw-invalid");
        long now = System.currentTimeMillis();
        var response = post(body(
                Series.of("__name__", "ok", "job", job).sample(now, 1),
                Series.of("__name__", "dup", "job", job, "a", "1", "a", "2").sample(now, 1),
                Series.of("__name__", "empty", "job", job, "", "x").sample(now, 1),
                Series.of("job", job, "le", "1").sample(now, 1),
                Series.of("__name__", "bad name", "job", job).sample(now, 1),
                Series.of("__name__", "utf", "job", job).rawLabel("path", new byte[] {'/', (byte) 0xC3, (byte) 0x28}).sample(now, 1),
                Series.of("__name__", "ancient", "job", job).sample(now - 40L * 86_400_000L, 1)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(text(response)).startsWith("rejected 6 samples: 5 invalid_labels (first: label a appears twice); 1 out_of_bounds")
                .endsWith("; the other samples of this request were stored");
        assertThat(jdbc.sql("SELECT metric_name FROM metric_series WHERE service_name = ?").param(job)
                .query(String.class).list()).containsExactly("ok");
    }

    @Test
    void eachLabelRuleHasItsOwnReason() {
        String job = TestObjects.uniqueService("rw-reasons");
        long now = System.currentTimeMillis();
        assertThat(text(post(body(Series.of("__name__", "m", "job", job, "", "x").sample(now, 1)))))
                .contains("a label has an empty name");
        assertThat(text(post(body(Series.of("job", job).sample(now, 1))))).contains("series has no __name__ label");
        assertThat(text(post(body(Series.of("__name__", "m", "job", job).rawLabel("v", new byte[] {(byte) 0xFF}).sample(now, 1)))))
                .contains("a label value is not valid UTF-8");
        assertThat(text(post(body(Series.of("__name__", "1m", "job", job).sample(now, 1)))))
                .contains("metric name \"1m\" is not [a-zA-Z_:][a-zA-Z0-9_:]*");
    }

    @Test
    void wrongContentTypeEncodingOrVersionIs415() {
        byte[] valid = body(Series.of("__name__", "up", "job", "x").sample(System.currentTimeMillis(), 1));
        var json = OtlpClient.post(url(), "application/json", "snappy", valid);
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(text(json)).startsWith("Content-Type must be application/x-protobuf");

        var gzip = OtlpClient.post(url(), CONTENT_TYPE, "gzip", valid);
        assertThat(gzip.statusCode()).isEqualTo(415);
        assertThat(text(gzip)).isEqualTo("Content-Encoding must be snappy, was gzip");

        var v2 = OtlpClient.post(url(), CONTENT_TYPE + ";proto=io.prometheus.write.v2.Request", "snappy", valid);
        assertThat(v2.statusCode()).isEqualTo(415);
    }

    @Test
    void aDeclaredDecodedLengthOverTheLimitIs413BeforeDecoding() {
        // A snappy block starts with its decoded length as a varint: here 1 GiB, followed by nothing.
        byte[] forged = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x04, 0x00};
        var response = post(forged);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(text(response)).isEqualTo("snappy block declares 1073741824 decoded bytes, over the limit of 16777216 bytes");
    }

    @Test
    void undecodableBodiesAre400() {
        var notSnappy = post("plain text, not snappy".getBytes(StandardCharsets.UTF_8));
        assertThat(notSnappy.statusCode()).isEqualTo(400);
        assertThat(text(notSnappy)).startsWith("body is not");

        var notProtobuf = post(RemoteWriteBodies.snappy(new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF, 0x01}));
        assertThat(notProtobuf.statusCode()).isEqualTo(400);
        assertThat(text(notProtobuf)).startsWith("body is not a protobuf prometheus.WriteRequest: ");
    }

    private List<Map<String, Object>> samples(String job, String metric) {
        return jdbc.sql("""
                SELECT (extract(epoch FROM m.time) * 1000)::bigint AS t, m.value AS v
                FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = ? AND s.metric_name = ? ORDER BY m.time""")
                .param(job).param(metric).query().listOfRows();
    }

    private HttpResponse<byte[]> post(byte[] body) {
        return OtlpClient.post(url(), CONTENT_TYPE, "snappy", body);
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/api/v1/write";
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
