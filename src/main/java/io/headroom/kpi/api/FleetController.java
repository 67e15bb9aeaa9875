package io.headroom.kpi.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
        Instant now = clock.instant();
        if (from == null) {
            Duration span = ApiParameters.duration("window", window == null ? "24h" : window);
            if (span.compareTo(MAX_WINDOW) > 0) {
                throw new ApiParameters.BadParameter("window", "window must be at most " + MAX_WINDOW.toDays() + "d");
            }
            return fleet.summary(now.truncatedTo(ChronoUnit.MINUTES).minus(span), now);
        }
        if (window != null) {
            throw new ApiParameters.BadParameter("window", "give either window or from (and to), not both");
        }
        Instant end = ApiParameters.time("to", to, now);
        Instant start = ApiParameters.time("from", from, end);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new ApiParameters.BadParameter("from", "from must be before to, at most " + MAX_WINDOW.toDays() + "d apart");
        }
        return fleet.summary(start, end);
    }
}
