package io.headroom.kpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.HeadroomIntegrationTest;
import io.headroom.JsonApi;
import io.headroom.OtlpClient;
import io.headroom.TestObjects;
import io.headroom.ingest.otlp.OtlpPort;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ranges of hours are read from the hourly rollups and their edges from the minute ones; every
 * KPI over such a range equals the exact computation over the spans sent: summary, hourly series,
 * operations and the SLO's request counts.
 */
@HeadroomIntegrationTest
class TieredRollupsIT {

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    @LocalServerPort
    int port;

    @Autowired
    OtlpPort otlpPort;

    @Autowired
    JdbcClient jdbc;

    private record Sent(long startNanos, long durationNanos, boolean error, String operation) {
    }

    @Test
    void kpisOverHoursEqualTheExactComputationOverTheSpans() {
        String service = TestObjects.uniqueService("tiered");
        long thisHour = TestObjects.nowNanos() / HOUR * HOUR;
        long from = thisHour - 6 * HOUR + 30 * MINUTE;
        var sent = new ArrayList<Sent>();
        int n = 0;
        // Minutes 10, 35 and 50 of each of the last six hours; the first hour's minute 10 is before the range.
        for (long hour = thisHour - 6 * HOUR; hour < thisHour; hour += HOUR) {
            for (long minute : new long[] {10, 35, 50}) {
                for (int i = 0; i < 7; i++) {
                    n++;
                    sent.add(new Sent(hour + minute * MINUTE + i, (n * 37L % 400 + 1) * 1_000_000L, n % 6 == 0, n % 3 == 0 ? "GET /b" : "GET /a"));
                }
            }
        }
        var spans = sent.stream().map(span -> {
            Span.Builder built = TestObjects.serverSpan(span.operation(), span.startNanos(), span.durationNanos());
            return span.error() ? TestObjects.failed(built) : built;
        }).toArray(Span.Builder[]::new);
        assertThat(OtlpClient.post("http://127.0.0.1:" + otlpPort.port() + "/v1/traces", "application/x-protobuf", null,
                TestObjects.traces(service, spans).toByteArray()).statusCode()).isEqualTo(200);
        List<Sent> inRange = sent.stream().filter(span -> span.startNanos() >= from && span.startNanos() < thisHour).toList();
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT coalesce(sum(request_count), 0) FROM service_rollup_1h WHERE service_name = ?")
                .param(service).query(Long.class).single() == sent.size());
        var api = new JsonApi(port);
        String range = "from=%d&to=%d".formatted(from / 1_000_000_000L, thisHour / 1_000_000_000L);

        JsonNode summary = api.get("/api/v1/services/" + service + "?" + range).body();
        JsonNode listed = null;
        for (JsonNode each : api.get("/api/v1/services?" + range).body().get("services")) {
            listed = each.get("service").asText().equals(service) ? each : listed;
        }
        assertThat(listed).as("the Overview's summary of every service").isNotNull();
        assertThat(listed.get("requests").asLong()).isEqualTo(inRange.size());
        assertThat(summary.get("requests").asLong()).isEqualTo(inRange.size());
        assertThat(summary.get("errors").asLong()).isEqualTo(inRange.stream().filter(Sent::error).count());
        assertThat(summary.get("p99Ms").asDouble()).isCloseTo(exactQuantileMs(inRange, 0.99), within(exactQuantileMs(inRange, 0.99) * 0.01));
        assertThat(summary.get("p50Ms").asDouble()).isCloseTo(exactQuantileMs(inRange, 0.50), within(exactQuantileMs(inRange, 0.50) * 0.01));

        JsonNode series = api.get("/api/v1/services/" + service + "/series?from=%d&to=%d&step=1h"
                .formatted((thisHour - 6 * HOUR) / 1_000_000_000L, thisHour / 1_000_000_000L)).body();
        assertThat(series.get("stepSeconds").asLong()).isEqualTo(3600);
        for (int step = 0; step < 6; step++) {
            long stepStart = thisHour - (6 - step) * HOUR;
            long requests = sent.stream().filter(span -> span.startNanos() >= stepStart && span.startNanos() < stepStart + HOUR).count();
            assertThat(Math.round(series.get("throughput").get(step).asDouble() * 3600)).as("requests in hour %d", step).isEqualTo(requests);
        }

        Map<String, Long> byOperation = new HashMap<>();
        inRange.forEach(span -> byOperation.merge(span.operation(), 1L, Long::sum));
        JsonNode operations = api.get("/api/v1/services/" + service + "/operations?" + range).body().get("operations");
        Map<String, Long> counted = new HashMap<>();
        operations.forEach(operation -> counted.put(operation.get("operation").asText(), operation.get("spans").asLong()));
        assertThat(counted).isEqualTo(byOperation);

        assertThat(api.put("/api/v1/services/" + service + "/slo", "{\"availabilityTarget\": 0.99, \"windowDays\": 30}").status())
                .isEqualTo(200);
        JsonNode availability = api.get("/api/v1/services/" + service + "/slo/status").body().get("objectives").get(0);
        assertThat(availability.get("totalRequests").asLong()).isEqualTo(sent.size());
        assertThat(availability.get("goodRequests").asLong()).isEqualTo(sent.stream().filter(span -> !span.error()).count());
        assertThat(availability.get("burnRates").get("1d").asDouble())
                .isCloseTo(sent.stream().filter(Sent::error).count() / (double) sent.size() / 0.01, within(1e-9));
    }

    private static double exactQuantileMs(List<Sent> spans, double q) {
        long[] durations = spans.stream().mapToLong(Sent::durationNanos).sorted().toArray();
        return durations[(int) Math.ceil(q * durations.length) - 1] / 1e6;
    }
}
