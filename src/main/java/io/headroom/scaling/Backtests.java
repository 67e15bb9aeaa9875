package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Semaphore;

import io.headroom.api.ApiParameters;
import io.headroom.kpi.SaturationSeries;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServicePrices;
import io.headroom.kpi.ServiceSaturation;
import io.headroom.kpi.ServiceSeries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Backtests a policy before it is enabled: replays it over a past window of the service's recorded
 * traffic ({@link Backtest}) with the metric it would have read taken from the service's measured
 * throughput-per-instance curve over the {@link #CURVE_HISTORY} before the window's end, and
 * prices the instances it would have run. Views and the API both call this; it changes nothing.
 */
@Service
public class Backtests {

    public static final Duration MAX_WINDOW = Duration.ofDays(7);
    /** An instance's start-up time beyond this is not scaling any policy here can help with. */
    public static final Duration MAX_WARMUP = Duration.ofMinutes(30);
    /** Backtests at once: each reads up to two weeks of minutes, and any viewer may ask for one. */
    static final int CONCURRENT = 2;
    static final Duration CURVE_HISTORY = Duration.ofDays(7);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * @param instanceHours what the policy would have run; {@code recordedInstanceHours} what ran
     * @param cost at the service's price per instance-hour, null without a price
     * @param likelyP99MedianMs the median over minutes with requests of the p99 the curve expects
     */
    public record Summary(double instanceHours, Double recordedInstanceHours, Double cost, Double recordedCost, int changes,
            Double likelyP99MedianMs, Double likelyP99MaxMs, Double recordedP99MedianMs, Double recordedP99MaxMs,
            int minutesBeyondMeasured, double maxMeasuredLoadPerInstance, int minutesWithoutData) {
    }

    /** More backtests are running than {@link #CONCURRENT}: ask again in a few seconds. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super(CONCURRENT + " backtests are running; try again in a few seconds", null, false, false);
        }
    }

    /**
     * The replay, minute by minute (columns on {@code timestamps}), its changes, the curve it read and what to keep in mind.
     *
     * @param warmupSeconds how long the instances it added took to serve
     * @param servingInstances of {@code instances}, those serving (past their warm-up)
     */
    public record Report(String service, Instant from, Instant to, long intervalSeconds, long warmupSeconds, Double pricePerInstanceHour,
            Summary summary, long[] timestamps, Double[] throughput, Double[] instances, Double[] servingInstances,
            Double[] recordedInstances, Double[] likelyP99Ms,
            Double[] recordedP99Ms, List<Backtest.Change> changes, List<CapacityCurve.Point> curve, List<String> notes) {
    }

    private final ServiceKpis kpis;
    private final ServiceSaturation saturation;
    private final ServicePrices prices;
    private final LoadForecasts forecasts;
    private final Duration interval;
    private final Semaphore running;

    @Autowired
    Backtests(ServiceKpis kpis, ServiceSaturation saturation, ServicePrices prices, LoadForecasts forecasts,
            @Value("${headroom.scaling.interval:15s}") Duration interval) {
        this(kpis, saturation, prices, forecasts, interval, CONCURRENT);
    }

    Backtests(ServiceKpis kpis, ServiceSaturation saturation, ServicePrices prices, LoadForecasts forecasts, Duration interval,
            int concurrent) {
        this.running = new Semaphore(concurrent);
        this.kpis = kpis;
        this.saturation = saturation;
        this.prices = prices;
        this.forecasts = forecasts;
        this.interval = interval;
    }

    /**
     * The window starts at the service's first recorded minute when that is later.
     *
     * @throws NoSuchElementException when the service has sent no telemetry, or none in the window
     * @param warmup how long an instance the policy adds takes to serve (zero: at once)
     * @throws IllegalArgumentException when the window is empty or longer than {@link #MAX_WINDOW}, or the warm-up beyond
     *         {@link #MAX_WARMUP}
     * @throws Busy when {@link #CONCURRENT} backtests are running
     */
    public Report run(ScalingPolicy policy, Instant from, Instant to, Duration warmup) {
        if (warmup.isNegative() || warmup.compareTo(MAX_WARMUP) > 0) {
            throw new IllegalArgumentException("warmup must be at most " + ApiParameters.durationText(MAX_WARMUP)
                    + (warmup.isNegative() ? " and not negative" : ""));
        }
        if (!running.tryAcquire()) {
            throw new Busy();
        }
        try {
            return replay(policy, from, to, warmup);
        } finally {
            running.release();
        }
    }

    private Report replay(ScalingPolicy policy, Instant from, Instant to, Duration warmup) {
        Instant end = to.truncatedTo(ChronoUnit.MINUTES);
        long requestedStart = from.truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
        if (requestedStart >= end.getEpochSecond() || end.getEpochSecond() - requestedStart > MAX_WINDOW.toSeconds()) {
            throw new IllegalArgumentException("a backtest replays between 1 minute and " + MAX_WINDOW.toDays() + " days");
        }
        String service = policy.service();
        // One read serves both: the window lies within the curve's history, which ends where the window does.
        ServiceSeries history = kpis.series(service, end.minus(CURVE_HISTORY), end, MINUTE)
                .orElseThrow(() -> new NoSuchElementException("no telemetry from a service named '" + service + "'"));
        long[] timestamps = history.timestamps();
        int first = Math.max(0, Arrays.binarySearch(timestamps, requestedStart));
        // Minutes before the service was first seen are not traffic to replay: the window starts with its first.
        while (first < timestamps.length && history.throughput()[first] == null) {
            first++;
        }
        if (first == timestamps.length) {
            throw new NoSuchElementException(service + " has no traffic recorded in this window");
        }
        var recorded = new Backtest.Recorded(Arrays.copyOfRange(timestamps, first, timestamps.length),
                Arrays.copyOfRange(history.throughput(), first, timestamps.length),
                Arrays.copyOfRange(history.instances(), first, timestamps.length),
                Arrays.copyOfRange(history.p99Ms(), first, timestamps.length));
        Instant start = Instant.ofEpochSecond(timestamps[first]);
        CapacityCurve curve = curve(service, history);
        int startInstances = Arrays.stream(recorded.recordedInstances()).filter(Objects::nonNull).findFirst()
                .map(count -> (int) Math.round(count)).orElse(policy.minInstances());
        Backtest.Result result = Backtest.run(policy, recorded, curve, startInstances, interval, warmup,
                policy.predictive() == null ? null : forecasts.replay(service, policy.predictive(), start, end));
        Double price = prices.price(service).map(p -> p.pricePerInstanceHour()).orElse(null);
        return new Report(service, start, end, interval.toSeconds(), warmup.toSeconds(), price, summary(result, curve, price),
                result.timestamps(), result.throughput(), result.instances(), result.servingInstances(), result.recordedInstances(),
                result.likelyP99Ms(), result.recordedP99Ms(), result.changes(), curve.points(), notes(policy, result, curve, price, warmup));
    }

    /** The curve from the history's minutes with requests and a known instance count. */
    private CapacityCurve curve(String service, ServiceSeries history) {
        SaturationSeries gauges = saturation.series(service, history.from(), history.to(), MINUTE).orElse(null);
        var minutes = new ArrayList<CapacityCurve.Minute>();
        for (int i = 0; i < history.timestamps().length; i++) {
            Double throughput = history.throughput()[i];
            Double instances = history.instances()[i];
            if (throughput == null || throughput <= 0 || instances == null || instances < 0.5) {
                continue;
            }
            Double utilisation = gauges == null ? null : at(gauges.workerUtilisation(), gauges.timestamps(), history.timestamps()[i]);
            Double queued = gauges == null ? null : at(gauges.queued(), gauges.timestamps(), history.timestamps()[i]);
            minutes.add(new CapacityCurve.Minute(throughput / instances, history.p99Ms()[i], utilisation,
                    queued == null ? null : queued / instances));
        }
        return CapacityCurve.of(minutes);
    }

    private static Double at(Double[] values, long[] timestamps, long second) {
        int i = Arrays.binarySearch(timestamps, second);
        return i < 0 ? null : values[i];
    }

    private static Summary summary(Backtest.Result result, CapacityCurve curve, Double price) {
        double instanceHours = sum(result.instances()) / 60;
        Double recordedHours = count(result.recordedInstances()) == 0 ? null : sum(result.recordedInstances()) / 60;
        return new Summary(instanceHours, recordedHours, price == null ? null : instanceHours * price,
                price == null || recordedHours == null ? null : recordedHours * price, result.changes().size(),
                quantile(result.likelyP99Ms(), 0.5), quantile(result.likelyP99Ms(), 1), quantile(result.recordedP99Ms(), 0.5),
                quantile(result.recordedP99Ms(), 1), result.minutesBeyondMeasured(), curve.maxMeasuredLoad(), result.minutesWithoutData());
    }

    private static List<String> notes(ScalingPolicy policy, Backtest.Result result, CapacityCurve curve, Double price,
            Duration warmup) {
        var notes = new ArrayList<String>();
        notes.add(warmup.isZero()
                ? "instances count as serving from the moment the policy asks for them: the replay is kinder than life by an "
                        + "instance's start-up time (give a warm-up to count it)"
                : "instances the policy adds serve " + ApiParameters.durationText(warmup) + " after it asks for them and are paid for "
                        + "from the moment it asks; the policy reads them as idle meanwhile, as the HPA reads unready pods");
        if (curve.isEmpty()) {
            notes.add("too few measured minutes for a throughput-per-instance curve: p99" + (policy.metric() == PolicyMetric.REQUESTS_PER_INSTANCE
                    ? "" : " and the policy's metric") + " cannot be estimated");
        } else {
            notes.add("p99, utilisation and queue per instance are read from %d measured minutes, %s to %s req/s per instance"
                    .formatted(curve.points().stream().mapToInt(CapacityCurve.Point::minutes).sum(),
                            PolicyEvaluator.number(curve.points().get(0).load()), PolicyEvaluator.number(curve.maxMeasuredLoad())));
        }
        if (result.minutesBeyondMeasured() > 0) {
            notes.add("%d minutes put more load on each instance than was ever measured (over %s req/s): p99 there is at least "
                    .formatted(result.minutesBeyondMeasured(), PolicyEvaluator.number(curve.maxMeasuredLoad()))
                    + "what is shown, likely more");
        }
        if (result.minutesWithoutData() > 0) {
            notes.add(result.minutesWithoutData() + " minutes have no measurement: the policy kept its count through them");
        }
        if (price == null) {
            notes.add("no price per instance-hour is set for " + policy.service() + ": set one for costs");
        }
        return notes;
    }

    private static double sum(Double[] values) {
        double sum = 0;
        for (Double value : values) {
            sum += value == null ? 0 : value;
        }
        return sum;
    }

    private static int count(Double[] values) {
        return (int) Arrays.stream(values).filter(Objects::nonNull).count();
    }

    private static Double quantile(Double[] values, double q) {
        double[] present = Arrays.stream(values).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        if (present.length == 0) {
            return null;
        }
        return present[(int) Math.min(present.length - 1, Math.floor(q * present.length))];
    }
}
