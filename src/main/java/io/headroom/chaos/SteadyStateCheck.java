package io.headroom.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSummary;
import org.springframework.stereotype.Component;

/** Reads a service's KPIs over a window and compares them with a steady-state hypothesis. */
@Component
class SteadyStateCheck {

    /** What a check while the faults run reads: the last minute, as the alert rules' default window. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /** One condition's reading: {@code holds} null when the window had no requests. */
    record Reading(SteadyStateCondition condition, Double value, Boolean holds) {

        String describe() {
            String measured = condition.kpi().key() + " " + KpiText.of(condition.kpi(), value);
            if (holds == null) {
                return measured + " (nothing to compare with " + condition.describe() + ")";
            }
            return measured + (holds ? " holds " : " breaks ") + condition.describe();
        }
    }

    record Result(List<Reading> readings) {

        boolean breached() {
            return readings.stream().anyMatch(r -> Boolean.FALSE.equals(r.holds()));
        }

        /** Every condition was measured and holds. */
        boolean held() {
            return readings.stream().allMatch(r -> Boolean.TRUE.equals(r.holds()));
        }

        boolean measured() {
            return readings.stream().allMatch(r -> r.holds() != null);
        }

        String describe() {
            return readings.stream().map(Reading::describe).collect(Collectors.joining("; "));
        }

        /** The broken conditions alone: why a run aborted. */
        String describeBreaches() {
            return readings.stream().filter(r -> Boolean.FALSE.equals(r.holds())).map(Reading::describe).collect(Collectors.joining("; "));
        }

        Map<String, Double> values() {
            var values = new LinkedHashMap<String, Double>();
            readings.forEach(r -> values.put(r.condition().kpi().key(), r.value()));
            return values;
        }
    }

    private final ServiceKpis kpis;

    SteadyStateCheck(ServiceKpis kpis) {
        this.kpis = kpis;
    }

    /** Over the whole minutes of [from, to): a {@code to} on a minute boundary leaves that minute out. */
    Result check(String service, List<SteadyStateCondition> conditions, Instant from, Instant to) {
        ServiceSummary summary = kpis.summary(service, from, to).orElse(null);
        return new Result(conditions.stream().map(condition -> {
            Double value = summary == null ? null : condition.kpi().read(summary);
            return new Reading(condition, value, condition.holds(value));
        }).toList());
    }
}
