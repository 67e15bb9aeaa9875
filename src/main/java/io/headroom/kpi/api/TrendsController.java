package io.headroom.kpi.api;

import java.time.Clock;
import java.time.Duration;

import io.headroom.api.ApiParameters;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceTrends;
import io.headroom.api.ApiParameters.Range;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every service's throughput and p99 in a few dozen steps: the Overview's sparklines as JSON. */
@RestController
class TrendsController {

    private static final Duration MAX_WINDOW = Duration.ofDays(400);
    static final int MAX_POINTS = 500;

    private final ServiceKpis kpis;
    private final Clock clock;

    TrendsController(ServiceKpis kpis, Clock clock) {
        this.kpis = kpis;
        this.clock = clock;
    }

    /** Over the last {@code window} (default 5m, as /api/v1/services) or [from, to), in about {@code points} steps (default 30). */
    @GetMapping("/api/v1/trends")
    ServiceTrends trends(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String points) {
        Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofMinutes(5), MAX_WINDOW, clock.instant());
        return kpis.trends(range.from(), range.to(), ApiParameters.wholeNumber("points", points, 30, 2, MAX_POINTS));
    }
}
