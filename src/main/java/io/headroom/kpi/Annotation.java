package io.headroom.kpi;

import java.time.Instant;

/**
 * Something that happened to a service, marked on its charts' shared time axis.
 *
 * @param end when a lasting event (a fault) ended; null for an instant, or for one still going on
 * @param kind what happened, one word: {@code scale}, {@code autoscale}, {@code fault}, {@code deploy} or {@code alert}
 * @param link where the event is explained (a path on Headroom), null if nowhere
 */
public record Annotation(Instant at, Instant end, String kind, String text, String link) {

    public Annotation(Instant at, Instant end, String kind, String text) {
        this(at, end, kind, text, null);
    }
}
