package io.headroom.chaos;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes experiment runs (with their timelines) that ended more than {@code headroom.chaos.keep-runs}
 * ago (90 days: a quarter's GameDays to compare), once an hour. Running runs are never deleted.
 * Several Headroom instances may each do it: deleting what is gone deletes nothing.
 */
@Component
class RunRetention {

    private static final Logger log = LoggerFactory.getLogger(RunRetention.class);

    private final RunRecords runs;
    private final Clock clock;
    private final Duration keep;

    RunRetention(RunRecords runs, Clock clock, @Value("${headroom.chaos.keep-runs:90d}") Duration keep) {
        this.runs = runs;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Could not delete old experiment runs; the next hour tries again", e);
        }
    }

    /** @return the runs deleted */
    int purge() {
        return runs.deleteEndedBefore(clock.instant().minus(keep));
    }
}
