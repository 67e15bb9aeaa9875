package io.headroom.scaling.api;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import io.headroom.api.ApiParameters;
import io.headroom.scaling.Backtests;
import io.headroom.scaling.ScalingEvaluation;
import io.headroom.scaling.ScalingPolicies;
import io.headroom.scaling.ScalingPolicy;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Autoscaling policies over HTTP, and every evaluation with its explanation. */
@RestController
class ScalingPoliciesController {

    private static final Duration MAX_RANGE = Duration.ofDays(7);

    private final ScalingPolicies policies;
    private final Backtests backtests;
    private final Clock clock;

    ScalingPoliciesController(ScalingPolicies policies, Backtests backtests, Clock clock) {
        this.policies = policies;
        this.backtests = backtests;
        this.clock = clock;
    }

    record PoliciesResponse(List<PolicyJson> policies) {
    }

    record EvaluationsResponse(List<ScalingEvaluation> evaluations) {
    }

    @GetMapping("/api/v1/scaling/policies")
    PoliciesResponse all() {
        return new PoliciesResponse(policies.all().stream().map(PolicyJson::of).toList());
    }

    @GetMapping("/api/v1/scaling/policies/{id}")
    ResponseEntity<?> one(@PathVariable long id) {
        return policies.find(id).<ResponseEntity<?>>map(p -> ResponseEntity.ok(PolicyJson.of(p))).orElseGet(() -> none(id));
    }

    @PostMapping("/api/v1/scaling/policies")
    ResponseEntity<PolicyJson> create(@RequestBody PolicyJson body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PolicyJson.of(policies.create(required(body).toPolicy())));
    }

    @PutMapping("/api/v1/scaling/policies/{id}")
    ResponseEntity<?> update(@PathVariable long id, @RequestBody PolicyJson body) {
        return policies.update(id, required(body).toPolicy()).<ResponseEntity<?>>map(p -> ResponseEntity.ok(PolicyJson.of(p)))
                .orElseGet(() -> none(id));
    }

    @DeleteMapping("/api/v1/scaling/policies/{id}")
    ResponseEntity<?> delete(@PathVariable long id) {
        return policies.delete(id) ? ResponseEntity.noContent().build() : none(id);
    }

    /** A service's evaluations, newest first: the last hour unless window or from/to say otherwise. */
    @GetMapping("/api/v1/services/{service}/scaling/evaluations")
    EvaluationsResponse evaluations(@PathVariable String service, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean changes, @RequestParam(required = false) String limit) {
        ApiParameters.Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofHours(1), MAX_RANGE, clock.instant());
        return new EvaluationsResponse(policies.evaluations(service, range.from(), range.to(), changes,
                ApiParameters.wholeNumber("limit", limit, 200, 1, 5_000)));
    }

    @GetMapping("/api/v1/scaling/evaluations/{id}")
    ResponseEntity<?> evaluation(@PathVariable long id) {
        return policies.evaluation(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity
                .status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no scaling evaluation has id " + id)));
    }

    /** Replays a policy (not saved; the body is a policy as for create) over the last day, or window, or from/to. */
    @PostMapping("/api/v1/scaling/backtest")
    Backtests.Report backtest(@RequestBody PolicyJson body, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String warmup) {
        ScalingPolicy policy = required(body).toPolicy();
        ApiParameters.Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofDays(1), Backtests.MAX_WINDOW, clock.instant());
        return backtests.run(policy, range.from(), range.to(), warmup(warmup));
    }

    /** Replays a saved policy, as {@link #backtest} does. */
    @PostMapping("/api/v1/scaling/policies/{id}/backtest")
    ResponseEntity<?> backtestSaved(@PathVariable long id, @RequestParam(required = false) String window,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String warmup) {
        ApiParameters.Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofDays(1), Backtests.MAX_WINDOW, clock.instant());
        Duration instanceWarmup = warmup(warmup);
        return policies.find(id).<ResponseEntity<?>>map(p -> ResponseEntity.ok(backtests.run(p, range.from(), range.to(), instanceWarmup)))
                .orElseGet(() -> none(id));
    }

    /** An instance's start-up time for a backtest (its bound is the backtest's to check); none when not given. */
    private static Duration warmup(String text) {
        return text == null ? Duration.ZERO : ApiParameters.durationOrZero("warmup", text);
    }

    @ExceptionHandler(Backtests.Busy.class)
    ResponseEntity<Map<String, String>> busy(Backtests.Busy e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5")
                .body(Map.of("error", "too_many_requests", "message", e.getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> unknownService(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", e.getMessage()));
    }

    private static PolicyJson required(PolicyJson body) {
        if (body == null) {
            throw new IllegalArgumentException(PolicyJson.BODY);
        }
        return body;
    }

    private static ResponseEntity<Map<String, String>> none(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no scaling policy has id " + id));
    }

    @ExceptionHandler(ScalingPolicies.ServiceTaken.class)
    ResponseEntity<Map<String, String>> taken(ScalingPolicies.ServiceTaken e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", PolicyJson.BODY));
    }
}
