package io.headroom.explore.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.headroom.api.ApiParameters;
import io.headroom.api.ApiParameters.BadParameter;
import io.headroom.api.ApiParameters.Range;
import io.headroom.explore.Logs;
import io.headroom.store.LogQueries.LogLine;
import io.headroom.store.LogQueries.LogSearch;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log search as JSON: the records the Logs view lists and the volume chart above them. Every
 * parameter is optional; a bad one is answered 400 naming it.
 */
@RestController
class LogsController {

    private static final Duration MAX_RANGE = Duration.ofDays(31);
    private static final HexFormat HEX = HexFormat.of();

    private final Logs logs;
    private final Clock clock;

    LogsController(Logs logs, Clock clock) {
        this.logs = logs;
        this.clock = clock;
    }

    /** @param attributes the record's attributes as stored, a JSON object */
    record LogRecord(Instant time, String service, String severity, int severityNumber, String severityText, String body,
            String traceId, String spanId, @JsonRawValue String attributes) {

        static LogRecord of(LogLine line) {
            return new LogRecord(line.time(), line.service(), Logs.band(line.severityNumber()), line.severityNumber(),
                    line.severityText(), line.body(), line.traceId() == null ? null : HEX.formatHex(line.traceId()),
                    line.spanId() == null ? null : HEX.formatHex(line.spanId()), line.attributesJson());
        }
    }

    record LogsResponse(Instant from, Instant to, List<LogRecord> logs) {
    }

    /**
     * The newest matching records first. {@code severity} is the lowest kept (a name or number),
     * {@code q} words as a search engine takes them, {@code attr} {@code key=value} (repeatable).
     */
    @GetMapping("/api/v1/logs")
    LogsResponse search(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> attr, @RequestParam(required = false) String traceId,
            @RequestParam(required = false) String limit) {
        LogSearch search = search(window, from, to, service, severity, q, attr, traceId);
        int count = ApiParameters.wholeNumber("limit", limit, 100, 1, Logs.MAX_LIMIT);
        return new LogsResponse(search.from(), search.to(), logs.search(search, count).stream().map(LogRecord::of).toList());
    }

    /** Matching records per step (default: the range in 60 steps, at least a second) and severity band. */
    @GetMapping("/api/v1/logs/volume")
    Logs.Volume volume(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String service,
            @RequestParam(required = false) String severity, @RequestParam(required = false) String q,
            @RequestParam(required = false) List<String> attr, @RequestParam(required = false) String traceId,
            @RequestParam(required = false) String step) {
        LogSearch search = search(window, from, to, service, severity, q, attr, traceId);
        Duration stepDuration = step == null
                ? Duration.ofSeconds(Math.max(1, (Duration.between(search.from(), search.to()).toSeconds() + 59) / 60))
                : ApiParameters.duration("step", step);
        try {
            return logs.volume(search, stepDuration);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("step", e.getMessage() + "; use a larger step or a shorter range");
        }
    }

    private LogSearch search(String window, String from, String to, String service, String severity, String q, List<String> attr,
            String traceId) {
        Range range = ApiParameters.windowOrRange(window, from, to, Duration.ofHours(1), MAX_RANGE, clock.instant());
        Integer minSeverity = null;
        if (severity != null && !severity.isBlank()) {
            try {
                minSeverity = Logs.severity(severity);
            } catch (IllegalArgumentException e) {
                throw new BadParameter("severity", e.getMessage());
            }
        }
        return new LogSearch(range.from(), range.to(), ApiParameters.text(service), minSeverity, ApiParameters.text(q),
                ApiParameters.keyValues("attr", attr), ApiParameters.traceId("traceId", traceId));
    }
}
