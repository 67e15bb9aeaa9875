package io.headroom.scaling.api;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.headroom.api.ApiParameters;
import io.headroom.kpi.ServiceKpis;
import io.headroom.scaling.LoadForecast;
import io.headroom.scaling.LoadForecasts;
import io.headroom.scaling.Predictive;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service's throughput forecast, as its throughput chart and predictive policy use it. */
@RestController
class ForecastController {

    static final String MODEL = "seasonal naive with level correction, mean of up to 4 seasons; 80 % band from one-step errors";

    private final LoadForecasts forecasts;
    private final ServiceKpis kpis;

    ForecastController(LoadForecasts forecasts, ServiceKpis kpis) {
        this.forecasts = forecasts;
        this.kpis = kpis;
    }

    record Point(Instant at, Double expected, Double low, Double high) {
    }

    record ForecastJson(String service, String season, String step, Instant origin, String model, boolean available,
            String unavailable, int seasonsUsed, List<Point> points) {
    }

    /** The next hour (or horizon, up to a day) from now; season defaults to the service's predictive policy's, else 24h. */
    @GetMapping("/api/v1/services/{service}/forecast")
    ResponseEntity<?> forecast(@PathVariable String service, @RequestParam(required = false) String season,
            @RequestParam(required = false) String horizon) {
        if (!kpis.exists(service)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message",
                    "no telemetry from a service named '" + service + "'"));
        }
        Duration seasonLength = season == null ? forecasts.season(service) : ApiParameters.duration("season", season);
        Duration ahead = horizon == null ? LoadForecasts.HORIZON : ApiParameters.duration("horizon", horizon);
        if (!Predictive.seasonFits(seasonLength)) {
            throw new ApiParameters.BadParameter("season", "season must be between 5m and 28d");
        }
        if (ahead.compareTo(Duration.ofDays(1)) > 0) {
            throw new ApiParameters.BadParameter("horizon", "horizon must be at most 1d");
        }
        LoadForecast forecast = forecasts.forecast(service, seasonLength, ahead);
        var points = new ArrayList<Point>();
        for (int i = 0; i < forecast.timestamps().length; i++) {
            points.add(new Point(Instant.ofEpochSecond(forecast.timestamps()[i]), finite(forecast.expected()[i]), finite(forecast.low()[i]),
                    finite(forecast.high()[i])));
        }
        return ResponseEntity.ok(new ForecastJson(service, ApiParameters.durationText(forecast.season()),
                ApiParameters.durationText(forecast.step()), forecast.origin(), MODEL, forecast.available(), forecast.unavailable(),
                forecast.seasonsUsed(), points));
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
