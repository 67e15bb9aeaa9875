package io.headroom.explore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.headroom.store.LogQueries;
import io.headroom.store.LogQueries.LogLine;
import io.headroom.store.LogQueries.LogSearch;
import org.springframework.stereotype.Service;

/** Log search and log volume by severity: what the Logs view shows and {@code /api/v1/logs} answers. */
@Service
public class Logs {

    public static final int MAX_LIMIT = 1_000;
    public static final int MAX_VOLUME_STEPS = 1_000;

    /**
     * Matching records per step and severity band ({@link LogQueries#SEVERITY_BANDS}); a band
     * without records in the range is absent.
     *
     * @param timestamps each step's start, epoch seconds
     */
    public record Volume(Instant from, Instant to, long stepSeconds, long[] timestamps, Map<String, long[]> bands) {
    }

    private final LogQueries queries;

    Logs(LogQueries queries) {
        this.queries = queries;
    }

    /** The newest {@code limit} (1 to {@value #MAX_LIMIT}) matching records, newest first. */
    public List<LogLine> search(LogSearch search, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        return queries.search(search, limit);
    }

    /** @param step at least a second; the range may hold at most {@value #MAX_VOLUME_STEPS} of them */
    public Volume volume(LogSearch search, Duration step) {
        long stepSeconds = Math.max(1, step.toSeconds());
        long span = search.to().getEpochSecond() - search.from().getEpochSecond();
        int steps = (int) Math.max(1, (span + stepSeconds - 1) / stepSeconds);
        if ((span + stepSeconds - 1) / stepSeconds > MAX_VOLUME_STEPS) {
            throw new IllegalArgumentException("the range holds more than " + MAX_VOLUME_STEPS + " steps of " + stepSeconds + " s");
        }
        long[] timestamps = new long[steps];
        for (int i = 0; i < steps; i++) {
            timestamps[i] = search.from().getEpochSecond() + i * stepSeconds;
        }
        return new Volume(search.from(), search.to(), stepSeconds, timestamps, queries.volume(search, stepSeconds));
    }

    /**
     * The lowest severity number a name or number stands for: {@code warn} is 13 (WARN and above),
     * {@code 17} is 17.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static int severity(String text) {
        String name = text.trim().toLowerCase(Locale.ROOT);
        int band = LogQueries.SEVERITY_BANDS.indexOf(name.equals("warning") ? "warn" : name);
        if (band > 0) {
            return (band - 1) * 4 + 1;
        }
        try {
            int number = Integer.parseInt(name);
            if (number >= 0 && number <= 24) {
                return number;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException("severity must be trace, debug, info, warn, error, fatal or a number from 0 to 24, was '"
                + text + "'");
    }

    /** The severity band's name of a severity number: 9 is {@code info}. */
    public static String band(int severityNumber) {
        return LogQueries.SEVERITY_BANDS.get(severityNumber <= 0 ? 0 : Math.min((severityNumber - 1) / 4 + 1, 6));
    }
}
