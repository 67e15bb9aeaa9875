package io.headroom.scaling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.headroom.api.ApiParameters;
import io.headroom.kpi.ForecastSource;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSeries;
import org.springframework.stereotype.Service;

/**
 * Forecasts a service's throughput with {@link SeasonalForecast} from its recorded history, at
 * about 144 steps per season (10 minutes for a day, 1 minute for seasons under 2.4 hours), and
 * turns a forecast into the instances a predictive policy asks for. A forecast is made once per
 * step and service and then reused, as it cannot change before a new step completes.
 */
@Service
public class LoadForecasts implements ForecastSource {

    /** How far ahead forecasts reach: the next hour, as charts show it. */
    public static final Duration HORIZON = Duration.ofHours(1);
    /**
     * How long a step must have ended before a forecast reads it: spans reach the rollups a few
     * seconds after they are committed, and SDKs export in batches every few seconds; a forecast
     * made the instant a minute ends would read that minute short and carry the dip forward.
     */
    static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int STEPS_PER_SEASON = 144;

    private record Key(String service, Duration season, Duration horizon) {
    }

    private final ServiceKpis kpis;
    private final ScalingPolicyRecords policies;
    private final Clock clock;
    /** The newest forecast of each kind: reused while its origin is still the current one. */
    private final Map<Key, LoadForecast> latest = new ConcurrentHashMap<>();

    LoadForecasts(ServiceKpis kpis, ScalingPolicyRecords policies, Clock clock) {
        this.kpis = kpis;
        this.policies = policies;
        this.clock = clock;
    }

    /** The season a service's forecasts use: its predictive policy's, else a day. */
    public Duration season(String service) {
        return predictive(service).map(Predictive::season).orElse(Predictive.DEFAULT_SEASON);
    }

    /** For the throughput chart: services with a predictive policy only, where it acts on the forecast. */
    @Override
    public Optional<ThroughputForecast> forecast(String service) {
        return predictive(service).map(predictive -> forecast(service, predictive.season(), HORIZON)).filter(LoadForecast::available)
                .map(f -> new ThroughputForecast(f.timestamps(), f.step().toSeconds(), f.expected(), f.low(), f.high()));
    }

    private Optional<Predictive> predictive(String service) {
        return policies.all().stream().filter(p -> p.service().equals(service) && p.predictive() != null).findFirst()
                .map(ScalingPolicy::predictive);
    }

    /** The forecast of the next {@code horizon} from now. */
    public LoadForecast forecast(String service, Duration season, Duration horizon) {
        return forecast(service, season, clock.instant(), horizon);
    }

    LoadForecast forecast(String service, Duration season, Instant now, Duration horizon) {
        Duration step = step(season);
        Instant origin = Instant.ofEpochSecond(Math.floorDiv(now.minus(SETTLE).getEpochSecond(), step.toSeconds()) * step.toSeconds());
        var key = new Key(service, season, horizon);
        LoadForecast cached = latest.get(key);
        if (cached != null && cached.origin().equals(origin)) {
            return cached;
        }
        LoadForecast made = make(service, season, step, origin, horizon);
        latest.put(key, made);
        return made;
    }

    private LoadForecast make(String service, Duration season, Duration step, Instant origin, Duration horizon) {
        SeasonalForecast model = model(season, step);
        ServiceSeries series = kpis.series(service, origin.minus(step.multipliedBy(historySteps(model, step, horizon))), origin, step)
                .orElse(null);
        if (series == null) {
            return LoadForecast.unavailable(service, season, step, origin, "no telemetry from " + service);
        }
        return forecast(service, season, step, origin, horizon, model, series.throughput());
    }

    /**
     * A replay's forecast floors: at each instant in [from, to) what the predictive policy would have
     * asked for from the history known then, one forecast per step.
     */
    Function<Instant, PolicyInput.ForecastFloor> replay(String service, Predictive predictive, Instant from,
            Instant to) {
        Duration step = step(predictive.season());
        SeasonalForecast model = model(predictive.season(), step);
        Instant start = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), step.toSeconds()) * step.toSeconds())
                .minus(step.multipliedBy(historySteps(model, step, predictive.lead().plus(step))));
        Double[] all = kpis.series(service, start, to, step).map(ServiceSeries::throughput).orElse(new Double[0]);
        Duration horizon = predictive.lead().plus(step);
        var made = new HashMap<Long, LoadForecast>();
        return at -> {
            long index = Math.floorDiv(at.minus(SETTLE).getEpochSecond() - start.getEpochSecond(), step.toSeconds());
            LoadForecast forecast = made.computeIfAbsent(index, i -> forecast(service, predictive.season(), step,
                    start.plus(step.multipliedBy(i)), horizon, model, Arrays.copyOf(all, (int) Math.min(i, all.length))));
            return floor(forecast, predictive, at);
        };
    }

    private static SeasonalForecast model(Duration season, Duration step) {
        int perSeason = (int) Math.max(2, Math.round((double) season.toSeconds() / step.toSeconds()));
        return new SeasonalForecast(perSeason, Math.max(3, Math.round(perSeason / 24f)));
    }

    /**
     * Up to {@link SeasonalForecast#MAX_SEASONS} seasons for the farthest step and the level window
     * before the oldest: a horizon longer than the season reaches further back for whole seasons.
     */
    private static int historySteps(SeasonalForecast model, Duration step, Duration horizon) {
        long horizonSteps = (horizon.toSeconds() + step.toSeconds() - 1) / step.toSeconds();
        long seasonsAhead = (horizonSteps + model.season() - 1) / model.season();
        return (int) ((SeasonalForecast.MAX_SEASONS + seasonsAhead - 1) * model.season() + model.levelWindow());
    }

    private static LoadForecast forecast(String service, Duration season, Duration step, Instant origin, Duration horizon,
            SeasonalForecast model, Double[] history) {
        int known = 0;
        for (Double value : history) {
            known += value == null ? 0 : 1;
        }
        int horizonSteps = (int) Math.max(1, (horizon.toSeconds() + step.toSeconds() - 1) / step.toSeconds());
        SeasonalForecast.Result result = model.forecast(history, horizonSteps);
        if (result == null || known < model.minimumHistory()) {
            return LoadForecast.unavailable(service, season, step, origin, "needs %s of history (a season of %s and %s), has %s"
                    .formatted(text(step.multipliedBy(model.minimumHistory())), text(season), text(step.multipliedBy(
                            model.levelWindow())), text(step.multipliedBy(known))));
        }
        long[] timestamps = new long[horizonSteps];
        for (int j = 0; j < horizonSteps; j++) {
            timestamps[j] = origin.getEpochSecond() + j * step.toSeconds();
        }
        return new LoadForecast(service, season, step, origin, timestamps, result.expected(), result.low(), result.high(),
                result.seasonsUsed(), null);
    }

    /** What a predictive policy asks for now: enough instances for the forecast peak within its lead time. */
    PolicyInput.ForecastFloor floor(String service, Predictive predictive, Instant now) {
        LoadForecast forecast = forecast(service, predictive.season(), now, HORIZON);
        return floor(forecast, predictive, now);
    }

    static PolicyInput.ForecastFloor floor(LoadForecast forecast, Predictive predictive, Instant now) {
        if (!forecast.available()) {
            return new PolicyInput.ForecastFloor(null, forecast.unavailable());
        }
        double peak = forecast.peak(now, now.plus(predictive.lead()));
        if (Double.isNaN(peak)) {
            return new PolicyInput.ForecastFloor(null, "the forecast has no value for the next " + text(predictive.lead()));
        }
        int instances = (int) Math.ceil(peak / predictive.requestsPerInstance() - 1e-9);
        return new PolicyInput.ForecastFloor(instances, "peak %s req/s expected within %s at %s req/s per instance needs %d"
                .formatted(PolicyEvaluator.number(peak), text(predictive.lead()), PolicyEvaluator.number(predictive.requestsPerInstance()),
                        instances));
    }

    /** About 144 steps a season in whole minutes (whole hours past an hour), as series are served. */
    static Duration step(Duration season) {
        long seconds = Math.max(60, season.toSeconds() / STEPS_PER_SEASON / 60 * 60);
        return Duration.ofSeconds(seconds > 3_600 ? (seconds + 3_599) / 3_600 * 3_600 : seconds);
    }

    private static String text(Duration duration) {
        return ApiParameters.durationText(duration);
    }
}
