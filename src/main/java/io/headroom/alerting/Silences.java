package io.headroom.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.headroom.audit.Audited;
import io.headroom.security.Actors;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;

/**
 * Silences: read by anyone signed in, created and expired by operators (the people on call),
 * every change audited. The author is whoever is signed in, never a field of the request.
 */
@Service
public class Silences {

    /** How long expired silences stay listed. */
    static final Duration EXPIRED_SHOWN = Duration.ofDays(5);
    static final Duration MAX_LENGTH = Duration.ofDays(366);

    private final SilenceRecords records;
    private final Alerts alerts;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;

    Silences(SilenceRecords records, Alerts alerts, SecurityContextHolderStrategy security, Clock clock) {
        this.records = records;
        this.alerts = alerts;
        this.security = security;
        this.clock = clock;
    }

    /** Active and pending silences, then those expired in the last five days. */
    public List<Silence> list() {
        Instant now = clock.instant();
        return records.list(now, now.minus(EXPIRED_SHOWN));
    }

    public Optional<Silence> find(String id) {
        return records.find(id);
    }

    /**
     * @param draft its id, author and update time are ignored
     * @throws IllegalArgumentException when it has already ended or runs longer than a year
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("alerting.silence-create")
    public Silence create(Silence draft) {
        Instant now = clock.instant();
        if (!draft.endsAt().isAfter(now)) {
            throw new IllegalArgumentException("endsAt must be in the future");
        }
        if (Duration.between(draft.startsAt(), draft.endsAt()).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("a silence lasts at most a year");
        }
        Silence silence = draft.withId(UUID.randomUUID().toString(), Actors.name(security), now);
        records.insert(silence);
        return silence;
    }

    /** Ends the silence now (a pending one never starts). @return empty when no silence has the id */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("alerting.silence-expire")
    public Optional<Silence> expire(String id) {
        Instant now = clock.instant();
        return records.find(id).map(silence -> {
            if (silence.state(now) == Silence.State.EXPIRED) {
                return silence;
            }
            Silence expired = silence.expiredAt(now);
            records.updateTimes(expired);
            return expired;
        });
    }

    /** The firing and pending alerts a silence with these matchers would mute. */
    public List<AlertView> preview(List<LabelMatcher> matchers) {
        return alerts.list(Alerts.ACTIVE, null).stream().filter(a -> matchers.stream().allMatch(m -> m.matches(a.labels()))).toList();
    }
}
