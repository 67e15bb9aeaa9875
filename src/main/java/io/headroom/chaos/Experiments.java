package io.headroom.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.headroom.audit.Audited;
import io.headroom.kpi.ServiceKpis;
import io.headroom.security.Actors;
import io.headroom.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;

/**
 * Chaos experiments and their runs, for views and the API alike: definitions, starting and
 * aborting runs, the kill switch, and steady-state bounds proposed from a service's last 7 days.
 * Reading needs a user; every change needs an operator and is audited.
 */
@Service
public class Experiments {

    static final Duration PROPOSAL_HISTORY = Duration.ofDays(7);

    /** Another experiment has that name. */
    public static final class NameTaken extends RuntimeException {
        NameTaken(String name) {
            super("an experiment named '" + name + "' exists already", null, false, false);
        }
    }

    /** The service has a running experiment. */
    public static final class AlreadyRunning extends RuntimeException {
        private final long runId;

        AlreadyRunning(String message, long runId) {
            super(message, null, false, false);
            this.runId = runId;
        }

        public long runId() {
            return runId;
        }
    }

    private final ExperimentRecords experiments;
    private final RunRecords runs;
    private final ExperimentRunner runner;
    private final KillSwitchRecords killSwitch;
    private final Chaos chaos;
    private final ServiceKpis kpis;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;

    Experiments(ExperimentRecords experiments, RunRecords runs, ExperimentRunner runner, KillSwitchRecords killSwitch, Chaos chaos,
            ServiceKpis kpis, SecurityContextHolderStrategy security, Clock clock) {
        this.experiments = experiments;
        this.runs = runs;
        this.runner = runner;
        this.killSwitch = killSwitch;
        this.chaos = chaos;
        this.kpis = kpis;
        this.security = security;
        this.clock = clock;
    }

    public List<Experiment> all() {
        return experiments.all();
    }

    public Optional<Experiment> find(long id) {
        return experiments.find(id);
    }

    /** @throws IllegalArgumentException naming what is wrong, also when no fault injector reaches the service */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.experiment-create")
    public Experiment create(Experiment experiment) {
        check(experiment);
        try {
            return experiment.withId(experiments.insert(experiment, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new NameTaken(experiment.name());
        }
    }

    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.experiment-update")
    public Optional<Experiment> update(long id, Experiment experiment) {
        check(experiment);
        try {
            return experiments.update(id, experiment, clock.instant()) ? Optional.of(experiment.withId(id)) : Optional.empty();
        } catch (DuplicateKeyException e) {
            throw new NameTaken(experiment.name());
        }
    }

    /** Its runs stay, with the definition they ran. */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.experiment-delete")
    public boolean delete(long id) {
        return experiments.delete(id);
    }

    /**
     * Starts a run of the experiment: refused (a run with status REFUSED and the reason) when a
     * guard or the steady state says no.
     *
     * @throws NoSuchElementException for an unknown experiment
     * @throws AlreadyRunning when an experiment runs on the service (a second click creates no second run)
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.experiment-start")
    public ExperimentRun start(long experimentId) {
        Experiment experiment = experiments.find(experimentId)
                .orElseThrow(() -> new NoSuchElementException("no experiment with id " + experimentId));
        try {
            return runner.start(experiment, Actors.name(security));
        } catch (ExperimentRunner.AlreadyRunning e) {
            throw new AlreadyRunning(e.getMessage(), e.runId);
        }
    }

    /** Aborts the run and rolls it back now. @return empty for an unknown run; a run already over is returned as it is */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.experiment-abort")
    public Optional<ExperimentRun> abort(long runId) {
        return runs.find(runId).map(run -> {
            if (run.status() == RunStatus.RUNNING) {
                runner.abort(run, "aborted by " + Actors.name(security));
            }
            return runs.find(runId).orElseThrow();
        });
    }

    /** Newest first; {@code service} and {@code experimentId} may be null for all. */
    public List<ExperimentRun> runs(String service, Long experimentId, int limit) {
        return runs.list(service, experimentId, limit);
    }

    public Optional<ExperimentRun> run(long id) {
        return runs.find(id);
    }

    public List<RunEvent> events(long runId) {
        return runs.events(runId);
    }

    public KillSwitchState killSwitch() {
        return killSwitch.state();
    }

    /**
     * Engages the kill switch: every running experiment is aborted and rolled back, every running
     * fault (experiments' or not) is stopped, and nothing new is injected until it is released.
     *
     * @return the runs it aborted
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.kill-switch-engage")
    public List<ExperimentRun> engageKillSwitch(String reason) {
        String by = Actors.name(security);
        killSwitch.set(true, by, clock.instant(), reason == null || reason.isBlank() ? null : reason.strip());
        List<ExperimentRun> aborted = runs.allRunning().stream()
                .filter(run -> runner.abort(run, "the kill switch was engaged by " + by))
                .map(run -> runs.find(run.id()).orElseThrow()).toList();
        chaos.stopAll("kill switch engaged by " + by);
        return aborted;
    }

    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.kill-switch-release")
    public KillSwitchState releaseKillSwitch() {
        killSwitch.set(false, Actors.name(security), clock.instant(), null);
        return killSwitch.state();
    }

    /** Steady-state bounds from the service's last 7 days. @throws NoSuchElementException for an unknown service */
    public SteadyStateProposal proposal(String service) {
        if (!kpis.exists(service)) {
            throw new NoSuchElementException("no service named '" + service + "' has sent telemetry");
        }
        Instant to = clock.instant();
        Instant from = to.minus(PROPOSAL_HISTORY);
        return SteadyStateProposal.of(service, from, to, kpis.summary(service, from, to).orElse(null));
    }

    private void check(Experiment experiment) {
        experiment.validated();
        if (!chaos.reaches(experiment.service())) {
            throw new IllegalArgumentException("no fault injector reaches a service named '" + experiment.service() + "'");
        }
    }
}
