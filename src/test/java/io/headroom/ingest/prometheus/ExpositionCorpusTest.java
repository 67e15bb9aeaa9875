package io.headroom.ingest.prometheus;

import static io.headroom.ingest.prometheus.ExpositionFormat.OPENMETRICS_1_0_0;
import static io.headroom.ingest.prometheus.ExpositionFormat.PROMETHEUS_TEXT_0_0_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real expositions: written by the Prometheus Java client at run time, and the files in resources/exposition. */
class ExpositionCorpusTest {

    @ParameterizedTest
    @EnumSource(ExpositionFormat.class)
    void readsWhatTheJavaClientWrites(ExpositionFormat format) throws Exception {
        MetricSnapshots snapshots = JavaClientExpositions.scrape();
        boolean openMetrics = format == OPENMETRICS_1_0_0;
        byte[] body = openMetrics ? JavaClientExpositions.openMetrics(snapshots) : JavaClientExpositions.text(snapshots);

        RecordingSink sink = RecordingSink.parse(format, body, ScrapeLimits.DEFAULT);

        assertThat(sink.families).containsExactlyInAnyOrderElementsOf(JavaClientExpositions.families(snapshots, openMetrics));
        assertThat(sink.samples).extracting(JavaClientExpositions::normalized)
            .containsExactlyInAnyOrderElementsOf(JavaClientExpositions.samples(snapshots, openMetrics));
        assertThat(sink.sample("http_requests_total", "path", "/a\\b\"c\nd").value()).isEqualTo(3);
        assertThat(sink.sample("edge_values", "case", "nan").value()).isNaN();
    }

    @Test
    void readsTheKeptCopiesOfTheJavaClientsOutput() throws Exception {
        RecordingSink text = RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, resource("java-client-1.10.prom"), ScrapeLimits.DEFAULT);
        RecordingSink openMetrics = RecordingSink.parse(OPENMETRICS_1_0_0, resource("java-client-1.10.om.txt"), ScrapeLimits.DEFAULT);

        // The same snapshot: OpenMetrics adds a _created sample to each counter, histogram and summary series.
        long created = openMetrics.samples.stream().filter(s -> s.name().endsWith("_created")).count();
        assertThat(openMetrics.samples).hasSize(text.samples.size() + (int) created);
        assertThat(text.family("http_requests_total").type()).isEqualTo("counter");
        assertThat(openMetrics.family("http_requests").type()).isEqualTo("counter");
    }

    @Test
    void readsANodeExporterScrape() throws Exception {
        RecordingSink sink = RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, resource("node-exporter.prom"), ScrapeLimits.DEFAULT);

        assertThat(sink.samples).hasSize(113);
        assertThat(sink.families).hasSize(40).allSatisfy(f -> assertThat(f.help()).isNotBlank());
        assertThat(sink.samples).filteredOn(s -> s.name().equals("node_cpu_seconds_total")).hasSize(32)
            .allSatisfy(s -> assertThat(s.type()).isEqualTo("counter"));
        assertThat(sink.sample("node_cpu_seconds_total", "mode", "idle").labels())
            .containsExactly(entry("cpu", "0"), entry("mode", "idle"));
        assertThat(sink.samples).filteredOn(s -> s.name().startsWith("go_gc_duration_seconds")).hasSize(7)
            .allSatisfy(s -> assertThat(s.type()).isEqualTo("summary"));
        assertThat(sink.sample("node_filesystem_avail_bytes", "mountpoint", "/var/lib/data dir").value()).isEqualTo(9.87654144e11);
        assertThat(sink.sample("backup_last_success_timestamp_seconds").labels())
            .containsExactly(entry("job", "nightly \"full\""), entry("target", "s3://bucket/path\\with\\backslashes"));
        assertThat(sink.sample("node_uname_info").label("version")).isEqualTo("#35-Ubuntu SMP PREEMPT_DYNAMIC Mon May 20 15:51:52 UTC 2024");
        assertThat(sink.sample("node_time_seconds").value()).isEqualTo(1.7187021185381572e9);
    }

    @Test
    void readsAnOpenMetricsScrapeWithExemplarsAndCreatedTimestamps() throws Exception {
        RecordingSink sink = RecordingSink.parse(OPENMETRICS_1_0_0, resource("openmetrics-exemplars.om.txt"), ScrapeLimits.DEFAULT);

        assertThat(sink.families).extracting(f -> f.name() + " " + f.type() + " " + f.unit()).containsExactly(
            "http_server_requests counter null", "http_server_duration_seconds histogram seconds",
            "queue_depth gaugehistogram null", "rpc_latency_seconds summary seconds", "app info null",
            "door stateset null", "temperature_celsius gauge celsius", "unexplained unknown null");
        assertThat(sink.samples).hasSize(32);
        assertThat(sink.sample("http_server_requests_created", "method", "POST"))
            .isEqualTo(new RecordingSink.Sample("http_server_requests_created", "counter",
                java.util.Map.of("code", "500", "method", "POST"), 1718690144.58, Long.MIN_VALUE));
        assertThat(sink.sample("http_server_duration_seconds_bucket", "le", "+Inf").value()).isEqualTo(1030);
        assertThat(sink.sample("queue_depth_gsum").type()).isEqualTo("gaugehistogram");
        assertThat(sink.sample("temperature_celsius", "room", "server \"A\"").timestamp()).isEqualTo(1718702118500L);
        assertThat(sink.family("temperature_celsius").help()).isEqualTo("Room temperature, with a \"quoted\" \\ backslash.");
    }

    @Test
    void givesTheSameResultsOnManyThreadsAtOnce() throws Exception {
        byte[] body = resource("node-exporter.prom");
        List<RecordingSink.Sample> expected = RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, body, ScrapeLimits.DEFAULT).samples;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                runs.add(pool.submit(() -> RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, body, ScrapeLimits.DEFAULT).samples
                    .equals(expected)));
            }
            for (var run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> resourceNames() {
        return List.of("java-client-1.10.prom", "java-client-1.10.om.txt", "node-exporter.prom", "openmetrics-exemplars.om.txt");
    }

    static byte[] resource(String name) {
        try (InputStream in = ExpositionCorpusTest.class.getResourceAsStream("/exposition/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource exposition/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
