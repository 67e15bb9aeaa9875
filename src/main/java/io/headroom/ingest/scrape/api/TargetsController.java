package io.headroom.ingest.scrape.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

import io.headroom.ingest.scrape.Scraping;
import io.headroom.ingest.scrape.Scraping.TargetStatus;
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

/**
 * Scrape targets over HTTP. {@code GET /api/v1/targets} answers in the shape of Prometheus's
 * own {@code /api/v1/targets}, so tools written for Prometheus can read it; targets can be
 * added and removed.
 */
@RestController
class TargetsController {

    private final Scraping scraping;

    TargetsController(Scraping scraping) {
        this.scraping = scraping;
    }

    record ActiveTarget(Long id, String source, SortedMap<String, String> labels, String scrapePool, String scrapeUrl,
            String lastError, Instant lastScrape, double lastScrapeDuration, String health, int samples,
            String scrapeInterval, String scrapeTimeout) {
    }

    record Targets(List<ActiveTarget> activeTargets, List<Object> droppedTargets) {
    }

    record NewTarget(String job, String url, Map<String, String> labels) {
    }

    @GetMapping("/api/v1/targets")
    Map<String, Object> targets() {
        return Map.of("status", "success", "data", new Targets(scraping.targets().stream().map(TargetsController::active).toList(),
                List.of()));
    }

    @PostMapping("/api/v1/targets")
    ResponseEntity<Map<String, Object>> add(@RequestBody NewTarget target) {
        long id = scraping.add(target.job(), target.url(), target.labels() == null ? Map.of() : target.labels());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @DeleteMapping("/api/v1/targets/{id}")
    ResponseEntity<Map<String, String>> remove(@PathVariable long id) {
        return scraping.remove(id) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no target added with id " + id));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> invalid(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "body must be {\"job\": ..., \"url\": ..., \"labels\": {...}}"));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> conflict(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    private static ActiveTarget active(TargetStatus status) {
        var target = status.target();
        var health = status.health();
        return new ActiveTarget(target.id(), target.source(), target.labels(), target.job(), target.url().toString(),
                health.lastError(), health.lastScrape(), health.lastDuration().toNanos() / 1e9,
                health.state().name().toLowerCase(Locale.ROOT), health.samples(),
                seconds(target.interval()), seconds(target.timeout()));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
