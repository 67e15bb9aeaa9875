package io.headroom.alerting.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.headroom.alerting.AlertState;
import io.headroom.alerting.AlertTransition;
import io.headroom.alerting.AlertValues;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.Alerts;
import io.headroom.api.ApiParameters;
import io.headroom.api.ApiParameters.BadParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts Headroom's rules raised and those Alertmanagers sent: firing and pending by default,
 * any state on request; one alert with its history.
 */
@RestController
class AlertsController {

    private final Alerts alerts;
    private final AlertValues values;
    private final Clock clock;

    AlertsController(Alerts alerts, AlertValues values, Clock clock) {
        this.alerts = alerts;
        this.values = values;
        this.clock = clock;
    }

    record AlertsResponse(List<AlertView> alerts) {
    }

    record AlertResponse(AlertView alert, List<AlertTransition> history) {
    }

    @GetMapping("/api/v1/alerts")
    AlertsResponse list(@RequestParam(required = false) String state, @RequestParam(required = false) String service) {
        return new AlertsResponse(alerts.list(states(state), ApiParameters.text(service)));
    }

    @GetMapping("/api/v1/alerts/{fingerprint}")
    ResponseEntity<?> one(@PathVariable String fingerprint) {
        return alerts.find(fingerprint)
                .<ResponseEntity<?>>map(alert -> ResponseEntity.ok(new AlertResponse(alert, alerts.history(fingerprint, 200))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("error", "not_found", "message", "no alert has fingerprint '" + fingerprint + "'")));
    }

    /** The chart of a Headroom alert's page: its rule's KPI for its service over the window (default 3h) and the threshold. */
    @GetMapping("/api/v1/alerts/{fingerprint}/values")
    ResponseEntity<?> values(@PathVariable String fingerprint, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ApiParameters.Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofHours(3), Duration.ofDays(7), clock.instant());
        return alerts.findRuleAlert(fingerprint).flatMap(alert -> values.of(alert, range.from(), range.to()))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found",
                        "message", "no Headroom alert with fingerprint '" + fingerprint + "' has values in that range")));
    }

    private static List<AlertState> states(String text) {
        if (ApiParameters.text(text) == null) {
            return Alerts.ACTIVE;
        }
        try {
            return Arrays.stream(text.split(",")).map(s -> AlertState.valueOf(s.trim().toUpperCase(Locale.ROOT))).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new BadParameter("state", "state must be a comma-separated list of firing, pending, resolved, inactive; was '" + text + "'");
        }
    }
}
