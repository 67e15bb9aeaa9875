package io.headroom.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts from existing Prometheus/Alertmanager setups, posted to {@code /api/v1/alertmanager}.
 * They are shown beside Headroom's own and take part in silences and inhibition; they are not
 * sent on through Headroom's channels, because their Alertmanager has notified already.
 */
@Service
public class ExternalAlerts {

    public static final int MAX_PER_REQUEST = 1_000;
    /** How long an alert that stopped firing stays after it was last heard of. */
    static final Duration KEPT = Duration.ofDays(7);

    private final ExternalAlertRecords records;
    private final Clock clock;

    ExternalAlerts(ExternalAlertRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** The instant receipts are stamped with. */
    public Instant now() {
        return clock.instant();
    }

    /** Stores the alerts of one webhook, replacing earlier versions of each; all or none. */
    @Transactional
    public void receive(List<ExternalAlert> alerts) {
        if (alerts.size() > MAX_PER_REQUEST) {
            throw new IllegalArgumentException("a webhook carries at most " + MAX_PER_REQUEST + " alerts; this one has " + alerts.size());
        }
        // The same alert twice in one body (Alertmanager does not, a hand-made body may): the last wins.
        var last = new java.util.LinkedHashMap<String, ExternalAlert>();
        alerts.forEach(alert -> last.put(alert.fingerprint(), alert));
        records.save(List.copyOf(last.values()));
        Instant now = clock.instant();
        records.deleteQuiet(now, now.minus(KEPT));
    }
}
