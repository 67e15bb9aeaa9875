package io.headroom.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * The alerts Headroom's rules raised and those Alertmanagers sent, side by side, each with why it
 * is muted; and an alert's history.
 */
@Service
public class Alerts {

    public static final List<AlertState> ACTIVE = List.of(AlertState.FIRING, AlertState.PENDING);
    private static final int MAX_EXTERNAL = 5_000;
    private static final Comparator<AlertView> ORDER = Comparator.comparing((AlertView a) -> switch (a.state()) {
        case FIRING -> 0;
        case PENDING -> 1;
        case RESOLVED -> 2;
        case INACTIVE -> 3;
    }).thenComparing(AlertView::name).thenComparing(AlertView::service).thenComparing(AlertView::fingerprint);

    private final AlertRecords records;
    private final AlertRuleRecords rules;
    private final ExternalAlertRecords externalRecords;
    private final Muting muting;
    private final Clock clock;

    Alerts(AlertRecords records, AlertRuleRecords rules, ExternalAlertRecords externalRecords, Muting muting, Clock clock) {
        this.records = records;
        this.rules = rules;
        this.externalRecords = externalRecords;
        this.muting = muting;
        this.clock = clock;
    }

    /**
     * Alerts in one of {@code states}: firing first, then by name and service. An Alertmanager's
     * alert is firing or resolved; one with the fingerprint of a Headroom alert is that alert and
     * is listed once, as Headroom's.
     *
     * @param service null for every service
     */
    public List<AlertView> list(List<AlertState> states, String service) {
        Instant now = clock.instant();
        Muting.Check mute = muting.now();
        var views = new ArrayList<AlertView>();
        Map<Long, String> measures = new HashMap<>();
        rules.all().forEach(rule -> measures.put(rule.id(), AlertView.measure(rule.condition())));
        for (RuleAlert alert : records.list(states, service)) {
            views.add(AlertView.of(alert, mute.of(alert.fingerprint(), alert.labels()), measures.get(alert.ruleId())));
        }
        Boolean firing = states.contains(AlertState.FIRING) == states.contains(AlertState.RESOLVED) ? null
                : states.contains(AlertState.FIRING);
        if (states.contains(AlertState.FIRING) || states.contains(AlertState.RESOLVED)) {
            Set<String> own = records.fingerprints();
            for (ExternalAlert alert : externalRecords.list(firing, service, now, MAX_EXTERNAL)) {
                if (!own.contains(alert.fingerprint())) {
                    views.add(AlertView.of(alert, now, mute.of(alert.fingerprint(), alert.labels())));
                }
            }
        }
        views.sort(ORDER);
        return views;
    }

    /** An alert by fingerprint: Headroom's when it has one, else an Alertmanager's. */
    public Optional<AlertView> find(String fingerprint) {
        Optional<RuleAlert> own = records.find(fingerprint);
        if (own.isPresent()) {
            String measure = rules.find(own.get().ruleId()).map(rule -> AlertView.measure(rule.condition())).orElse(null);
            return Optional.of(AlertView.of(own.get(), muting.now().of(fingerprint, own.get().labels()), measure));
        }
        return externalRecords.find(fingerprint)
                .map(alert -> AlertView.of(alert, clock.instant(), muting.now().of(fingerprint, alert.labels())));
    }

    /** The Headroom rule alert with this fingerprint, with its rule's details. */
    public Optional<RuleAlert> findRuleAlert(String fingerprint) {
        return records.find(fingerprint);
    }

    /** The alert's state changes, newest first, at most {@code limit}. */
    public List<AlertTransition> history(String fingerprint, int limit) {
        return records.transitions(fingerprint, limit);
    }
}
