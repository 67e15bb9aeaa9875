package io.headroom.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which services' {@code last_seen} a write transaction should advance. Updating a service's row
 * locks it until commit, so when every transaction did it, concurrent writers of one busy service
 * queued behind each other's fsync; a profile of remote write showed commits serialised on that
 * row. Advancing it at most once a second per service keeps {@code last_seen} within a second
 * and lets the other transactions commit side by side.
 */
final class LastSeenTouches {

    static final long RESOLUTION_MILLIS = 1_000;
    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Long> touchedAt = new ConcurrentHashMap<>();

    /** The services, sorted as given, whose row was not advanced by a commit in the last second. */
    List<String> due(Collection<String> services, long nowMillis) {
        var due = new ArrayList<String>(services.size());
        for (String service : services) {
            Long last = touchedAt.get(service);
            if (last == null || nowMillis - last >= RESOLUTION_MILLIS || nowMillis < last) {
                due.add(service);
            }
        }
        return due;
    }

    /** Called after the commit that advanced them: a rolled-back touch must not be remembered. */
    void touched(List<String> services, long nowMillis) {
        if (touchedAt.size() + services.size() > MAX_REMEMBERED) {
            touchedAt.clear();
        }
        services.forEach(service -> touchedAt.put(service, nowMillis));
    }
}
