package io.headroom.scaling;

import java.time.Duration;

/**
 * Predictive scaling for a policy: forecast the service's throughput from its history (a season
 * of {@code season}, a day unless the traffic repeats on another rhythm) and run, from
 * {@code lead} ahead of a rise, at least enough instances for the forecast peak at
 * {@code requestsPerInstance} each. It only raises the floor: the reactive policy may always ask
 * for more, and a forecast never removes an instance the policy wants.
 *
 * @param lead how far ahead the forecast peak is read: how long an instance takes to start and warm up, with margin
 */
public record Predictive(Duration season, double requestsPerInstance, Duration lead) {

    public static final Duration DEFAULT_SEASON = Duration.ofDays(1);
    public static final Duration DEFAULT_LEAD = Duration.ofMinutes(10);
    /** Seasons a forecast can use: at least a few one-minute steps, at most four weeks (a monthly rhythm). */
    public static final Duration MIN_SEASON = Duration.ofMinutes(5);
    public static final Duration MAX_SEASON = Duration.ofDays(28);

    /** Whether a forecast can use a season this long. */
    public static boolean seasonFits(Duration season) {
        return season.compareTo(MIN_SEASON) >= 0 && season.compareTo(MAX_SEASON) <= 0;
    }

    public Predictive {
        season = season == null ? DEFAULT_SEASON : season;
        lead = lead == null ? DEFAULT_LEAD : lead;
        if (!seasonFits(season)) {
            throw new IllegalArgumentException("predictive.season must be between 5m and 28d, was " + season);
        }
        if (!(requestsPerInstance > 0) || !Double.isFinite(requestsPerInstance)) {
            throw new IllegalArgumentException("predictive.requestsPerInstance must be a number above 0 (the req/s one instance "
                    + "serves at the policy's target), was " + requestsPerInstance);
        }
        if (lead.compareTo(Duration.ofMinutes(1)) < 0 || lead.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("predictive.lead must be between 1m and 1h, was " + lead);
        }
    }
}
