package io.headroom.scaling.api;

import java.util.Map;
import java.util.NoSuchElementException;

import io.headroom.scaling.Instances;
import io.headroom.scaling.ScaleRefused;
import io.headroom.scaling.ScaleTargetUnavailable;
import io.headroom.scaling.Scaling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Instance counts over HTTP: read them, and scale a service by hand. */
@RestController
@RequestMapping("/api/v1/services/{service}")
class ScalingController {

    private final Scaling scaling;

    ScalingController(Scaling scaling) {
        this.scaling = scaling;
    }

    record ScaleRequest(Integer instances) {
    }

    @GetMapping("/instances")
    Instances instances(@PathVariable String service) {
        return scaling.instances(service);
    }

    @PostMapping("/scale")
    Instances scale(@PathVariable String service, @RequestBody ScaleRequest request) {
        if (request == null || request.instances() == null) {
            throw new IllegalArgumentException("body must be {\"instances\": n}");
        }
        return scaling.scaleTo(service, request.instances());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", e.getMessage()));
    }

    @ExceptionHandler(ScaleRefused.class)
    ResponseEntity<Map<String, String>> refused(ScaleRefused e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
    }

    @ExceptionHandler(ScaleTargetUnavailable.class)
    ResponseEntity<Map<String, String>> unavailable(ScaleTargetUnavailable e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", "scale_target_unavailable", "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "instances", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "instances",
                "message", "body must be {\"instances\": n} with a whole number"));
    }
}
