package io.headroom.demo.api;

import java.util.Map;

import io.headroom.demo.DemoFleet;
import io.headroom.demo.LoadStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo load generator over HTTP: what it sends now, and its base rate. 404 when the demo fleet is off. */
@RestController
@RequestMapping("/api/v1/demo/load")
class DemoLoadController {

    private final ObjectProvider<DemoFleet> fleet;

    DemoLoadController(ObjectProvider<DemoFleet> fleet) {
        this.fleet = fleet;
    }

    record LoadRequest(Double rps) {
    }

    @GetMapping
    ResponseEntity<?> load() {
        DemoFleet demo = fleet.getIfAvailable();
        return demo == null ? off() : ResponseEntity.ok(demo.load());
    }

    @PutMapping
    ResponseEntity<?> setLoad(@RequestBody LoadRequest request) {
        DemoFleet demo = fleet.getIfAvailable();
        if (demo == null) {
            return off();
        }
        if (request == null || request.rps() == null) {
            throw new IllegalArgumentException("body must be {\"rps\": r}");
        }
        LoadStatus status = demo.setRps(request.rps());
        return ResponseEntity.ok(status);
    }

    private static ResponseEntity<Map<String, String>> off() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", "the demo fleet is off (headroom.demo.enabled=false)"));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "rps", "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> notStarted(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(Map.of("error", "unavailable", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "parameter", "rps",
                "message", "body must be {\"rps\": r} with a number"));
    }
}
