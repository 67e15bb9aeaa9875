package io.headroom.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fleet's telemetry travels as a real service's does: OTLP log records joined to traces,
 * OpenTelemetry SDK metrics, Prometheus /metrics on every instance, and billing's spans from
 * the Jaeger client in the same traces as its callers'.
 */
@DemoFleetTest
class DemoTelemetryIT {

    /** What Prometheus 2.x sends when it scrapes. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;"
            + "version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Autowired
    DemoFleet fleet;

    @Autowired
    JdbcClient jdbc;

    private record Sample(String name, String labels, double value) {
    }

    @Test
    void everyInstanceExposesPrometheusMetricsThatCountItsRequests() throws Exception {
        URI gateway = fleet.pick("gateway").orElseThrow();
        await().atMost(Duration.ofSeconds(20)).until(() -> total(scrape(gateway, "text/plain;version=0.0.4"),
                "http_server_request_duration_seconds_count") > 0);
        List<Sample> first = scrape(gateway, "text/plain;version=0.0.4");
        long start = System.nanoTime();
        double counted = total(first, "http_server_request_duration_seconds_count");
        List<Sample> second = await().atMost(Duration.ofSeconds(30)).until(() -> scrape(gateway, "text/plain;version=0.0.4"),
                later -> total(later, "http_server_request_duration_seconds_count") - counted >= 150);
        double seconds = (System.nanoTime() - start) / 1e9;

        double rate = (total(second, "http_server_request_duration_seconds_count")
                - total(first, "http_server_request_duration_seconds_count")) / seconds;
        assertThat(rate).as("gateway requests/s counted by its histogram, with the load at 40/s").isBetween(25.0, 50.0);
        for (Sample count : second.stream().filter(s -> s.name().equals("http_server_request_duration_seconds_count")).toList()) {
            double infBucket = second.stream().filter(s -> s.name().equals("http_server_request_duration_seconds_bucket")
                    && s.labels().contains("le=\"+Inf\"") && s.labels().startsWith(count.labels().replace("}", ""))).findFirst()
                    .orElseThrow().value();
            assertThat(infBucket).as("+Inf bucket equals the count for " + count.labels()).isEqualTo(count.value());
        }
        assertThat(total(second, "process_cpu_seconds_total")).as("CPU the instance's requests used").isGreaterThan(0);
        assertThat(total(second, "demo_workers")).isEqualTo(64);
        assertThat(total(second, "demo_worker_utilization")).isBetween(0.0, 1.0);
        assertThat(second).extracting(Sample::name).contains("http_server_active_requests", "demo_queue_depth");

        for (String service : fleet.services()) {
            HttpResponse<String> response = get(fleet.pick(service).orElseThrow().resolve("/metrics"), PROMETHEUS_ACCEPT);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(service).startsWith("application/openmetrics-text");
            assertThat(response.body()).as(service).endsWith("# EOF\n").contains("# TYPE http_server_request_duration_seconds histogram");
        }
    }

    @Test
    void logRecordsArriveJoinedToTheirTraces() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM log_records l
                WHERE l.service_name = 'checkout' AND l.body LIKE 'order placed order_id=%' AND l.severity_text = 'INFO'
                  AND EXISTS (SELECT 1 FROM spans s WHERE s.trace_id = l.trace_id AND s.span_id = l.span_id AND s.kind = 2)""")
                .query(Long.class).single() > 5);
    }

    @Test
    void sdkMetricsArriveOverOtlp() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM metric_samples m JOIN metric_series s USING (series_id)
                WHERE s.service_name = 'catalog' AND s.metric_name = 'http.server.request.duration_count' AND m.value > 0""")
                .query(Long.class).single() > 0);
    }

    @Test
    void billingReportsWithTheJaegerClientInTheSameTracesAsItsCaller() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM spans b JOIN spans c ON c.trace_id = b.trace_id AND c.span_id = b.parent_span_id
                WHERE b.service_name = 'billing' AND b.kind = 2 AND c.service_name = 'checkout' AND c.kind = 3
                  AND b.attributes->>'http.method' = 'GET'""")
                .query(Long.class).single() > 5);
    }

    private static List<Sample> scrape(URI instance, String accept) throws IOException, InterruptedException {
        List<Sample> samples = new ArrayList<>();
        for (String line : get(instance.resolve("/metrics"), accept).body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), Double.parseDouble(m.group(3))));
            }
        }
        return samples;
    }

    private static double total(List<Sample> samples, String name) {
        return samples.stream().filter(s -> s.name().equals(name)).mapToDouble(Sample::value).sum();
    }

    private static HttpResponse<String> get(URI uri, String accept) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
