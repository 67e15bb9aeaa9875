package io.headroom.kpi;

import java.time.Instant;

/**
 * Something that happened to a service, marked on its charts' shared time axis.
 *
 * @param end when a lasting event (a fault) ended; null for an instant, or for one still going on
 * @param kind what happened, one word: {@code scale}, {@code fault}, {@code deploy} or {@code alert}
 */
public record Annotation(Instant at, Instant end, String kind, String text) {
}
