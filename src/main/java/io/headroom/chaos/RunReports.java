package io.headroom.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.headroom.alerting.AlertState;
import io.headroom.alerting.AlertTransition;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.Alerts;
import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSummary;
import io.headroom.scaling.ScalingDecision;
import io.headroom.scaling.ScalingEvaluation;
import io.headroom.scaling.ScalingPolicies;
import org.springframework.stereotype.Service;

/** Puts a run's report together from its timeline and what KPIs, alerts and the autoscaler recorded meanwhile. */
@Service
public class RunReports {

    private static final int MAX_ALERTS = 50;
    private static final int MAX_SCALING = 200;

    private final RunRecords runs;
    private final ServiceKpis kpis;
    private final Alerts alerts;
    private final ScalingPolicies scaling;
    private final Clock clock;

    RunReports(RunRecords runs, ServiceKpis kpis, Alerts alerts, ScalingPolicies scaling, Clock clock) {
        this.runs = runs;
        this.kpis = kpis;
        this.alerts = alerts;
        this.scaling = scaling;
        this.clock = clock;
    }

    public Optional<RunReport> report(long runId) {
        return runs.find(runId).map(this::report);
    }

    private RunReport report(ExperimentRun run) {
        Instant now = clock.instant();
        Instant start = run.startedAt();
        Instant end = run.endedAt() == null ? now : run.endedAt();
        // KPIs are kept per minute: "before" is the whole minutes before the start's, which already holds faulted requests.
        Instant startMinute = start.truncatedTo(ChronoUnit.MINUTES);
        RunReport.KpiWindow before = window(run.service(), startMinute.minus(ExperimentRunner.BEFORE_WINDOW), startMinute);
        RunReport.KpiWindow during = run.status() == RunStatus.REFUSED ? null : window(run.service(), start, end);
        RunReport.KpiWindow after = null;
        if (run.verifyAfter() != null && !now.isBefore(run.verifyAfter())) {
            after = window(run.service(), end.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)), run.verifyAfter());
        }
        Instant watchedUntil = run.verifyAfter() == null ? end : min(run.verifyAfter(), now);
        List<RunReport.AlertFired> fired = run.status() == RunStatus.REFUSED ? List.of() : alertsFired(run, watchedUntil);
        List<RunReport.ScalingReaction> reactions = run.status() == RunStatus.REFUSED ? List.of()
                : scalingReactions(run.service(), start, watchedUntil);
        Double extraCost = null;
        if (during != null && before.costPerHour() != null && during.costPerHour() != null) {
            double hours = Duration.between(start, end).toMillis() / 3_600_000.0;
            extraCost = costDuring(run.service(), start, end).map(cost -> cost - before.costPerHour() * hours).orElse(null);
        }
        return new RunReport(run, runs.events(run.id()), before, during, after,
                run.breachedAt() == null ? null : Duration.between(start, run.breachedAt()), fired, reactions, extraCost);
    }

    /** Whole minutes from {@code from}'s to {@code to}'s ({@code to} on a minute boundary: up to that minute, without it). */
    private RunReport.KpiWindow window(String service, Instant from, Instant to) {
        ServiceSummary summary = kpis.summary(service, from, to).orElse(null);
        if (summary == null) {
            return new RunReport.KpiWindow(from, to, 0, null, null, null, null, null, null);
        }
        boolean any = summary.requests() > 0;
        return new RunReport.KpiWindow(from, to, summary.requests(), summary.throughput(), any ? summary.errorRate() : null, summary.p50Ms(),
                summary.p99Ms(), summary.capacity().instances(), summary.capacity().costPerHour());
    }

    private Optional<Double> costDuring(String service, Instant from, Instant to) {
        return kpis.summary(service, from, to).map(s -> s.capacity().cost());
    }

    private List<RunReport.AlertFired> alertsFired(ExperimentRun run, Instant until) {
        var fired = new ArrayList<RunReport.AlertFired>();
        for (AlertView alert : alerts.list(List.of(AlertState.FIRING, AlertState.RESOLVED), run.service())) {
            if (alert.ruleId() == null) {
                if (!alert.since().isBefore(run.startedAt()) && !alert.since().isAfter(until) && alert.state() == AlertState.FIRING) {
                    fired.add(fired(alert, alert.since(), run.startedAt()));
                }
                continue;
            }
            alerts.history(alert.fingerprint(), MAX_ALERTS).stream()
                    .filter(t -> t.to() == AlertState.FIRING && !t.at().isBefore(run.startedAt()) && !t.at().isAfter(until))
                    .map(AlertTransition::at).min(Comparator.naturalOrder())
                    .ifPresent(at -> fired.add(fired(alert, at, run.startedAt())));
        }
        fired.sort(Comparator.comparing(RunReport.AlertFired::firedAt));
        return fired.size() > MAX_ALERTS ? List.copyOf(fired.subList(0, MAX_ALERTS)) : fired;
    }

    private static RunReport.AlertFired fired(AlertView alert, Instant at, Instant start) {
        return new RunReport.AlertFired(alert.name(), alert.labels().getOrDefault("severity", ""), at, Duration.between(start, at),
                alert.fingerprint());
    }

    private List<RunReport.ScalingReaction> scalingReactions(String service, Instant from, Instant to) {
        var reactions = new ArrayList<RunReport.ScalingReaction>();
        List<ScalingEvaluation> evaluations = scaling.evaluations(service, from, to, false, MAX_SCALING);
        for (int i = evaluations.size() - 1; i >= 0; i--) {
            ScalingEvaluation evaluation = evaluations.get(i);
            ScalingDecision decision = evaluation.decision();
            boolean change = decision.action() != ScalingDecision.Action.NONE;
            boolean held = decision.heldBy() != null;
            int target = held ? decision.stabilized() : decision.desired();
            RunReport.ScalingReaction last = reactions.isEmpty() ? null : reactions.get(reactions.size() - 1);
            boolean repeatsLastHold = held && last != null && decision.heldBy().equals(last.heldBy()) && last.to() == target;
            if ((change || held) && !repeatsLastHold) {
                reactions.add(new RunReport.ScalingReaction(decision.at(), decision.current(), target, change && evaluation.applied(),
                        decision.heldBy(), decision.explanation()));
            }
        }
        return reactions;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
