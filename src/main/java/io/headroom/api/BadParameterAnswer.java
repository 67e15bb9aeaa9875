package io.headroom.api;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A query parameter an API cannot use is answered 400, naming the parameter and what is wrong with it. */
@RestControllerAdvice
class BadParameterAnswer {

    @ExceptionHandler(ApiParameters.BadParameter.class)
    ResponseEntity<Map<String, String>> badParameter(ApiParameters.BadParameter e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_parameter", "parameter", e.parameter(), "message", e.getMessage()));
    }
}
