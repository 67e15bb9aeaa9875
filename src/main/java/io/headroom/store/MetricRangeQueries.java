package io.headroom.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the samples of a service's metrics over a time range, wherever they are now: compacted
 * chunks and the batches not yet compacted. Chunks are found by their series and start time
 * (a chunk never spans more than its UTC day), so a range costs the chunks that overlap it, not
 * the series' whole retention.
 */
@Component
public class MetricRangeQueries {

    /**
     * One series' samples in the range, by time.
     *
     * @param instance the reporting instance ({@code service.instance.id}; a scraped target's {@code instance}),
     *     or the series id when the resource names none
     * @param values NaN where the series was marked stale (it ended there) or reported NaN
     */
    public record SeriesSamples(long seriesId, String metricName, String instance, long[] timesMillis, double[] values) {

        public int size() {
            return timesMillis.length;
        }
    }

    /** A series' latest sample; {@code value} is NaN where the series was marked stale (it ended there). */
    public record LatestSample(String service, long seriesId, long timeMillis, double value) {
    }

    /**
     * Each series' newest compacted chunk, found through the (series_id, start_time) index, and
     * its last sample (chunks hold their samples in time order). Samples not yet compacted (a few
     * seconds' worth) are left out: reading them would unnest every pending batch of every series.
     */
    private static final String LATEST = """
            SELECT s.service_name, s.series_id, c.times[cardinality(c.times)], c."values"[cardinality(c."values")]
            FROM metric_series s
            CROSS JOIN LATERAL (
                SELECT times, "values" FROM metric_chunks c
                WHERE c.series_id = s.series_id AND c.start_time >= :from AND c.start_time < :to
                ORDER BY c.start_time DESC LIMIT 1
            ) c
            WHERE s.metric_name = ANY(:names)""";

    private static final String SAMPLES = """
            WITH wanted AS (
                SELECT s.series_id, s.metric_name, coalesce(r.attributes->>'service.instance.id', s.series_id::text) AS instance
                FROM metric_series s JOIN resources r ON r.resource_id = s.resource_id
                WHERE s.service_name = :service AND s.metric_name = ANY(:names)
            )
            SELECT w.series_id, w.metric_name, w.instance, u.time, u.value
            FROM wanted w
            JOIN metric_chunks c ON c.series_id = w.series_id
                AND c.start_time >= CAST(:from AS timestamptz) - interval '1 day' AND c.start_time < :to AND c.end_time >= :from
            CROSS JOIN LATERAL unnest(c.times, c."values") AS u(time, value)
            WHERE u.time >= :from AND u.time < :to
            UNION ALL
            SELECT w.series_id, w.metric_name, w.instance, u.time, u.value
            FROM metric_sample_batches b
            CROSS JOIN LATERAL unnest(b.series_ids, b.times, b."values") AS u(series_id, time, value)
            JOIN wanted w ON w.series_id = u.series_id
            WHERE u.time >= :from AND u.time < :to
            ORDER BY 1, 4""";

    private final JdbcClient jdbc;

    MetricRangeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The samples in [from, to) of every series of {@code service} named one of {@code metricNames}, a list per series. */
    public List<SeriesSamples> samples(String service, List<String> metricNames, Instant from, Instant to) {
        var gathering = new SeriesGatherer();
        jdbc.sql(SAMPLES)
                .param("service", service)
                .param("names", metricNames.toArray(String[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(row -> {
                    long seriesId = row.getLong(1);
                    if (seriesId != gathering.seriesId) {
                        gathering.start(seriesId, row.getString(2), row.getString(3));
                    }
                    long timeMillis = row.getTimestamp(4).getTime();
                    double value = row.getDouble(5);
                    gathering.add(timeMillis, row.wasNull() ? Double.NaN : value);
                });
        gathering.flush();
        return gathering.all;
    }

    /**
     * The latest compacted sample of every series, of any service, named one of {@code metricNames}
     * whose newest chunk starts in [from, to); samples that arrived in the last compaction interval
     * are not seen yet.
     */
    public List<LatestSample> latest(List<String> metricNames, Instant from, Instant to) {
        return jdbc.sql(LATEST)
                .param("names", metricNames.toArray(String[]::new))
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((row, i) -> {
                    double value = row.getDouble(4);
                    return new LatestSample(row.getString(1), row.getLong(2), row.getTimestamp(3).getTime(),
                            row.wasNull() ? Double.NaN : value);
                })
                .list();
    }

    /** Turns rows ordered by series and time into one {@link SeriesSamples} per series. */
    private static final class SeriesGatherer {
        final List<SeriesSamples> all = new ArrayList<>();
        long seriesId = Long.MIN_VALUE;
        String metricName;
        String instance;
        long[] times = new long[64];
        double[] values = new double[64];
        int count;

        void start(long id, String name, String instanceId) {
            flush();
            seriesId = id;
            metricName = name;
            instance = instanceId;
        }

        void add(long timeMillis, double value) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            times[count] = timeMillis;
            values[count++] = value;
        }

        void flush() {
            if (count > 0) {
                all.add(new SeriesSamples(seriesId, metricName, instance, Arrays.copyOf(times, count), Arrays.copyOf(values, count)));
            }
            count = 0;
        }
    }
}
