package io.headroom.kpi.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.headroom.api.ApiParameters;
import io.headroom.kpi.SaturationSeries;
import io.headroom.kpi.ServiceSaturation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A service's saturation series (worker utilisation, in flight, queued, CPU, instances up) as the Service page charts them. */
@RestController
class SaturationController {

    private final ServiceSaturation saturation;
    private final Clock clock;

    SaturationController(ServiceSaturation saturation, Clock clock) {
        this.saturation = saturation;
        this.clock = clock;
    }

    record SaturationResponse(String service, Instant from, Instant to, long stepSeconds, long[] timestamps,
            Double[] workerUtilisation, Double[] inFlight, Double[] queued, Double[] cpuCores, Double[] instancesUp,
            Map<String, String> metrics) {
        static SaturationResponse of(SaturationSeries series) {
            return new SaturationResponse(series.service(), series.from(), series.to(), series.step().toSeconds(),
                    series.timestamps(), series.workerUtilisation(), series.inFlight(), series.queued(), series.cpuCores(),
                    series.instancesUp(), series.metrics());
        }
    }

    /** [from, to) as for {@code /series} (default: the last hour, about 300 steps), on the same step axis. */
    @GetMapping("/api/v1/services/{service}/saturation")
    ResponseEntity<?> saturation(@PathVariable String service, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String step) {
        ApiParameters.SeriesRequest request = ApiParameters.seriesRequest(from, to, step, clock.instant());
        try {
            return saturation.series(service, request.from(), request.to(), request.step())
                    .<ResponseEntity<?>>map(series -> ResponseEntity.ok(SaturationResponse.of(series)))
                    .orElseGet(() -> ServiceKpiController.notFound(service));
        } catch (IllegalArgumentException e) {
            throw new ApiParameters.BadParameter("step", e.getMessage() + "; use a larger step or a shorter range");
        }
    }
}
