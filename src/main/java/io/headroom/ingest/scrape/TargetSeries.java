package io.headroom.ingest.scrape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.headroom.ingest.prometheus.ExpositionFormat;
import io.headroom.ingest.prometheus.ExpositionParseException;
import io.headroom.ingest.prometheus.ExpositionParser;
import io.headroom.ingest.prometheus.PrometheusLabels;
import io.headroom.ingest.prometheus.PrometheusSeries;
import io.headroom.ingest.prometheus.SampleSink;
import io.headroom.ingest.prometheus.ScrapeLimits;
import io.headroom.store.AcceptedTimes;
import io.headroom.store.InvalidTelemetryException;
import io.headroom.store.MetricSampleRow;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.TelemetryBatch;

/**
 * The series one target exposes, and what changes between its scrapes. Turns a scrape into
 * rows as Prometheus appends them: the target's labels attached ({@code honor_labels: false},
 * so a clashing exposed label is kept as {@code exported_<name>}), the scrape time for samples
 * without a timestamp, {@code up}, {@code scrape_duration_seconds} and
 * {@code scrape_samples_scraped}, and a stale marker for every series that was there last time
 * and is gone now (all of them when the scrape fails). Used by one scrape at a time.
 */
final class TargetSeries {

    private static final int CACHE_CLEAR_FACTOR = 2;
    private static final String[] NO_LABELS = {};

    private final ScrapeTarget target;
    private final PrometheusSeries series;
    private final PartitionMaintenance partitions;
    private final ScrapeLimits limits;
    private final String service;
    private final Map<String, Long> known = new HashMap<>();
    private Set<Long> previous = new HashSet<>();

    TargetSeries(ScrapeTarget target, PrometheusSeries series, PartitionMaintenance partitions, ScrapeLimits limits) {
        this.target = target;
        this.series = series;
        this.partitions = partitions;
        this.limits = limits;
        this.service = target.labels().get("job");
    }

    /** A scrape's rows and how many samples the target exposed. */
    record Scrape(TelemetryBatch batch, int samplesScraped) {
    }

    /** A scrape's rows, from its body; fails as a whole, as Prometheus's scrape does. */
    Scrape scraped(byte[] body, ExpositionFormat format, long scrapeMillis, double durationSeconds)
            throws ExpositionParseException {
        TelemetryBatch.Builder batch = TelemetryBatch.builder();
        var current = new HashSet<Long>();
        var sink = new Sink(batch, current, scrapeMillis);
        ExpositionParser.parse(body, body.length, format, limits, sink);
        report(batch, current, scrapeMillis, 1, durationSeconds, sink.scraped);
        markGone(batch, current, scrapeMillis);
        return new Scrape(batch.build(), sink.scraped);
    }

    /** A failed scrape: {@code up} 0 and every series it had before ended. */
    TelemetryBatch failed(long scrapeMillis, double durationSeconds) {
        TelemetryBatch.Builder batch = TelemetryBatch.builder();
        var current = new HashSet<Long>();
        report(batch, current, scrapeMillis, 0, durationSeconds, 0);
        markGone(batch, current, scrapeMillis);
        return batch.build();
    }

    /** The target is gone: every series it had ends now, its report series too. */
    TelemetryBatch ended(long nowMillis) {
        TelemetryBatch.Builder batch = TelemetryBatch.builder();
        markGone(batch, new HashSet<>(), nowMillis);
        return batch.build();
    }

    private void report(TelemetryBatch.Builder batch, Set<Long> current, long scrapeMillis, double up,
            double durationSeconds, int scraped) {
        add(batch, current, "up", "gauge", NO_LABELS, up, scrapeMillis);
        add(batch, current, "scrape_duration_seconds", "gauge", NO_LABELS, durationSeconds, scrapeMillis);
        add(batch, current, "scrape_samples_scraped", "gauge", NO_LABELS, scraped, scrapeMillis);
    }

    private void markGone(TelemetryBatch.Builder batch, Set<Long> current, long millis) {
        long nanos = millis * 1_000_000L;
        for (long id : previous) {
            if (!current.contains(id)) {
                batch.addSample(new MetricSampleRow(service, id, nanos, Double.NaN, null, true));
            }
        }
        previous = current;
    }

    private void add(TelemetryBatch.Builder batch, Set<Long> current, String name, String type, String[] labels,
            double value, long millis) {
        long id = seriesId(name, type, labels);
        current.add(id);
        batch.addSample(new MetricSampleRow(service, id, millis * 1_000_000L, value, null));
    }

    private long seriesId(String name, String type, String[] labels) {
        String key = key(name, labels);
        Long id = known.get(key);
        if (id != null) {
            return id;
        }
        if (known.size() >= CACHE_CLEAR_FACTOR * Math.max(limits.maxSamples(), 1_000)) {
            known.clear();
        }
        id = series.register(withTargetLabels(name, labels), type, null).seriesId();
        known.put(key, id);
        return id;
    }

    private static String key(String name, String[] labels) {
        var key = new StringBuilder(name.length() + labels.length * 12).append(name);
        for (String part : labels) {
            key.append('\u0000').append(part);
        }
        return key.toString();
    }

    /** The exposed labels, renamed to {@code exported_<name>} where the target has the same label, plus the target's. */
    private String[] withTargetLabels(String name, String[] labels) {
        var pairs = new ArrayList<String>(labels.length + 2 * target.labels().size() + 2);
        for (int i = 0; i < labels.length; i += 2) {
            String label = labels[i];
            pairs.add(target.labels().containsKey(label) ? "exported_" + label : label);
            pairs.add(labels[i + 1]);
        }
        target.labels().forEach((label, value) -> {
            pairs.add(label);
            pairs.add(value);
        });
        pairs.add(PrometheusLabels.METRIC_NAME);
        pairs.add(name);
        return PrometheusLabels.normalise(pairs.toArray(String[]::new));
    }

    private final class Sink implements SampleSink {
        private final TelemetryBatch.Builder batch;
        private final Set<Long> current;
        private final long scrapeMillis;
        private final AcceptedTimes accepted = partitions.acceptedTimes();
        private int scraped;

        Sink(TelemetryBatch.Builder batch, Set<Long> current, long scrapeMillis) {
            this.batch = batch;
            this.current = current;
            this.scrapeMillis = scrapeMillis;
        }

        @Override
        public void sample(String metricName, String familyType, String[] labels, double value, long timestampMillis) {
            scraped++;
            long millis = timestampMillis == Long.MIN_VALUE ? scrapeMillis : timestampMillis;
            if (!accepted.acceptsMillis(millis)) {
                return;
            }
            add(batch, current, metricName, familyType, labels, value, millis);
        }
    }

    /** Why a scrape's samples cannot be stored, worded for the targets page. */
    static String reason(RuntimeException e) {
        return e instanceof InvalidTelemetryException || e instanceof IllegalArgumentException
                ? "invalid series: " + e.getMessage() : e.toString();
    }
}
