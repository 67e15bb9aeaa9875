package io.headroom.audit.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.headroom.api.ApiParameters;
import io.headroom.audit.AuditCsv;
import io.headroom.audit.AuditEntry;
import io.headroom.audit.AuditLog;
import io.headroom.audit.AuditOutcome;
import io.headroom.audit.AuditQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over HTTP: {@code GET /api/v1/audit} as JSON, {@code GET /api/v1/audit.csv} as a spreadsheet reads it. */
@RestController
class AuditController {

    private static final Duration DEFAULT_WINDOW = Duration.ofDays(1);
    private static final Duration MAX_RANGE = Duration.ofDays(400);

    private final AuditLog log;
    private final Clock clock;

    AuditController(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    record Entries(List<AuditEntry> entries) {
    }

    @GetMapping("/api/v1/audit")
    Entries entries(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String service,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String limit) {
        return new Entries(log.search(query(window, from, to, actor, action, service, outcome, limit, 200)));
    }

    @GetMapping("/api/v1/audit.csv")
    void csv(@RequestParam(required = false) String window, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String service,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String limit,
            HttpServletResponse response) throws IOException {
        List<AuditEntry> entries = log.search(query(window, from, to, actor, action, service, outcome, limit, AuditQuery.MAX_LIMIT));
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"headroom-audit.csv\"");
        AuditCsv.write(entries, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    private AuditQuery query(String window, String from, String to, String actor, String action, String service, String outcome,
            String limit, int defaultLimit) {
        ApiParameters.Range range = ApiParameters.windowOrRange(window, from, to, DEFAULT_WINDOW, MAX_RANGE, clock.instant());
        AuditOutcome wanted = null;
        if (ApiParameters.text(outcome) != null) {
            try {
                wanted = AuditOutcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiParameters.BadParameter("outcome", "outcome is one of started, done, failed, denied; was '" + outcome + "'");
            }
        }
        return new AuditQuery(range.from(), range.to(), ApiParameters.text(actor), ApiParameters.text(action), ApiParameters.text(service),
                wanted, ApiParameters.wholeNumber("limit", limit, defaultLimit, 1, AuditQuery.MAX_LIMIT));
    }
}
