package io.headroom.explore.api;

import java.time.Clock;
import java.time.Duration;

import io.headroom.api.ApiParameters;
import io.headroom.api.ApiParameters.Range;
import io.headroom.explore.ServiceMap;
import io.headroom.explore.ServiceMaps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service map as JSON: what the Service map view draws, with its layout. */
@RestController
class ServiceMapController {

    private static final Duration MAX_RANGE = Duration.ofDays(31);

    private final ServiceMaps maps;
    private final Clock clock;

    ServiceMapController(ServiceMaps maps, Clock clock) {
        this.maps = maps;
        this.clock = clock;
    }

    /** Over the last {@code window} (default 1h) or [from, to), in whole minutes. */
    @GetMapping("/api/v1/service-map")
    ServiceMap map(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofHours(1), MAX_RANGE, clock.instant());
        return maps.map(range.from(), range.to());
    }
}
