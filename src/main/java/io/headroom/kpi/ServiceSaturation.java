package io.headroom.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.headroom.store.MetricRangeQueries;
import io.headroom.store.MetricRangeQueries.SeriesSamples;
import io.headroom.store.ServiceRollupQueries;
import org.springframework.stereotype.Component;

/**
 * A service's saturation per step from its instances' metrics: gauges averaged over each step
 * per instance, then averaged (utilisation) or summed (in flight, queued, instances up) across
 * instances; the CPU counter as a rate, each increase between consecutive samples counted in
 * the step its later sample falls in, a counter reset (a drop) counting the new value as the
 * increase, as Prometheus's {@code rate()} does.
 */
@Component
public class ServiceSaturation {

    /** How far before the range a counter's previous sample is looked for, so the first step has a rate. */
    private static final Duration COUNTER_LOOKBACK = Duration.ofMinutes(5);

    private final MetricRangeQueries metrics;
    private final ServiceRollupQueries services;
    private final SaturationMetrics names;

    ServiceSaturation(MetricRangeQueries metrics, ServiceRollupQueries services, SaturationMetrics names) {
        this.metrics = metrics;
        this.services = services;
        this.names = names;
    }

    /**
     * @return empty when no service of that name has sent telemetry
     * @throws IllegalArgumentException when the range would have more than {@link StepAxis#MAX_POINTS} steps
     */
    public Optional<SaturationSeries> series(String service, Instant from, Instant to, Duration step) {
        if (services.service(service).isEmpty()) {
            return Optional.empty();
        }
        StepAxis axis = StepAxis.of(from, to, step);
        List<SeriesSamples> all = metrics.samples(service, names.all(), axis.start().minus(COUNTER_LOOKBACK), axis.end());
        var found = new TreeMap<String, String>();
        Double[] utilisation = gauges(all, names.utilisation(), axis, false, "workerUtilisation", found);
        Double[] inFlight = gauges(all, names.inFlight(), axis, true, "inFlight", found);
        Double[] queued = gauges(all, names.queued(), axis, true, "queued", found);
        Double[] cpu = rates(all, names.cpuSeconds(), axis, "cpuCores", found);
        Double[] up = gauges(all, names.up(), axis, true, "instancesUp", found);
        return Optional.of(new SaturationSeries(service, axis.start(), to, axis.step(), axis.timestamps(), utilisation, inFlight,
                queued, cpu, up, Map.copyOf(found)));
    }

    /** Each series' mean per step, then summed or averaged over the series with samples in that step. */
    private static Double[] gauges(List<SeriesSamples> all, List<String> metricNames, StepAxis axis, boolean sum,
            String field, Map<String, String> found) {
        List<SeriesSamples> matching = matching(all, metricNames, field, found);
        double[] total = new double[axis.points()];
        int[] reporting = new int[axis.points()];
        double[] seriesSum = new double[axis.points()];
        int[] seriesCount = new int[axis.points()];
        for (SeriesSamples series : matching) {
            Arrays.fill(seriesSum, 0);
            Arrays.fill(seriesCount, 0);
            for (int i = 0; i < series.size(); i++) {
                int step = axis.index(series.timesMillis()[i]);
                if (step >= 0 && Double.isFinite(series.values()[i])) {
                    seriesSum[step] += series.values()[i];
                    seriesCount[step]++;
                }
            }
            for (int step = 0; step < axis.points(); step++) {
                if (seriesCount[step] > 0) {
                    total[step] += seriesSum[step] / seriesCount[step];
                    reporting[step]++;
                }
            }
        }
        Double[] values = new Double[axis.points()];
        for (int step = 0; step < axis.points(); step++) {
            if (reporting[step] > 0) {
                values[step] = sum ? total[step] : total[step] / reporting[step];
            }
        }
        return values;
    }

    /** Counters as a per-second rate per step, summed over the series. */
    private static Double[] rates(List<SeriesSamples> all, List<String> metricNames, StepAxis axis, String field,
            Map<String, String> found) {
        List<SeriesSamples> matching = matching(all, metricNames, field, found);
        double[] rateSum = new double[axis.points()];
        boolean[] any = new boolean[axis.points()];
        double[] increase = new double[axis.points()];
        double[] seconds = new double[axis.points()];
        for (SeriesSamples series : matching) {
            Arrays.fill(increase, 0);
            Arrays.fill(seconds, 0);
            for (int i = 1; i < series.size(); i++) {
                double previous = series.values()[i - 1];
                double current = series.values()[i];
                int step = axis.index(series.timesMillis()[i]);
                // A stale marker or NaN breaks the chain: no increase is known across it.
                if (step < 0 || !Double.isFinite(previous) || !Double.isFinite(current)) {
                    continue;
                }
                increase[step] += current >= previous ? current - previous : current;
                seconds[step] += (series.timesMillis()[i] - series.timesMillis()[i - 1]) / 1000.0;
            }
            for (int step = 0; step < axis.points(); step++) {
                if (seconds[step] > 0) {
                    rateSum[step] += increase[step] / seconds[step];
                    any[step] = true;
                }
            }
        }
        Double[] values = new Double[axis.points()];
        for (int step = 0; step < axis.points(); step++) {
            values[step] = any[step] ? rateSum[step] : null;
        }
        return values;
    }

    /** The series of the first of {@code metricNames} the service reports, recorded in {@code found}. */
    private static List<SeriesSamples> matching(List<SeriesSamples> all, List<String> metricNames, String field,
            Map<String, String> found) {
        for (String name : metricNames) {
            List<SeriesSamples> matching = all.stream().filter(series -> series.metricName().equals(name)).toList();
            if (!matching.isEmpty()) {
                found.put(field, name);
                return matching;
            }
        }
        return List.of();
    }
}
