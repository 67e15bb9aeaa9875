package io.headroom.notify;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a channel batches alerts, as Alertmanager's route does: alerts with the same values of
 * {@code groupBy} go out together; a new group waits {@code groupWait} for companions, a changed
 * group {@code groupInterval} after its last notification, an unchanged firing group is
 * re-notified every {@code repeatInterval}. Defaults are Alertmanager's: 30 s, 5 m, 4 h.
 */
public record Grouping(List<String> groupBy, Duration groupWait, Duration groupInterval, Duration repeatInterval) {

    // Declared before DEFAULT: the constructor that builds DEFAULT reads it.
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\.\\.\\.");
    public static final Grouping DEFAULT = new Grouping(List.of("alertname"), Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofHours(4));

    public Grouping {
        groupBy = groupBy == null ? DEFAULT.groupBy : List.copyOf(groupBy);
        groupBy.forEach(label -> {
            if (label == null || !LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("groupBy lists label names (or '...' for every label); '" + label + "' is not one");
            }
        });
        groupWait = groupWait == null ? DEFAULT.groupWait : groupWait;
        groupInterval = groupInterval == null ? DEFAULT.groupInterval : groupInterval;
        repeatInterval = repeatInterval == null ? DEFAULT.repeatInterval : repeatInterval;
        if (groupWait.isNegative() || groupWait.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("groupWait must be between 0s and 1d");
        }
        if (groupInterval.compareTo(Duration.ofSeconds(1)) < 0 || groupInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("groupInterval must be between 1s and 1d");
        }
        if (repeatInterval.compareTo(Duration.ofMinutes(1)) < 0 || repeatInterval.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("repeatInterval must be between 1m and 7d");
        }
    }

    /** Whether every label groups (one group per alert). */
    public boolean byAll() {
        return groupBy.contains("...");
    }
}
