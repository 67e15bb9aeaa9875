package io.headroom.alerting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Decides which alerts are muted now, by silences and by inhibition. One {@link Check} reads the
 * active silences, the inhibit rules and the firing alerts once, then answers for any number of
 * alerts: the alerts list asks it for every row, the notifier for every alert of a group.
 */
@Component
public class Muting {

    private record Firing(String fingerprint, Map<String, String> labels) {
    }

    /** The silences, inhibit rules and firing alerts of one moment. */
    public static final class Check {

        private final Instant now;
        private final List<Silence> silences;
        private final List<InhibitRule> rules;
        private final List<Firing> firing;

        private Check(Instant now, List<Silence> silences, List<InhibitRule> rules, List<Firing> firing) {
            this.now = now;
            this.silences = silences;
            this.rules = rules;
            this.firing = firing;
        }

        public MuteStatus of(String fingerprint, Map<String, String> labels) {
            List<String> silencedBy = silences.stream().filter(s -> s.mutes(labels, now)).map(Silence::id).toList();
            var inhibitedBy = new ArrayList<String>();
            for (Firing source : firing) {
                if (!source.fingerprint().equals(fingerprint) && !inhibitedBy.contains(source.fingerprint())
                        && rules.stream().anyMatch(rule -> rule.inhibits(source.labels(), labels))) {
                    inhibitedBy.add(source.fingerprint());
                }
            }
            return silencedBy.isEmpty() && inhibitedBy.isEmpty() ? MuteStatus.NONE : new MuteStatus(silencedBy, inhibitedBy);
        }
    }

    private final SilenceRecords silences;
    private final InhibitRuleRecords inhibitRules;
    private final AlertRecords alerts;
    private final ExternalAlertRecords externalAlerts;
    private final Clock clock;

    Muting(SilenceRecords silences, InhibitRuleRecords inhibitRules, AlertRecords alerts, ExternalAlertRecords externalAlerts,
            Clock clock) {
        this.silences = silences;
        this.inhibitRules = inhibitRules;
        this.alerts = alerts;
        this.externalAlerts = externalAlerts;
        this.clock = clock;
    }

    public Check now() {
        Instant now = clock.instant();
        List<InhibitRule> rules = inhibitRules.all();
        var firing = new ArrayList<Firing>();
        if (!rules.isEmpty()) {
            alerts.list(List.of(AlertState.FIRING), null).forEach(a -> firing.add(new Firing(a.fingerprint(), a.labels())));
            externalAlerts.list(true, null, now, 10_000).forEach(a -> firing.add(new Firing(a.fingerprint(), a.labels())));
        }
        return new Check(now, silences.active(now), rules, firing);
    }
}
