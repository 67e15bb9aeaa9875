package io.headroom.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Comparison;
import io.headroom.schedule.CronSchedule;

/**
 * An experiment as the API reads and writes it and as a run keeps the definition it started
 * with. Left out: {@code graceSeconds} 0, {@code abortOnAlerts} none, {@code abortOnBurnRate}
 * true, {@code minErrorBudget} 0.25, {@code recoverySeconds} 60, {@code schedule} none (zone UTC when left out).
 */
public record ExperimentJson(Long id, String name, String service, List<FaultJson> faults, Long durationSeconds,
        List<ConditionJson> steadyState, Long graceSeconds, List<String> abortOnAlerts, Boolean abortOnBurnRate, Double minErrorBudget,
        Long recoverySeconds, ScheduleJson schedule) {

    public static final String BODY = "body must be {\"name\": \"billing tolerates 800 ms\", \"service\": \"billing\", "
            + "\"faults\": [{\"type\": \"latency\", \"magnitude\": 800, \"instancePercentage\": 50}], \"durationSeconds\": 120, "
            + "\"steadyState\": [{\"kpi\": \"p99\", \"comparison\": \"<\", \"threshold\": 300}]} with optional graceSeconds (0), "
            + "abortOnAlerts ([\"HighP99Latency\"]), abortOnBurnRate (true), minErrorBudget (0.25; 0 refuses only an overspent budget), recoverySeconds (60), "
            + "schedule ({\"cron\": \"0 10 * * THU\", \"zone\": \"Europe/Berlin\"}: a GameDay that starts by itself)";

    /** Omitted magnitude: 500 for errors, one instance for kill, a whole core for CPU; latency needs one. */
    public record FaultJson(String type, Double magnitude, Double jitter, Double percentage, Double instancePercentage) {
    }

    public record ConditionJson(String kpi, String comparison, Double threshold) {
    }

    /** A GameDay: {@code {"cron": "0 10 * * THU", "zone": "Europe/Berlin"}}. */
    public record ScheduleJson(String cron, String zone) {
    }

    public static ConditionJson condition(SteadyStateCondition c) {
        return new ConditionJson(c.kpi().key(), c.comparison().symbol(), c.threshold());
    }

    public static ExperimentJson of(Experiment e) {
        return new ExperimentJson(e.id(), e.name(), e.service(),
                e.faults().stream().map(f -> new FaultJson(f.type().name().toLowerCase(Locale.ROOT), f.magnitude(), f.jitter(),
                        f.percentage(), f.instancePercentage())).toList(),
                e.duration().toSeconds(),
                e.steadyState().stream().map(ExperimentJson::condition).toList(),
                e.grace().toSeconds(), e.abortOnAlerts(), e.abortOnBurnRate(), e.minErrorBudget(), e.recovery().toSeconds(),
                e.schedule() == null ? null : new ScheduleJson(e.schedule().cron(), e.schedule().zone().getId()));
    }

    /** @throws IllegalArgumentException naming the field */
    public Experiment toExperiment() {
        if (durationSeconds == null) {
            throw new IllegalArgumentException("durationSeconds is required; " + BODY);
        }
        if (faults == null || steadyState == null) {
            throw new IllegalArgumentException("faults and steadyState are required; " + BODY);
        }
        return new Experiment(id, name, service, faults.stream().map(ExperimentJson::fault).toList(),
                Duration.ofSeconds(durationSeconds), steadyState.stream().map(ExperimentJson::condition).toList(),
                graceSeconds == null ? Duration.ZERO : Duration.ofSeconds(graceSeconds), abortOnAlerts,
                abortOnBurnRate == null || abortOnBurnRate,
                minErrorBudget == null ? Experiment.DEFAULT_MIN_ERROR_BUDGET : minErrorBudget,
                recoverySeconds == null ? Experiment.DEFAULT_RECOVERY : Duration.ofSeconds(recoverySeconds),
                schedule == null ? null : new CronSchedule(schedule.cron(), CronSchedule.zone(schedule.zone() == null ? "UTC" : schedule.zone())));
    }

    private static FaultSpec fault(FaultJson json) {
        if (json == null || json.type() == null) {
            throw new IllegalArgumentException("faults[].type must be one of latency, error, kill, cpu");
        }
        FaultType type;
        try {
            type = FaultType.valueOf(json.type().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("faults[].type must be one of latency, error, kill, cpu; was '" + json.type() + "'");
        }
        double magnitude = json.magnitude() != null ? json.magnitude() : type.defaultMagnitude();
        return new FaultSpec(type, magnitude, json.jitter() == null ? 0 : json.jitter(),
                json.percentage() == null ? 100 : json.percentage(), Duration.ZERO,
                json.instancePercentage() == null ? 100 : json.instancePercentage());
    }

    private static SteadyStateCondition condition(ConditionJson json) {
        if (json == null || json.threshold() == null) {
            throw new IllegalArgumentException("steadyState[] must be {\"kpi\": \"p99\", \"comparison\": \"<\", \"threshold\": 300}");
        }
        return new SteadyStateCondition(AlertKpi.of(json.kpi()), Comparison.of(json.comparison()), json.threshold());
    }
}
