package io.headroom.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which traces to find: those with at least one span that matches every condition. Null
 * conditions match everything.
 *
 * @param from start of the window in which the matching span starts (inclusive)
 * @param to end of that window (inclusive)
 * @param limit how many traces at most, the ones whose matching spans started last
 */
public record SpanSearch(String service, String operation, List<TagFilter> tags, Instant from, Instant to,
        Duration minDuration, Duration maxDuration, int limit) {

    public SpanSearch {
        tags = List.copyOf(tags);
    }

    /**
     * A span matches when its attribute {@code key}, or its resource's, reads {@code value} as
     * text (a number or boolean as JSON writes it), or, where {@code column} is set, when that
     * column of the span equals {@code columnValue}.
     */
    public record TagFilter(String key, String value, SpanColumn column, Object columnValue) {

        public static TagFilter attribute(String key, String value) {
            return new TagFilter(key, value, null, null);
        }
    }

    /** The span fields a tag can stand for. */
    public enum SpanColumn {
        KIND("kind"), STATUS_CODE("status_code"), STATUS_MESSAGE("status_message"),
        SCOPE_NAME("scope_name"), SCOPE_VERSION("scope_version"), TRACE_STATE("trace_state");

        final String sql;

        SpanColumn(String sql) {
            this.sql = sql;
        }
    }
}
