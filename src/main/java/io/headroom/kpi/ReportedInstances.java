package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.headroom.store.MetricRangeQueries;
import io.headroom.store.MetricRangeQueries.LatestSample;
import org.springframework.stereotype.Component;

/**
 * How many instances each service runs, as its metrics tell, for services no scale target runs:
 * the {@code up} series (Headroom's scrapes write them; a Prometheus forwarding over remote write
 * sends its own) whose latest sample, no older than Prometheus's five-minute lookback, is 1 —
 * what {@code count by (job) (up == 1)} gives in Prometheus. A service whose {@code up} series
 * all went stale or silent within the last hour runs 0; one without any in the last hour is not
 * counted at all, so a service that reports no {@code up} is left to other sources. Samples are
 * read once compacted, so a count follows its targets within the compaction interval (5 s).
 */
@Component
public class ReportedInstances {

    /** Prometheus's default lookback delta: an older sample no longer counts as the series' value. */
    static final Duration STALENESS = Duration.ofMinutes(5);
    /** How long a service whose targets all vanished still reads as running 0 instances. */
    static final Duration REMEMBERED = Duration.ofHours(1);

    private final MetricRangeQueries metrics;
    private final SaturationMetrics names;

    ReportedInstances(MetricRangeQueries metrics, SaturationMetrics names) {
        this.metrics = metrics;
        this.names = names;
    }

    /** Instances up now, by service. */
    public Map<String, Integer> count(Instant now) {
        long freshFrom = now.minus(STALENESS).toEpochMilli();
        var counts = new HashMap<String, Integer>();
        for (LatestSample sample : metrics.latest(names.up(), now.minus(REMEMBERED), now.plusMillis(1))) {
            boolean up = sample.timeMillis() >= freshFrom && sample.value() == 1;
            counts.merge(sample.service(), up ? 1 : 0, Integer::sum);
        }
        return counts;
    }
}
