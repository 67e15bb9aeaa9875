package io.headroom.kpi.api;

import java.time.Clock;
import java.time.Duration;

import io.headroom.api.ApiParameters;
import io.headroom.kpi.Fleet;
import io.headroom.kpi.FleetSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Executive view's figures as JSON: the fleet over a window and the window before it, and the SLOs. */
@RestController
class FleetController {

    private static final Duration MAX_WINDOW = Duration.ofDays(200);

    private final Fleet fleet;
    private final Clock clock;

    FleetController(Fleet fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The last {@code window} (default 24h) or [from, to), beside the period of the same length before it. */
    @GetMapping("/api/v1/fleet")
    FleetSummary fleet(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var range = ApiParameters.windowOrRange(window, from, to, Duration.ofHours(24), MAX_WINDOW, clock.instant());
        return fleet.summary(range.from(), range.to());
    }
}
