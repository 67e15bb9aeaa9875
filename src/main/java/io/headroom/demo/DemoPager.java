package io.headroom.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's on-call pager: the receiver the demo's notification channel posts to, standing in
 * for PagerDuty or a team's chat, so a new user sees a page arrive (with its runbook link)
 * without setting anything up. It reads Alertmanager's webhook payload, as such receivers do, and
 * keeps the last {@value #KEPT} pages in memory.
 */
@Component
@ConditionalOnProperty(name = "headroom.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoPager {

    static final int KEPT = 100;

    /** One alert in a page. @param runbookUrl null when the alert had none */
    public record PagedAlert(String name, String service, String status, String summary, String runbookUrl) {
    }

    /** One webhook request received. */
    public record Page(Instant receivedAt, String webhookId, String status, List<PagedAlert> alerts) {

        /** What the pager answers, and so what Headroom's delivery log shows of the answer. */
        public String acknowledgement() {
            if (alerts.isEmpty()) {
                return "paged: nothing (no alerts in the body)";
            }
            PagedAlert first = alerts.get(0);
            return "paged: " + first.name() + " " + first.status() + (first.service().isEmpty() ? "" : " on " + first.service())
                    + (alerts.size() > 1 ? " and " + (alerts.size() - 1) + " more" : "")
                    + (first.runbookUrl() == null ? "" : "; runbook " + first.runbookUrl());
        }
    }

    private final Clock clock;
    private final Deque<Page> pages = new ArrayDeque<>();

    DemoPager(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a page from an Alertmanager webhook body.
     *
     * @throws IllegalArgumentException when the body has no {@code alerts} list
     */
    public Page receive(JsonNode body, String webhookId) {
        JsonNode alerts = body == null ? null : body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new IllegalArgumentException("body must be an Alertmanager webhook payload with an alerts list");
        }
        var paged = new ArrayList<PagedAlert>();
        for (JsonNode alert : alerts) {
            JsonNode labels = alert.path("labels");
            JsonNode annotations = alert.path("annotations");
            String runbook = annotations.path("runbook_url").asText("");
            paged.add(new PagedAlert(labels.path("alertname").asText(""), labels.path("service").asText(""),
                    alert.path("status").asText(""), annotations.path("summary").asText(""), runbook.isEmpty() ? null : runbook));
        }
        var page = new Page(clock.instant(), webhookId, body.path("status").asText(""), List.copyOf(paged));
        synchronized (pages) {
            pages.addFirst(page);
            while (pages.size() > KEPT) {
                pages.removeLast();
            }
        }
        return page;
    }

    /** Newest first. */
    public List<Page> recent() {
        synchronized (pages) {
            return List.copyOf(pages);
        }
    }
}
