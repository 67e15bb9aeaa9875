package io.headroom.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSeries;
import org.springframework.stereotype.Service;

/** The history behind an alert's value: its rule's KPI for its service, as a series. */
@Service
public class AlertValues {

    private final AlertRuleRecords rules;
    private final ServiceKpis kpis;

    AlertValues(AlertRuleRecords rules, ServiceKpis kpis) {
        this.rules = rules;
        this.kpis = kpis;
    }

    /** @return empty when the rule is gone or the service has no series in the range */
    public Optional<ValueHistory> of(RuleAlert alert, Instant from, Instant to) {
        Optional<AlertRule> rule = rules.find(alert.ruleId());
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Duration step = step(Duration.between(from, to));
        return kpis.series(alert.service(), from, to, step).map(series -> {
            if (rule.get().condition() instanceof RuleCondition.Threshold threshold) {
                Double[] values = values(series, threshold.kpi());
                if (values != null) {
                    return new ValueHistory(threshold.kpi().key(), threshold.kpi().unit(), series.timestamps(), values,
                            threshold.threshold());
                }
            }
            return new ValueHistory(AlertKpi.ERROR_RATE.key(), "", series.timestamps(), series.errorRate(), null);
        });
    }

    /** The KPI's series where the fleet keeps one; null for those read only from a window's summary (Apdex, cost per 1k). */
    private static Double[] values(ServiceSeries series, AlertKpi kpi) {
        return switch (kpi) {
            case THROUGHPUT -> series.throughput();
            case ERROR_RATE -> series.errorRate();
            case P50 -> series.p50Ms();
            case P95 -> series.p95Ms();
            case P99 -> series.p99Ms();
            case INSTANCES -> series.instances();
            case COST_PER_HOUR -> series.costPerHour();
            case APDEX, COST_PER_1K_REQUESTS -> null;
        };
    }

    /** About 180 points across the range, never finer than 10 s. */
    static Duration step(Duration range) {
        return Duration.ofSeconds(Math.max(10, range.toSeconds() / 180));
    }
}
