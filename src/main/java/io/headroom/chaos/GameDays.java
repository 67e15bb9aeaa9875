package io.headroom.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.headroom.schedule.CronSchedule;
import io.headroom.security.Role;
import io.headroom.security.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Starts scheduled experiments (GameDays) when their schedule fires, as the actor {@code gameday}
 * with the operator role: the same guards, authorisation and audit as a person's start, and a
 * refusal is recorded as a person's is. Each fire time is claimed in the database first, so of
 * several Headroom processes one starts it; a fire missed by more than {@link #LATE} (Headroom
 * was down) is skipped rather than started late, when nobody expects it.
 */
@Component
class GameDays {

    static final String ACTOR = "gameday";
    static final Duration LATE = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(GameDays.class);

    private final ExperimentRecords records;
    private final Experiments experiments;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;

    GameDays(ExperimentRecords records, Experiments experiments, SecurityContextHolderStrategy security, Clock clock) {
        this.records = records;
        this.experiments = experiments;
        this.security = security;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${headroom.chaos.gameday-interval:15s}", fixedDelayString = "${headroom.chaos.gameday-interval:15s}")
    void startDue() {
        Instant now = clock.instant();
        for (ExperimentRecords.Scheduled scheduled : records.scheduled()) {
            Experiment experiment = scheduled.experiment();
            CronSchedule schedule = experiment.schedule();
            Instant from = scheduled.since().isAfter(now.minus(LATE)) ? scheduled.since() : now.minus(LATE);
            Instant fired = schedule.lastFiredIn(from, now);
            if (fired == null || !records.claimScheduled(experiment.id(), fired)) {
                continue;
            }
            try {
                ExperimentRun run = SystemActor.call(security, ACTOR, Role.OPERATOR, () -> experiments.start(experiment.id()));
                log.info("GameDay {} (scheduled {}): run {} {}", experiment.name(), fired, run.id(),
                        run.status() == RunStatus.REFUSED ? "refused: " + run.endReason() : "started");
            } catch (Experiments.AlreadyRunning e) {
                log.info("GameDay {} (scheduled {}) not started: {}", experiment.name(), fired, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("GameDay {} (scheduled {}) could not start", experiment.name(), fired, e);
            }
        }
    }
}
