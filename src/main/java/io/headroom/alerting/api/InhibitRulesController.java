package io.headroom.alerting.api;

import java.util.List;
import java.util.Map;

import io.headroom.alerting.InhibitRule;
import io.headroom.alerting.InhibitRules;
import io.headroom.alerting.LabelMatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Inhibit rules over HTTP: list, create, delete. */
@RestController
class InhibitRulesController {

    static final String BODY = "body must be {\"sourceMatchers\": [\"severity=\\\"critical\\\"\"], "
            + "\"targetMatchers\": [\"severity=\\\"warning\\\"\"], \"equal\": [\"service\"]}";

    private final InhibitRules rules;

    InhibitRulesController(InhibitRules rules) {
        this.rules = rules;
    }

    record InhibitRuleJson(Long id, List<String> sourceMatchers, List<String> targetMatchers, List<String> equal) {

        static InhibitRuleJson of(InhibitRule rule) {
            return new InhibitRuleJson(rule.id(), texts(rule.sourceMatchers()), texts(rule.targetMatchers()), rule.equal());
        }

        InhibitRule toRule() {
            return new InhibitRule(0, matchers(sourceMatchers), matchers(targetMatchers), equal);
        }

        private static List<String> texts(List<LabelMatcher> matchers) {
            return matchers.stream().map(LabelMatcher::toString).toList();
        }

        private static List<LabelMatcher> matchers(List<String> texts) {
            return texts == null ? List.of() : texts.stream().map(LabelMatcher::parse).toList();
        }
    }

    record InhibitRulesResponse(List<InhibitRuleJson> rules) {
    }

    @GetMapping("/api/v1/inhibit-rules")
    InhibitRulesResponse all() {
        return new InhibitRulesResponse(rules.all().stream().map(InhibitRuleJson::of).toList());
    }

    @PostMapping("/api/v1/inhibit-rules")
    ResponseEntity<InhibitRuleJson> create(@RequestBody InhibitRuleJson request) {
        if (request == null) {
            throw new IllegalArgumentException(BODY);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(InhibitRuleJson.of(rules.create(request.toRule())));
    }

    @DeleteMapping("/api/v1/inhibit-rules/{id}")
    ResponseEntity<?> delete(@PathVariable long id) {
        return rules.delete(id) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no inhibit rule has id " + id));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", BODY));
    }
}
