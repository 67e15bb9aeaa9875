package io.headroom.kpi.api;

import java.util.Collection;
import java.util.Map;

import io.headroom.kpi.Slo;
import io.headroom.kpi.SloStatus;
import io.headroom.kpi.Slos;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Service level objectives over HTTP: define, read and remove them, and read their error budget and burn rates. */
@RestController
class SloController {

    private static final String BODY = "body must be {\"availabilityTarget\": 0.999, \"latencyTarget\": 0.99, "
            + "\"latencyThresholdMs\": 300, \"windowDays\": 30} (either target may be left out, windowDays defaults to 30)";

    private final Slos slos;

    SloController(Slos slos) {
        this.slos = slos;
    }

    record SloRequest(Double availabilityTarget, Double latencyTarget, Double latencyThresholdMs, Integer windowDays) {
    }

    record StatusesResponse(Collection<SloStatus> slos) {
    }

    @GetMapping("/api/v1/slos")
    StatusesResponse statuses() {
        return new StatusesResponse(slos.statuses().values());
    }

    @GetMapping("/api/v1/services/{service}/slo")
    ResponseEntity<?> slo(@PathVariable String service) {
        return slos.find(service).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> none(service));
    }

    @PutMapping("/api/v1/services/{service}/slo")
    Slo define(@PathVariable String service, @RequestBody SloRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(BODY);
        }
        return slos.define(new Slo(service, request.availabilityTarget(), request.latencyTarget(), request.latencyThresholdMs(),
                request.windowDays() == null ? Slo.DEFAULT_WINDOW_DAYS : request.windowDays()));
    }

    @DeleteMapping("/api/v1/services/{service}/slo")
    ResponseEntity<?> remove(@PathVariable String service) {
        return slos.remove(service) ? ResponseEntity.noContent().build() : none(service);
    }

    @GetMapping("/api/v1/services/{service}/slo/status")
    ResponseEntity<?> status(@PathVariable String service) {
        return slos.status(service).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> none(service));
    }

    private static ResponseEntity<?> none(String service) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", "no SLO is defined for '" + service + "'"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", BODY));
    }
}
