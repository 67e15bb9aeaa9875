package io.headroom.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as the alerts list shows it, whether Headroom's rules raised it ({@code source}
 * "headroom") or an Alertmanager sent it ("alertmanager"), with why it is muted.
 *
 * @param since when it entered its state (fired, went pending, resolved)
 * @param value the rule's last value; null for an Alertmanager's alerts
 * @param runbookUrl null when it has none Headroom will link to
 * @param ruleId null for an Alertmanager's alerts
 * @param generatorUrl where an Alertmanager's alert came from (its Prometheus graph), when that is a link; else null
 * @param measure what {@code value} measures: a KPI's key ({@code p99}, {@code error_rate}, ...) or {@code burn_rate};
 *        null for an Alertmanager's alerts and when the rule is gone
 */
public record AlertView(String fingerprint, String source, String name, String service, AlertState state, Instant since, Double value,
        Map<String, String> labels, Map<String, String> annotations, String runbookUrl, Long ruleId, String generatorUrl,
        List<String> silencedBy, List<String> inhibitedBy, String measure) {

    public static final String HEADROOM = "headroom";
    public static final String ALERTMANAGER = "alertmanager";
    public static final String BURN_RATE = "burn_rate";

    public boolean muted() {
        return !silencedBy.isEmpty() || !inhibitedBy.isEmpty();
    }

    /** The key of what a rule's alerts' values measure. */
    static String measure(RuleCondition condition) {
        if (condition instanceof RuleCondition.Threshold threshold) {
            return threshold.kpi().key();
        }
        return condition == null ? null : BURN_RATE;
    }

    static AlertView of(RuleAlert alert, MuteStatus mute, String measure) {
        Alert a = alert.alert();
        Instant since = switch (a.state()) {
            case FIRING -> a.firedAt();
            case PENDING -> a.activeSince();
            case RESOLVED -> a.resolvedAt();
            case INACTIVE -> alert.evaluatedAt();
        };
        return new AlertView(alert.fingerprint(), HEADROOM, alert.rule(), alert.service(), a.state(), since, a.value(), alert.labels(),
                alert.annotations(), alert.runbookUrl(), alert.ruleId(), null, mute.silencedBy(), mute.inhibitedBy(), measure);
    }

    static AlertView of(ExternalAlert alert, Instant now, MuteStatus mute) {
        boolean firing = alert.firingAt(now);
        Instant since = firing ? alert.startsAt() : (alert.endsAt() != null && alert.endsAt().isBefore(now) ? alert.endsAt()
                : alert.receivedAt());
        return new AlertView(alert.fingerprint(), ALERTMANAGER, alert.name(), alert.labels().getOrDefault("service", ""),
                firing ? AlertState.FIRING : AlertState.RESOLVED, since, null, alert.labels(), alert.annotations(), alert.runbookUrl(),
                null, generator(alert.generatorUrl()), mute.silencedBy(), mute.inhibitedBy(), null);
    }

    private static String generator(String url) {
        return url != null && (url.startsWith("http://") || url.startsWith("https://")) ? url : null;
    }
}
