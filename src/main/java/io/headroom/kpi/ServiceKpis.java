package io.headroom.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.headroom.store.CapacityRecords.Price;
import io.headroom.store.LatencyHistogram;
import io.headroom.store.ServiceRollupQueries;
import io.headroom.store.ServiceRollupQueries.KnownService;
import io.headroom.store.ServiceRollupQueries.RollupBucket;
import io.headroom.store.ServiceRollupQueries.WindowRollup;
import org.springframework.stereotype.Service;

/**
 * Request KPIs of services, computed from the per-minute rollups only (never from raw spans),
 * so a 24-hour window costs 1,440 small rows per service. A service's requests are its entry
 * spans: kind SERVER or CONSUMER, or spans without a parent.
 */
@Service
public class ServiceKpis {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ServiceRollupQueries rollups;
    private final CapacityLedger ledger;
    private final ServicePrices prices;
    private final ApdexThresholds apdex;
    private final Clock clock;

    ServiceKpis(ServiceRollupQueries rollups, CapacityLedger ledger, ServicePrices prices, ApdexThresholds apdex, Clock clock) {
        this.rollups = rollups;
        this.ledger = ledger;
        this.prices = prices;
        this.apdex = apdex;
        this.clock = clock;
    }

    /**
     * Every known service over [from, to) in whole minutes: from the one {@code from} falls in to
     * the one {@code to} falls in (to now, for the current minute).
     */
    public List<ServiceSummary> summaries(Instant start, Instant to) {
        Instant from = start.truncatedTo(ChronoUnit.MINUTES);
        Instant end = end(to);
        Map<String, WindowRollup> byService = new HashMap<>();
        for (WindowRollup rollup : rollups.windows(from, minuteAfter(end))) {
            byService.put(rollup.service(), rollup);
        }
        Map<String, InstanceTimeline> timelines = ledger.timelines(from, end);
        Map<String, Price> priced = prices.all();
        Map<String, Double> apdexThresholds = apdex.all();
        return rollups.services().stream()
                .map(service -> summary(service, byService.get(service.name()), from, end,
                        timelines.getOrDefault(service.name(), CapacityLedger.none()), perHour(priced.get(service.name())),
                        apdexThresholds.getOrDefault(service.name(), apdex.defaultMs())))
                .toList();
    }

    /** One service over [from, to), as {@link #summaries(Instant, Instant)} reads it. */
    public Optional<ServiceSummary> summary(String service, Instant start, Instant to) {
        Instant from = start.truncatedTo(ChronoUnit.MINUTES);
        Instant end = end(to);
        return rollups.service(service)
                .map(known -> summary(known, rollups.window(service, from, minuteAfter(end)), from, end,
                        ledger.timeline(service, from, end), perHour(prices.price(service).orElse(null)), apdex.of(service)));
    }

    /** How throughput and p99 followed the instance count over [from, to) (whole minutes; to now at the latest). */
    public Optional<ScalingEfficiency> scalingEfficiency(String service, Instant from, Instant to) {
        if (rollups.service(service).isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        return Optional.of(ScalingEfficiency.of(service, start, end, rollups.minutes(service, start, end),
                ledger.timeline(service, start, end)));
    }

    /**
     * A service's operations over [from, to) in whole minutes (as {@link #summary(String, Instant, Instant)}),
     * busiest first; empty when the service is unknown.
     */
    public Optional<List<OperationSummary>> operations(String service, Instant start, Instant to) {
        if (rollups.service(service).isEmpty()) {
            return Optional.empty();
        }
        Instant from = start.truncatedTo(ChronoUnit.MINUTES);
        Instant end = end(to);
        double seconds = Math.max(1.0, Duration.between(from, end).toMillis() / 1000.0);
        return Optional.of(rollups.operations(service, from, minuteAfter(end)).stream()
                .map(operation -> new OperationSummary(operation.operation(), OperationSummary.kindName(operation.kind()),
                        operation.spans(), operation.errors(), operation.spans() / seconds,
                        operation.spans() == 0 ? null : operation.errors() / (double) operation.spans(),
                        operation.spans() == 0 ? null : operation.durationSumNanos() / 1e6 / operation.spans(),
                        millis(operation.latency(), 0.50), millis(operation.latency(), 0.95), millis(operation.latency(), 0.99)))
                .sorted(java.util.Comparator.comparingLong(OperationSummary::spans).reversed()
                        .thenComparing(OperationSummary::operation).thenComparing(OperationSummary::kind))
                .toList());
    }

    /**
     * Every service's throughput and p99 over [start, to) in about {@code points} steps of whole
     * minutes; steps of half an hour or more become whole hours starting on the hour (24 points for
     * a day, not 30), so that they come from the hourly rollups. The step in progress is a rate
     * over its elapsed part.
     */
    public ServiceTrends trends(Instant start, Instant to, int points) {
        Instant end = end(to);
        long minutesStep = Math.max(60, (Duration.between(start, end).toSeconds() / points + 59) / 60 * 60);
        boolean hourly = minutesStep >= 1_800;
        long stepSeconds = hourly ? (minutesStep + 3_599) / 3_600 * 3_600 : minutesStep;
        Instant from = start.truncatedTo(hourly ? ChronoUnit.HOURS : ChronoUnit.MINUTES);
        int count = (int) Math.max(1, (minuteAfter(end).getEpochSecond() - from.getEpochSecond() + stepSeconds - 1) / stepSeconds);
        long[] timestamps = new long[count];
        for (int i = 0; i < count; i++) {
            timestamps[i] = from.getEpochSecond() + i * stepSeconds;
        }
        Map<String, ServiceTrends.Trend> trends = new HashMap<>();
        rollups.perStep(from, minuteAfter(end), stepSeconds).forEach((service, rollup) -> {
            Double[] rates = new Double[timestamps.length];
            Double[] p99 = new Double[timestamps.length];
            for (int i = 0; i < timestamps.length; i++) {
                double covered = Math.min(stepSeconds, end.getEpochSecond() - timestamps[i]);
                rates[i] = covered > 0 ? rollup.requests()[i] / covered : null;
                p99[i] = millis(rollup.latency()[i], 0.99);
            }
            trends.put(service, new ServiceTrends.Trend(rates, p99));
        });
        return new ServiceTrends(from, end, stepSeconds, timestamps, trends);
    }

    public boolean exists(String service) {
        return rollups.service(service).isPresent();
    }

    /**
     * @param step rounded up to whole minutes, at least one
     * @throws IllegalArgumentException when the range would have more than {@link StepAxis#MAX_POINTS} steps
     */
    public Optional<ServiceSeries> series(String service, Instant from, Instant to, Duration step) {
        Optional<KnownService> known = rollups.service(service);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        // Steps that ended before the service was first seen are unknown, not zero requests.
        long firstSeenSecond = known.get().firstSeen().getEpochSecond();
        StepAxis axis = StepAxis.of(from, to, step);
        long stepSeconds = axis.stepSeconds();
        long start = axis.startSecond();
        int points = axis.points();
        long[] timestamps = axis.timestamps();
        long[] requests = new long[points];
        long[] errors = new long[points];
        LatencyHistogram[] latency = new LatencyHistogram[points];
        for (RollupBucket bucket : rollups.buckets(service, axis.start(), axis.end(), axis.stepStarts())) {
            int i = (int) ((bucket.start().getEpochSecond() - start) / stepSeconds);
            requests[i] += bucket.requests();
            errors[i] += bucket.errors();
            if (latency[i] == null) {
                latency[i] = bucket.latency();
            } else {
                latency[i].merge(bucket.latency());
            }
        }
        Double[] throughput = new Double[points];
        Double[] errorRate = new Double[points];
        Double[] p50 = new Double[points];
        Double[] p95 = new Double[points];
        Double[] p99 = new Double[points];
        double nowSeconds = clock.millis() / 1000.0;
        boolean requestsYet = false;
        InstanceTimeline timeline = ledger.timeline(service, axis.start(), axis.end());
        Double price = perHour(prices.price(service).orElse(null));
        Double[] instances = new Double[points];
        Double[] costPerHour = new Double[points];
        for (int i = 0; i < points; i++) {
            Instant stepStart = Instant.ofEpochSecond(timestamps[i]);
            Instant stepEnd = Instant.ofEpochMilli(Math.min((timestamps[i] + stepSeconds) * 1000, clock.millis()));
            instances[i] = stepEnd.isAfter(stepStart) ? timeline.average(stepStart, stepEnd) : null;
            costPerHour[i] = instances[i] == null || price == null ? null : instances[i] * price;
        }
        for (int i = 0; i < points; i++) {
            // The step still in progress is a rate over its elapsed part, not a dip towards zero.
            double covered = Math.min(stepSeconds, nowSeconds - timestamps[i]);
            requestsYet |= requests[i] > 0;
            boolean beforeFirstSeen = !requestsYet && timestamps[i] + stepSeconds <= firstSeenSecond;
            throughput[i] = beforeFirstSeen ? null : covered > 0 ? requests[i] / covered : 0.0;
            if (requests[i] > 0) {
                errorRate[i] = errors[i] / (double) requests[i];
                p50[i] = millis(latency[i], 0.50);
                p95[i] = millis(latency[i], 0.95);
                p99[i] = millis(latency[i], 0.99);
            }
        }
        return Optional.of(new ServiceSeries(service, axis.start(), to, axis.step(),
                timestamps, throughput, errorRate, p50, p95, p99, instances, costPerHour));
    }

    /**
     * The rate divides by the part of the window since the service's first minute with requests
     * in it, as Prometheus's rate() covers only the range its samples span: a service that
     * started twenty seconds ago at 40 req/s reads about 40 req/s, not 3.
     */
    private ServiceSummary summary(KnownService service, WindowRollup rollup, Instant from, Instant end, InstanceTimeline timeline,
            Double pricePerHour, double apdexThresholdMs) {
        if (rollup == null || rollup.requests() == 0) {
            return new ServiceSummary(service.name(), 0, 0, 0, 0, 0, null, null, null, null, apdexThresholdMs, service.lastSeen(),
                    Capacity.of(timeline, pricePerHour, from, end, 0));
        }
        Instant start = rollup.firstMinute() != null && rollup.firstMinute().isAfter(from) ? rollup.firstMinute() : from;
        double seconds = Math.max(1.0, Duration.between(start, end).toMillis() / 1000.0);
        double throughput = rollup.requests() / seconds;
        return new ServiceSummary(service.name(), rollup.requests(), rollup.errors(), rollup.transactions(), throughput,
                rollup.errors() / (double) rollup.requests(),
                millis(rollup.latency(), 0.50), millis(rollup.latency(), 0.95), millis(rollup.latency(), 0.99),
                Apdex.score(rollup.latency(), rollup.errors(), apdexThresholdMs), apdexThresholdMs,
                service.lastSeen(), Capacity.of(timeline, pricePerHour, from, end, throughput));
    }

    /**
     * Where a range's data ends: at the end of the minute {@code to} falls in (rollups hold whole
     * minutes, so a rate over part of a past minute would count all of its requests against part
     * of its time), or now for the current minute.
     */
    private Instant end(Instant to) {
        Instant now = clock.instant();
        Instant minuteEnd = minuteAfter(to);
        return minuteEnd.isAfter(now) ? now : minuteEnd;
    }

    /** The end of the minute rollups that cover up to {@code end}: the minute it falls in counts, as the current one does. */
    private static Instant minuteAfter(Instant end) {
        Instant minute = end.truncatedTo(ChronoUnit.MINUTES);
        return minute.equals(end) ? end : minute.plus(MINUTE);
    }

    private static Double perHour(Price price) {
        return price == null ? null : price.pricePerInstanceHour();
    }

    private static Double millis(LatencyHistogram histogram, double quantile) {
        return histogram == null || histogram.isEmpty() ? null : histogram.quantileNanos(quantile) / 1e6;
    }
}
