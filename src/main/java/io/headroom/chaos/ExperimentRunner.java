package io.headroom.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.headroom.alerting.AlertState;
import io.headroom.alerting.AlertView;
import io.headroom.alerting.Alerts;
import io.headroom.security.Role;
import io.headroom.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Drives runs: starts one (guards, steady state before, faults), checks every running run of
 * this process every {@code headroom.chaos.check-interval} (kill switch, steady state over the
 * last minute, abort alerts, duration), ends it with a rollback that always runs, and checks
 * the steady state again after the recovery time. A run whose process stopped checking is taken
 * over by another and aborted, so its faults are rolled back even then.
 */
@Component
class ExperimentRunner {

    /** The name the runner's own aborts and rollbacks are authorised and audited under. */
    static final String ACTOR = "chaos-guard";
    /** The steady state before the start is read over the last 5 minutes: a short window would let a lucky minute pass. */
    static final Duration BEFORE_WINDOW = Duration.ofMinutes(5);
    /** Checks missed before another process takes a run over. */
    private static final int MISSED_CHECKS = 6;

    private static final Logger log = LoggerFactory.getLogger(ExperimentRunner.class);

    private final String owner = UUID.randomUUID().toString();
    private final RunRecords runs;
    private final SteadyStateCheck check;
    private final ExperimentGuards guards;
    private final Chaos chaos;
    private final RunRollback rollback;
    private final Alerts alerts;
    private final KillSwitchRecords killSwitch;
    private final Clock clock;
    private final Duration interval;
    private final SecurityContextHolderStrategy security;
    /** Since when each run's steady state has been broken without a break, for the grace period. */
    private final Map<Long, Instant> breachStreaks = new ConcurrentHashMap<>();
    /**
     * Runs of this process still being started: the row exists (it claims the service) before the
     * check before and the injection, and the checks must not judge, end or roll back a run whose
     * faults are still going in.
     */
    private final Set<Long> starting = ConcurrentHashMap.newKeySet();

    /** The service has a running experiment: one at a time. */
    static final class AlreadyRunning extends RuntimeException {
        final long runId;

        AlreadyRunning(String service, long runId) {
            super("an experiment is running on " + service + " already (run " + runId + "): one at a time", null, false, false);
            this.runId = runId;
        }
    }

    ExperimentRunner(RunRecords runs, SteadyStateCheck check, ExperimentGuards guards, Chaos chaos, RunRollback rollback,
            Alerts alerts, KillSwitchRecords killSwitch, SecurityContextHolderStrategy security, Clock clock,
            @Value("${headroom.chaos.check-interval:5s}") Duration interval) {
        this.runs = runs;
        this.check = check;
        this.guards = guards;
        this.chaos = chaos;
        this.rollback = rollback;
        this.alerts = alerts;
        this.killSwitch = killSwitch;
        this.security = security;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Starts a run as the signed-in operator: refused (and recorded so) when a guard says no or the
     * steady state does not hold; aborted at once when a fault cannot be injected.
     *
     * @throws AlreadyRunning when the service has a running experiment
     */
    ExperimentRun start(Experiment experiment, String startedBy) {
        Instant now = clock.instant();
        long id;
        try {
            id = runs.insertRunning(experiment, startedBy, now, owner);
        } catch (DuplicateKeyException e) {
            throw new AlreadyRunning(experiment.service(), runs.running(experiment.service()).map(ExperimentRun::id).orElse(-1L));
        }
        starting.add(id);
        try {
            return start(id, experiment, startedBy, now);
        } finally {
            starting.remove(id);
        }
    }

    private ExperimentRun start(long id, Experiment experiment, String startedBy, Instant now) {
        Optional<String> refusal = guards.refusal(experiment);
        if (refusal.isEmpty()) {
            SteadyStateCheck.Result before = check.check(experiment.service(), experiment.steadyState(), now.minus(BEFORE_WINDOW), now);
            runs.event(id, new RunEvent(clock.instant(), RunEvent.Kind.CHECK_BEFORE, before.describe(), before.values()));
            if (!before.held()) {
                refusal = Optional.of(before.measured() ? "the steady state does not hold before the start: " + before.describe()
                        : "the steady state cannot be checked: " + experiment.service() + " had no requests in the last 5 minutes");
            }
        }
        if (refusal.isPresent()) {
            runs.event(id, new RunEvent(clock.instant(), RunEvent.Kind.REFUSED, refusal.get(), null));
            runs.end(id, RunStatus.REFUSED, clock.instant(), refusal.get(), null, false);
            return find(id);
        }
        var faultIds = new ArrayList<String>();
        try {
            for (int i = 0; i < experiment.faults().size(); i++) {
                Fault fault = chaos.inject(experiment.service(), experiment.fault(i));
                faultIds.add(fault.id());
                runs.faultIds(id, faultIds);
                runs.event(id, new RunEvent(fault.startedAt(), RunEvent.Kind.FAULT_STARTED, fault.spec().describe() + " on "
                        + experiment.service() + " for " + experiment.duration().toSeconds() + " s", null));
            }
        } catch (RuntimeException e) {
            end(find(id), RunStatus.ABORTED, "a fault could not be injected: " + e.getMessage(), false, false);
            return find(id);
        }
        log.info("Experiment run {} ({}) started on {} by {}", id, experiment.name(), experiment.service(), startedBy);
        return find(id);
    }

    /** An operator's abort, rolled back as that operator. @return false when the run was over already */
    boolean abort(ExperimentRun run, String reason) {
        return end(run, RunStatus.ABORTED, reason, false, false);
    }

    /** Every check interval: this process's runs, runs abandoned by others, and rolled-back runs due for their after check. */
    @Scheduled(initialDelayString = "${headroom.chaos.check-interval:5s}", fixedDelayString = "${headroom.chaos.check-interval:5s}")
    void checkRuns() {
        Instant now = clock.instant();
        for (long abandoned : runs.claimAbandoned(owner, now.minus(interval.multipliedBy(MISSED_CHECKS)), now)) {
            runs.find(abandoned).ifPresent(run -> end(run, RunStatus.ABORTED,
                    "the Headroom process running it stopped checking; taken over and rolled back", false, true));
        }
        KillSwitchState switchState = killSwitch.state();
        for (ExperimentRun run : runs.runningOwnedBy(owner)) {
            if (starting.contains(run.id())) {
                continue;
            }
            try {
                check(run, switchState);
            } catch (RuntimeException e) {
                // Unable to tell whether it hurts: stop hurting.
                log.warn("Experiment run {} could not be checked; aborting it", run.id(), e);
                end(run, RunStatus.ABORTED, "the steady state could not be checked: " + e.getMessage(), false, true);
            }
        }
        for (ExperimentRun run : runs.dueForVerification(clock.instant())) {
            verify(run);
        }
    }

    private void check(ExperimentRun run, KillSwitchState switchState) {
        Instant now = clock.instant();
        runs.heartbeat(run.id(), now);
        if (switchState.engaged()) {
            end(run, RunStatus.ABORTED, "the kill switch was engaged by " + switchState.changedBy(), false, true);
            return;
        }
        Experiment experiment = run.definition();
        SteadyStateCheck.Result result = check.check(run.service(), experiment.steadyState(), now.minus(SteadyStateCheck.WINDOW), now);
        if (result.breached()) {
            Instant since = breachStreaks.computeIfAbsent(run.id(), key -> now);
            if (run.breachedAt() == null) {
                runs.breached(run.id(), now);
            }
            runs.event(run.id(), new RunEvent(now, RunEvent.Kind.BREACH, "steady state broken: " + result.describe(), result.values()));
            Duration lasted = Duration.between(since, now);
            if (lasted.compareTo(experiment.grace()) >= 0) {
                end(run, RunStatus.ABORTED, "steady state broken" + (experiment.grace().isZero() ? "" : " for " + lasted.toSeconds() + " s")
                        + ": " + result.describeBreaches(), true, true);
                return;
            }
        } else {
            breachStreaks.remove(run.id());
            runs.event(run.id(), new RunEvent(now, RunEvent.Kind.CHECK, result.describe(), result.values()));
        }
        Optional<AlertView> alert = alerts.list(List.of(AlertState.FIRING), run.service()).stream()
                .filter(candidate -> ExperimentGuards.aborts(experiment, candidate)).findFirst();
        if (alert.isPresent()) {
            end(run, RunStatus.ABORTED, "the alert " + alert.get().name() + " fired on " + run.service() + " at " + alert.get().since(),
                    true, true);
            return;
        }
        if (!now.isBefore(run.startedAt().plus(experiment.duration()))) {
            end(run, RunStatus.COMPLETED, "ran its whole duration of " + experiment.duration().toSeconds() + " s", false, true);
        }
    }

    /**
     * Ends the run (unless someone ended it first) and rolls its faults back.
     *
     * @param hypothesisBroken the reason is a breach of the steady state or an abort alert
     * @param asGuard run the rollback as the runner itself rather than as the signed-in user
     */
    private boolean end(ExperimentRun run, RunStatus status, String reason, boolean hypothesisBroken, boolean asGuard) {
        breachStreaks.remove(run.id());
        Instant now = clock.instant();
        if (!runs.end(run.id(), status, now, reason, verifyAfter(now, run.definition().recovery()), hypothesisBroken)) {
            return false;
        }
        runs.event(run.id(), new RunEvent(now, status == RunStatus.COMPLETED ? RunEvent.Kind.COMPLETED : RunEvent.Kind.ABORTED,
                reason, null));
        List<String> faultIds = runs.find(run.id()).map(ExperimentRun::faultIds).orElse(run.faultIds());
        if (asGuard) {
            SystemActor.call(security, ACTOR, Role.OPERATOR, () -> {
                rollback.rollback(run.id(), run.service(), faultIds);
                return null;
            });
        } else {
            rollback.rollback(run.id(), run.service(), faultIds);
        }
        log.info("Experiment run {} on {} {}: {}", run.id(), run.service(), status.name().toLowerCase(java.util.Locale.ROOT), reason);
        return true;
    }

    /**
     * When the after check reads: the recovery time after the rollback, and at least one whole
     * minute that began after it (KPIs are kept per minute: the minute of the rollback still
     * holds the faults' requests).
     */
    static Instant verifyAfter(Instant endedAt, Duration recovery) {
        Instant firstCleanMinute = endedAt.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant afterRecovery = endedAt.plus(recovery);
        Instant oneCleanMinute = firstCleanMinute.plus(Duration.ofMinutes(1));
        return afterRecovery.isAfter(oneCleanMinute) ? afterRecovery : oneCleanMinute;
    }

    private void verify(ExperimentRun run) {
        Instant from = run.endedAt().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        SteadyStateCheck.Result after = check.check(run.service(), run.definition().steadyState(), from, run.verifyAfter());
        boolean recovered = after.held();
        if (runs.verified(run.id(), recovered)) {
            runs.event(run.id(), new RunEvent(clock.instant(), RunEvent.Kind.CHECK_AFTER,
                    (recovered ? "recovered: " : after.measured() ? "not recovered: " : "not verified, no requests: ") + after.describe(),
                    after.values()));
        }
    }

    private ExperimentRun find(long id) {
        return runs.find(id).orElseThrow();
    }
}
