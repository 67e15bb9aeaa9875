package io.headroom.alerting.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.headroom.alerting.AlertView;
import io.headroom.alerting.LabelMatcher;
import io.headroom.alerting.Silence;
import io.headroom.alerting.Silences;
import io.headroom.api.ApiParameters;
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

/** Silences over HTTP: list, read, create, expire, and preview which current alerts some matchers would mute. */
@RestController
class SilencesController {

    static final String BODY = "body must be {\"matchers\": [\"service=\\\"cart\\\"\", ...], \"startsAt\": optional RFC 3339 (default now), "
            + "\"endsAt\": RFC 3339 or \"duration\": like \"2h\", \"comment\": why}";

    private final Silences silences;
    private final Clock clock;

    SilencesController(Silences silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    record SilenceRequest(List<String> matchers, String startsAt, String endsAt, String duration, String comment) {
    }

    record PreviewRequest(List<String> matchers) {
    }

    record SilenceJson(String id, List<String> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
            Instant updatedAt, String state) {

        static SilenceJson of(Silence s, Instant now) {
            return new SilenceJson(s.id(), s.matchers().stream().map(LabelMatcher::toString).toList(), s.startsAt(), s.endsAt(),
                    s.createdBy(), s.comment(), s.updatedAt(), s.state(now).name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    record SilencesResponse(List<SilenceJson> silences) {
    }

    record PreviewResponse(List<AlertView> alerts) {
    }

    @GetMapping("/api/v1/silences")
    SilencesResponse list() {
        Instant now = clock.instant();
        return new SilencesResponse(silences.list().stream().map(s -> SilenceJson.of(s, now)).toList());
    }

    @GetMapping("/api/v1/silences/{id}")
    ResponseEntity<?> one(@PathVariable String id) {
        return silences.find(id).<ResponseEntity<?>>map(s -> ResponseEntity.ok(SilenceJson.of(s, clock.instant()))).orElseGet(() -> none(id));
    }

    @PostMapping("/api/v1/silences")
    ResponseEntity<SilenceJson> create(@RequestBody SilenceRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(BODY);
        }
        Instant now = clock.instant();
        Instant starts = ApiParameters.time("startsAt", request.startsAt(), now);
        Instant ends;
        if (ApiParameters.text(request.endsAt()) != null) {
            ends = ApiParameters.time("endsAt", request.endsAt(), null);
        } else if (ApiParameters.text(request.duration()) != null) {
            Duration duration = ApiParameters.duration("duration", request.duration());
            ends = starts.plus(duration);
        } else {
            throw new IllegalArgumentException("endsAt or duration is required");
        }
        Silence created = silences.create(new Silence(null, matchers(request.matchers()), starts, ends, null, request.comment(), null));
        return ResponseEntity.status(HttpStatus.CREATED).body(SilenceJson.of(created, now));
    }

    /** Expires the silence (Alertmanager's DELETE does the same: the silence stays, ended). */
    @DeleteMapping("/api/v1/silences/{id}")
    ResponseEntity<?> expire(@PathVariable String id) {
        return silences.expire(id).<ResponseEntity<?>>map(s -> ResponseEntity.ok(SilenceJson.of(s, clock.instant())))
                .orElseGet(() -> none(id));
    }

    @PostMapping("/api/v1/silences/preview")
    PreviewResponse preview(@RequestBody PreviewRequest request) {
        List<LabelMatcher> matchers = matchers(request == null ? null : request.matchers());
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("matchers must hold at least one matcher, like service=\"cart\"");
        }
        return new PreviewResponse(silences.preview(matchers));
    }

    private static List<LabelMatcher> matchers(List<String> texts) {
        return texts == null ? List.of() : texts.stream().map(LabelMatcher::parse).toList();
    }

    private static ResponseEntity<?> none(String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no silence has id '" + id + "'"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", BODY));
    }
}
