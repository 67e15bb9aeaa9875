package io.headroom.alerting.api;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The alerting API's 400: rules, silences and inhibit rules refuse what they cannot be with an
 * IllegalArgumentException whose message says why, and that message is the answer.
 */
@RestControllerAdvice(basePackageClasses = InvalidRequestAnswer.class)
class InvalidRequestAnswer {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }
}
