package io.headroom.alerting;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * With the demo fleet on, a Headroom with no alert rules gets three, for every service, linked to
 * the default runbooks (db/migration V22): high p99, a high error rate, and a service left with no
 * running instance. A new user sees the loop work (inject latency on the Demo page, the alert
 * fires, its page shows the runbook) without writing a rule first.
 */
@Component
@ConditionalOnProperty(name = "headroom.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoRules {

    static final List<AlertRule> RULES = List.of(
            new AlertRule(null, "HighP99Latency",
                    new RuleCondition.Threshold(".*", AlertKpi.P99, Comparison.ABOVE, 300, Duration.ofMinutes(1)),
                    new AlertTiming(Duration.ofSeconds(20), Duration.ZERO), Map.of("severity", "warning"),
                    Map.of("summary", "{{ $labels.service }} p99 latency is {{ $value | humanize }} ms",
                            "description", "Over 300 ms for the last minute.",
                            AlertRule.RUNBOOK_URL, "/runbooks/high-latency?service={{ $labels.service }}"), true),
            new AlertRule(null, "HighErrorRate",
                    new RuleCondition.Threshold(".*", AlertKpi.ERROR_RATE, Comparison.ABOVE, 0.05, Duration.ofMinutes(5)),
                    new AlertTiming(Duration.ofMinutes(1), Duration.ZERO), Map.of("severity", "critical"),
                    Map.of("summary", "{{ $labels.service }} fails {{ $value | humanizePercentage }} of requests",
                            "description", "Over 5 % of requests failed in the last five minutes.",
                            AlertRule.RUNBOOK_URL, "/runbooks/error-budget-burn?service={{ $labels.service }}"), true),
            new AlertRule(null, "InstancesDown",
                    new RuleCondition.Threshold(".*", AlertKpi.INSTANCES, Comparison.BELOW, 1, Duration.ofMinutes(1)),
                    AlertTiming.IMMEDIATE, Map.of("severity", "critical"),
                    Map.of("summary", "{{ $labels.service }} has no running instance",
                            AlertRule.RUNBOOK_URL, "/runbooks/instance-down?service={{ $labels.service }}"), true));

    private final AlertRuleRecords rules;
    private final Clock clock;

    DemoRules(AlertRuleRecords rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void addWhenThereAreNone() {
        if (!rules.all().isEmpty()) {
            return;
        }
        for (AlertRule rule : RULES) {
            try {
                rules.insert(rule, clock.instant());
            } catch (DuplicateKeyException e) {
                // Another Headroom instance starting at the same moment added it.
            }
        }
    }
}
