package io.headroom.ingest.prometheus;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.core.metrics.StateSet;
import io.prometheus.metrics.core.metrics.Summary;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Exemplar;
import io.prometheus.metrics.model.snapshots.Exemplars;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expositions written by the Prometheus Java client 1.10 (the one on the classpath), and what a
 * parser must read from them, derived from the client's own snapshot rather than from the text.
 * {@link #main} refreshes the copies kept in src/test/resources/exposition.
 */
final class JavaClientExpositions {

    private JavaClientExpositions() {
    }

    /** One scrape of a registry with every metric type, label values that need escaping, and edge values. */
    static MetricSnapshots scrape() {
        PrometheusRegistry registry = new PrometheusRegistry();
        // Without exemplars: sampling them looks for a tracer this project leaves out. Exemplars come from the snapshots below.
        Counter requests = Counter.builder().name("http_requests_total").help("Requests \\ with \"quotes\"\nand a line break")
            .labelNames("method", "path").withoutExemplars().register(registry);
        requests.labelValues("GET", "/a\\b\"c\nd").inc(3);
        requests.labelValues("PUT", "Grüße ✓ 😀").inc();
        requests.labelValues("POST", "").inc(1e-3);
        Counter.builder().name("processed_bytes_total").unit(Unit.BYTES).help("Bytes.").withoutExemplars().register(registry)
            .inc(1.5e12);
        Gauge edges = Gauge.builder().name("edge_values").help("Values at the edges of the format.").labelNames("case")
            .withoutExemplars().register(registry);
        edges.labelValues("nan").set(Double.NaN);
        edges.labelValues("plus_inf").set(Double.POSITIVE_INFINITY);
        edges.labelValues("minus_inf").set(Double.NEGATIVE_INFINITY);
        edges.labelValues("tiny").set(1e-300);
        edges.labelValues("max").set(Double.MAX_VALUE);
        edges.labelValues("negative").set(-3.5);
        edges.labelValues("integral").set(1e15);
        Gauge.builder().name("temperature_celsius").help("t").unit(Unit.CELSIUS).withoutExemplars().register(registry).set(21.5);
        Histogram latency = Histogram.builder().name("request_duration_seconds").help("Latency.").classicOnly()
            .labelNames("status", "route").withoutExemplars().register(registry);
        for (int i = 0; i < 50; i++) {
            latency.labelValues(i % 7 == 0 ? "500" : "200", "/checkout").observe(i * 0.013);
        }
        latency.labelValues("200", "/cart").observe(12);
        Summary payload = Summary.builder().name("payload_bytes").help("Payload sizes.").quantile(0.5, 0.01)
            .quantile(0.99, 0.001).labelNames("direction").withoutExemplars().register(registry);
        payload.labelValues("in").observe(100);
        payload.labelValues("in").observe(2000);
        payload.labelValues("out");
        Info.builder().name("build_info").help("Build.").labelNames("version", "commit").register(registry)
            .setLabelValues("1.2.3", "abc\"def");
        StateSet.builder().name("feature_flags").help("Flags.").states("dark_mode", "beta").register(registry).setTrue("beta");
        registry.register(JavaClientExpositions::histogramWithExemplars);
        registry.register(JavaClientExpositions::counterWithExemplar);
        return registry.scrape();
    }

    private static MetricSnapshot histogramWithExemplars() {
        Exemplar exemplar = Exemplar.builder().value(0.07).traceId("4bf92f3577b34da6a3ce929d0e0e4736").spanId("00f067aa0ba902b7")
            .timestampMillis(1_700_000_000_456L).build();
        return HistogramSnapshot.builder().name("rpc_seconds").help("RPCs.")
            .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(new double[] {0.1, 1, Double.POSITIVE_INFINITY}, new long[] {1, 2, 0}))
                .sum(1.2).createdTimestampMillis(1_700_000_000_123L).exemplars(Exemplars.of(exemplar)).build())
            .build();
    }

    private static MetricSnapshot counterWithExemplar() {
        return CounterSnapshot.builder().name("jobs").help("Jobs done.")
            .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(42).labels(Labels.of("queue", "mail"))
                .exemplar(Exemplar.builder().value(1).labels(Labels.of("job_id", "J-\"7\"")).build())
                .createdTimestampMillis(1_600_000_000_000L).build())
            .build();
    }

    static byte[] text(MetricSnapshots snapshots) {
        return write(PrometheusTextFormatWriter.create(), snapshots);
    }

    /** With created timestamps and exemplars on every type, so the body has all OpenMetrics offers. */
    static byte[] openMetrics(MetricSnapshots snapshots) {
        return write(OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(true)
            .setExemplarsOnAllMetricTypesEnabled(true).build(), snapshots);
    }

    private static byte[] write(io.prometheus.metrics.expositionformats.ExpositionFormatWriter writer, MetricSnapshots snapshots) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, snapshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The families the client declares; the 0.0.4 writer declares counters with _total, info and stateset as gauges. */
    static List<RecordingSink.Family> families(MetricSnapshots snapshots, boolean openMetrics) {
        List<RecordingSink.Family> families = new ArrayList<>();
        for (MetricSnapshot snapshot : snapshots) {
            var metadata = snapshot.getMetadata();
            String unit = openMetrics && metadata.hasUnit() ? metadata.getUnit().toString() : null;
            families.add(new RecordingSink.Family(familyName(snapshot, openMetrics), type(snapshot, openMetrics),
                metadata.getHelp(), unit));
        }
        return families;
    }

    /** The samples the client's snapshot holds, named as each format names them. */
    static List<RecordingSink.Sample> samples(MetricSnapshots snapshots, boolean openMetrics) {
        List<RecordingSink.Sample> samples = new ArrayList<>();
        for (MetricSnapshot snapshot : snapshots) {
            String name = snapshot.getMetadata().getPrometheusName();
            String type = type(snapshot, openMetrics);
            for (DataPointSnapshot point : snapshot.getDataPoints()) {
                Map<String, String> labels = labels(point.getLabels());
                List<Object[]> values = new ArrayList<>();
                if (snapshot instanceof CounterSnapshot) {
                    values.add(new Object[] {"_total", ((CounterSnapshot.CounterDataPointSnapshot) point).getValue(), null});
                } else if (snapshot instanceof GaugeSnapshot) {
                    values.add(new Object[] {"", ((GaugeSnapshot.GaugeDataPointSnapshot) point).getValue(), null});
                } else if (snapshot instanceof InfoSnapshot) {
                    values.add(new Object[] {"_info", 1.0, null});
                } else if (snapshot instanceof StateSetSnapshot) {
                    for (StateSetSnapshot.State state : (StateSetSnapshot.StateSetDataPointSnapshot) point) {
                        values.add(new Object[] {"", state.isTrue() ? 1.0 : 0.0, new String[] {name, state.getName()}});
                    }
                } else if (snapshot instanceof HistogramSnapshot) {
                    var histogram = (HistogramSnapshot.HistogramDataPointSnapshot) point;
                    long cumulative = 0;
                    for (var bucket : histogram.getClassicBuckets()) {
                        cumulative += bucket.getCount();
                        values.add(new Object[] {"_bucket", (double) cumulative, new String[] {"le", le(bucket.getUpperBound())}});
                    }
                    values.add(new Object[] {"_count", (double) histogram.getCount(), null});
                    values.add(new Object[] {"_sum", histogram.getSum(), null});
                } else if (snapshot instanceof SummarySnapshot) {
                    var summary = (SummarySnapshot.SummaryDataPointSnapshot) point;
                    for (var quantile : summary.getQuantiles()) {
                        values.add(new Object[] {"", quantile.getValue(), new String[] {"quantile", le(quantile.getQuantile())}});
                    }
                    values.add(new Object[] {"_count", (double) summary.getCount(), null});
                    values.add(new Object[] {"_sum", summary.getSum(), null});
                }
                if (openMetrics && point.hasCreatedTimestamp()) {
                    values.add(new Object[] {"_created", point.getCreatedTimestampMillis() / 1000.0, null});
                }
                for (Object[] value : values) {
                    Map<String, String> sampleLabels = new LinkedHashMap<>(labels);
                    if (value[2] != null) {
                        sampleLabels.put(((String[]) value[2])[0], ((String[]) value[2])[1]);
                    }
                    samples.add(new RecordingSink.Sample(name + value[0], type, sampleLabels, (Double) value[1], Long.MIN_VALUE));
                }
            }
        }
        return samples;
    }

    /** le and quantile as one spelling ("1.0", "1" and "1e0" read the same), since writers spell them differently. */
    static RecordingSink.Sample normalized(RecordingSink.Sample sample) {
        Map<String, String> labels = new LinkedHashMap<>(sample.labels());
        labels.replaceAll((name, value) -> name.equals("le") || name.equals("quantile")
            ? le(value.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(value)) : value);
        return new RecordingSink.Sample(sample.name(), sample.type(), labels, sample.value(), sample.timestamp());
    }

    private static String le(double bound) {
        return Double.toString(bound);
    }

    private static Map<String, String> labels(Labels labels) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.getPrometheusName(i), labels.getValue(i));
        }
        return map;
    }

    private static String familyName(MetricSnapshot snapshot, boolean openMetrics) {
        String name = snapshot.getMetadata().getPrometheusName();
        if (openMetrics) {
            return name;
        }
        return snapshot instanceof CounterSnapshot ? name + "_total" : snapshot instanceof InfoSnapshot ? name + "_info" : name;
    }

    private static String type(MetricSnapshot snapshot, boolean openMetrics) {
        if (snapshot instanceof CounterSnapshot) {
            return "counter";
        } else if (snapshot instanceof HistogramSnapshot) {
            return "histogram";
        } else if (snapshot instanceof SummarySnapshot) {
            return "summary";
        } else if (snapshot instanceof InfoSnapshot) {
            return openMetrics ? "info" : "gauge";
        } else if (snapshot instanceof StateSetSnapshot) {
            return openMetrics ? "stateset" : "gauge";
        }
        return "gauge";
    }

    /** Writes the two expositions to the directory given (default src/test/resources/exposition). */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "src/test/resources/exposition");
        MetricSnapshots snapshots = scrape();
        Files.write(directory.resolve("java-client-1.10.prom"), text(snapshots));
        Files.write(directory.resolve("java-client-1.10.om.txt"), openMetrics(snapshots));
    }
}
