package io.headroom.alerting.api;

import java.util.List;
import java.util.Map;

import io.headroom.alerting.AlertRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Alert rules over HTTP: list, read, create, replace, delete; and an SLO's burn-rate rules in one call. */
@RestController
class AlertRulesController {

    private final AlertRules rules;

    AlertRulesController(AlertRules rules) {
        this.rules = rules;
    }

    record RulesResponse(List<RuleJson> rules) {
    }

    record BurnRateRequest(String runbookUrl) {
    }

    @GetMapping("/api/v1/alert-rules")
    RulesResponse all() {
        return new RulesResponse(rules.all().stream().map(RuleJson::of).toList());
    }

    @GetMapping("/api/v1/alert-rules/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return rules.find(id).<ResponseEntity<?>>map(rule -> ResponseEntity.ok(RuleJson.of(rule))).orElseGet(() -> none(id));
    }

    @PostMapping("/api/v1/alert-rules")
    ResponseEntity<RuleJson> create(@RequestBody RuleJson request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(RuleJson.of(rules.create(body(request).toRule())));
    }

    @PutMapping("/api/v1/alert-rules/{id}")
    ResponseEntity<?> replace(@PathVariable long id, @RequestBody RuleJson request) {
        return rules.update(id, body(request).toRule()).<ResponseEntity<?>>map(rule -> ResponseEntity.ok(RuleJson.of(rule)))
                .orElseGet(() -> none(id));
    }

    @DeleteMapping("/api/v1/alert-rules/{id}")
    ResponseEntity<?> delete(@PathVariable long id) {
        return rules.delete(id) ? ResponseEntity.noContent().build() : none(id);
    }

    /** The page and ticket burn-rate rules for the service's SLO. */
    @PostMapping("/api/v1/services/{service}/slo/alert-rules")
    ResponseEntity<RulesResponse> burnRateRules(@PathVariable String service, @RequestBody(required = false) BurnRateRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new RulesResponse(
                rules.createBurnRateRules(service, request == null ? null : request.runbookUrl()).stream().map(RuleJson::of).toList()));
    }

    private static RuleJson body(RuleJson request) {
        if (request == null) {
            throw new IllegalArgumentException(RuleJson.BODY);
        }
        return request;
    }

    private static ResponseEntity<?> none(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no alert rule has id " + id));
    }

    @ExceptionHandler(AlertRules.NameTaken.class)
    ResponseEntity<Map<String, String>> taken(AlertRules.NameTaken e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", RuleJson.BODY));
    }
}
