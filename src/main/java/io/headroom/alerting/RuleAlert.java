package io.headroom.alerting;

import java.time.Instant;
import java.util.Map;

/**
 * An alert raised by a rule for one service: its identity ({@code fingerprint}, of its labels),
 * what it says, and where it is in the state machine.
 *
 * @param annotations rendered at the last evaluation
 * @param evaluatedAt the last evaluation that looked at it
 */
public record RuleAlert(String fingerprint, long ruleId, String rule, String service, Map<String, String> labels,
        Map<String, String> annotations, Alert alert, Instant evaluatedAt) {

    public AlertState state() {
        return alert.state();
    }

    /** Its runbook link, when the rule gives one. */
    public String runbookUrl() {
        return annotations.get(AlertRule.RUNBOOK_URL);
    }
}
