package io.headroom.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A silence, as Alertmanager has them: it mutes the alerts that all its matchers select from
 * {@code startsAt} until {@code endsAt}, and says who made it and why.
 */
public record Silence(String id, List<LabelMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment,
        Instant updatedAt) {

    public enum State {
        PENDING, ACTIVE, EXPIRED
    }

    public static final int MAX_MATCHERS = 32;
    public static final int MAX_COMMENT = 2000;

    public Silence {
        matchers = List.copyOf(matchers == null ? List.of() : matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("matchers must hold at least one matcher, like service=\"cart\"");
        }
        if (matchers.size() > MAX_MATCHERS) {
            throw new IllegalArgumentException("matchers holds at most " + MAX_MATCHERS + " matchers");
        }
        // As Alertmanager: a silence whose every matcher also selects an absent label would mute everything.
        if (matchers.stream().allMatch(m -> m.matches(Map.of()))) {
            throw new IllegalArgumentException("at least one matcher must not match the empty string (the silence would mute every alert)");
        }
        if (startsAt == null || endsAt == null) {
            throw new IllegalArgumentException("startsAt and endsAt are required");
        }
        if (!endsAt.isAfter(startsAt) && !endsAt.equals(updatedAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("comment is required: say why the alerts are silenced");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment is at most " + MAX_COMMENT + " characters");
        }
    }

    public State state(Instant now) {
        if (!endsAt.isAfter(now)) {
            return State.EXPIRED;
        }
        return startsAt.isAfter(now) ? State.PENDING : State.ACTIVE;
    }

    /** Whether it mutes an alert with these labels at {@code now}. */
    public boolean mutes(Map<String, String> labels, Instant now) {
        return state(now) == State.ACTIVE && selects(labels);
    }

    public boolean selects(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }

    Silence withId(String newId, String author, Instant at) {
        return new Silence(newId, matchers, startsAt, endsAt, author, comment, at);
    }

    Silence expiredAt(Instant at) {
        return new Silence(id, matchers, startsAt.isAfter(at) ? at : startsAt, at, createdBy, comment, at);
    }
}
