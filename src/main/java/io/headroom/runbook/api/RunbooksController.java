package io.headroom.runbook.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.headroom.alerting.AlertRule;
import io.headroom.runbook.LineDiff;
import io.headroom.runbook.RenderedRunbook;
import io.headroom.runbook.Runbook;
import io.headroom.runbook.RunbookVersion;
import io.headroom.runbook.Runbooks;
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

/** Runbooks over HTTP: search, read (Markdown, sanitised HTML, steps), versions and their changes, create, save, delete. */
@RestController
class RunbooksController {

    static final String BODY = "body must be {\"slug\": optional (made from the title), \"title\": ..., \"owner\": ..., "
            + "\"markdown\": ..., \"baseVersion\": the version edited (to save a change)}";

    private final Runbooks runbooks;

    RunbooksController(Runbooks runbooks) {
        this.runbooks = runbooks;
    }

    record RunbookRequest(String slug, String title, String owner, String markdown, Integer baseVersion) {
    }

    record Summary(String slug, String title, String owner, int version, Instant updatedAt, String updatedBy, String url) {
        static Summary of(Runbook r) {
            return new Summary(r.slug(), r.title(), r.owner(), r.version(), r.updatedAt(), r.updatedBy(), r.path());
        }
    }

    record RunbookJson(String slug, String title, String owner, String markdown, String html, List<String> steps, int version,
            Instant updatedAt, String updatedBy, String url, List<String> linkedRules) {
    }

    record VersionJson(int version, String title, String owner, Instant changedAt, String changedBy) {
        static VersionJson of(RunbookVersion v) {
            return new VersionJson(v.version(), v.title(), v.owner(), v.changedAt(), v.changedBy());
        }
    }

    @GetMapping("/api/v1/runbooks")
    Map<String, List<Summary>> search(@RequestParam(required = false) String q) {
        return Map.of("runbooks", runbooks.search(q).stream().map(Summary::of).toList());
    }

    @GetMapping("/api/v1/runbooks/{slug}")
    ResponseEntity<?> one(@PathVariable String slug) {
        return runbooks.find(slug).<ResponseEntity<?>>map(r -> ResponseEntity.ok(json(r))).orElseGet(() -> none(slug));
    }

    @GetMapping("/api/v1/runbooks/{slug}/versions")
    ResponseEntity<?> versions(@PathVariable String slug) {
        return runbooks.find(slug).<ResponseEntity<?>>map(r -> ResponseEntity.ok(Map.of("versions",
                runbooks.versions(r).stream().map(VersionJson::of).toList()))).orElseGet(() -> none(slug));
    }

    /** One version: its Markdown and what it changed from the one before, line by line. */
    @GetMapping("/api/v1/runbooks/{slug}/versions/{version}")
    ResponseEntity<?> version(@PathVariable String slug, @PathVariable int version) {
        return runbooks.find(slug).<ResponseEntity<?>>flatMap(r -> runbooks.versions(r).stream().filter(v -> v.version() == version)
                .findFirst().map(v -> ResponseEntity.ok(Map.of("version", VersionJson.of(v), "markdown", v.markdown(),
                        "changes", runbooks.changes(r, version).orElse(List.<LineDiff.Line>of())))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found",
                        "message", "no version " + version + " of runbook '" + slug + "'")));
    }

    @PostMapping("/api/v1/runbooks")
    ResponseEntity<RunbookJson> create(@RequestBody RunbookRequest request) {
        RunbookRequest body = body(request);
        Runbook created = runbooks.create(body.slug(), body.title(), body.owner(), body.markdown());
        return ResponseEntity.created(URI.create("/api/v1/runbooks/" + created.slug())).body(json(created));
    }

    @PutMapping("/api/v1/runbooks/{slug}")
    ResponseEntity<?> save(@PathVariable String slug, @RequestBody RunbookRequest request) {
        RunbookRequest body = body(request);
        if (body.baseVersion() == null) {
            throw new IllegalArgumentException("baseVersion is required: the version you edited, so a concurrent save is not lost");
        }
        return runbooks.update(slug, body.baseVersion(), body.title(), body.owner(), body.markdown())
                .<ResponseEntity<?>>map(r -> ResponseEntity.ok(json(r))).orElseGet(() -> none(slug));
    }

    @DeleteMapping("/api/v1/runbooks/{slug}")
    ResponseEntity<?> delete(@PathVariable String slug) {
        return runbooks.delete(slug) ? ResponseEntity.noContent().build() : none(slug);
    }

    private RunbookJson json(Runbook runbook) {
        RenderedRunbook rendered = runbooks.render(runbook);
        return new RunbookJson(runbook.slug(), runbook.title(), runbook.owner(), runbook.markdown(), rendered.html(), rendered.steps(),
                runbook.version(), runbook.updatedAt(), runbook.updatedBy(), runbook.path(),
                runbooks.linkedRules(runbook).stream().map(AlertRule::name).toList());
    }

    private static RunbookRequest body(RunbookRequest request) {
        if (request == null) {
            throw new IllegalArgumentException(BODY);
        }
        return request;
    }

    private static ResponseEntity<?> none(String slug) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not_found", "message", "no runbook at /runbooks/" + slug));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler({Runbooks.SlugTaken.class, Runbooks.StaleVersion.class})
    ResponseEntity<Map<String, String>> conflict(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", BODY));
    }
}
