package io.headroom.chaos.api;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import io.headroom.chaos.Chaos;
import io.headroom.chaos.Fault;
import io.headroom.chaos.FaultInjectorUnavailable;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Faults over HTTP: inject one into a service, list them, stop one early. */
@RestController
@RequestMapping("/api/v1")
class FaultController {

    private static final String BODY_SHAPE = "body must be {\"type\": \"latency|error|kill|cpu\", \"magnitude\": m, "
            + "\"percentage\": p, \"durationSeconds\": s} (jitter optional, for latency)";

    private final Chaos chaos;

    FaultController(Chaos chaos) {
        this.chaos = chaos;
    }

    /** Omitted magnitude: 500 for errors, one instance for kill, a whole core for CPU; latency needs one. */
    record FaultRequest(String type, Double magnitude, Double jitter, Double percentage, Long durationSeconds, Double instancePercentage) {

        FaultSpec toSpec() {
            if (type == null || durationSeconds == null) {
                throw new IllegalArgumentException(BODY_SHAPE);
            }
            FaultType faultType;
            try {
                faultType = FaultType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("type must be one of latency, error, kill, cpu; was '" + type + "'");
            }
            return new FaultSpec(faultType, magnitude == null ? faultType.defaultMagnitude() : magnitude, jitter == null ? 0 : jitter,
                    percentage == null ? 100 : percentage, Duration.ofSeconds(durationSeconds),
                    instancePercentage == null ? 100 : instancePercentage);
        }
    }

    record FaultResponse(String id, String service, String type, double magnitude, double jitter, double percentage,
            double instancePercentage, long durationSeconds, Instant startedAt, Instant endsAt, Instant endedAt, String endReason,
            boolean active) {

        static FaultResponse of(Fault fault) {
            FaultSpec spec = fault.spec();
            return new FaultResponse(fault.id(), fault.service(), spec.type().name().toLowerCase(Locale.ROOT), spec.magnitude(),
                    spec.jitter(), spec.percentage(), spec.instancePercentage(), spec.duration().toSeconds(), fault.startedAt(), fault.endsAt(),
                    fault.endedAt(), fault.endReason(), fault.active());
        }
    }

    record FaultsResponse(List<FaultResponse> faults) {
    }

    @PostMapping("/services/{service}/faults")
    ResponseEntity<FaultResponse> inject(@PathVariable String service, @RequestBody FaultRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(BODY_SHAPE);
        }
        Fault fault = chaos.inject(service, request.toSpec());
        return ResponseEntity.created(URI.create("/api/v1/faults/" + fault.id())).body(FaultResponse.of(fault));
    }

    @GetMapping("/faults")
    FaultsResponse faults(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return new FaultsResponse(chaos.faults(limit).stream().map(FaultResponse::of).toList());
    }

    @GetMapping("/faults/{id}")
    FaultResponse fault(@PathVariable String id) {
        return chaos.find(id).map(FaultResponse::of).orElseThrow(() -> new NoSuchElementException("no fault with id '" + id + "'"));
    }

    @DeleteMapping("/faults/{id}")
    FaultResponse stop(@PathVariable String id) {
        return FaultResponse.of(chaos.stop(id));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", e.getMessage()));
    }

    @ExceptionHandler(Chaos.KillSwitchEngaged.class)
    ResponseEntity<Map<String, String>> killSwitchEngaged(Chaos.KillSwitchEngaged e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "kill_switch", "message", e.getMessage()));
    }

    @ExceptionHandler(FaultInjectorUnavailable.class)
    ResponseEntity<Map<String, String>> unavailable(FaultInjectorUnavailable e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", "fault_injector_unavailable", "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", BODY_SHAPE + " with numbers where numbers go"));
    }
}
