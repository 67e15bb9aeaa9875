package io.headroom.kpi.api;

import java.util.Map;

import io.headroom.kpi.ApdexThresholds;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A service's Apdex target time T, which its Apdex score in the service KPIs is computed for. */
@RestController
@RequestMapping("/api/v1/services/{service}/apdex")
class ApdexController {

    private static final String BODY = "body must be {\"thresholdMs\": number}";

    private final ApdexThresholds thresholds;

    ApdexController(ApdexThresholds thresholds) {
        this.thresholds = thresholds;
    }

    record Threshold(String service, Double thresholdMs) {
    }

    @GetMapping
    Threshold threshold(@PathVariable String service) {
        return new Threshold(service, thresholds.of(service));
    }

    @PutMapping
    Threshold set(@PathVariable String service, @RequestBody Threshold request) {
        if (request == null || request.thresholdMs() == null) {
            throw new IllegalArgumentException(BODY);
        }
        return new Threshold(service, thresholds.set(service, request.thresholdMs()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "thresholdMs", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "thresholdMs", "message", BODY));
    }
}
