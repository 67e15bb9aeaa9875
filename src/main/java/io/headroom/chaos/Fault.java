package io.headroom.chaos;

import java.time.Instant;

/** A fault that was injected: running until {@code endsAt} unless stopped earlier; {@code endedAt} is set once it is over. */
public record Fault(String id, String service, FaultSpec spec, Instant startedAt, Instant endsAt, Instant endedAt,
        String endReason) {

    public boolean active() {
        return endedAt == null;
    }

    Fault ended(Instant at, String reason) {
        return new Fault(id, service, spec, startedAt, endsAt, at, reason);
    }
}
