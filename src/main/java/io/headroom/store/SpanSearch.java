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
 * @param errorsOnly only spans whose status is an error match
 * @param limit how many traces at most, the first ones in {@code order}
 */
public record SpanSearch(String service, String operation, List<TagFilter> tags, Instant from, Instant to,
        Duration minDuration, Duration maxDuration, boolean errorsOnly, Order order, int limit) {

    /** Which traces come first. */
    public enum Order {
        /** The trace whose matching span started last. */
        RECENT,
        /** The trace with the longest matching span. */
        SLOWEST
    }

    public SpanSearch {
        tags = List.copyOf(tags);
    }

    /** Any status, the most recent first, as Jaeger's search has it. */
    public SpanSearch(String service, String operation, List<TagFilter> tags, Instant from, Instant to, Duration minDuration,
            Duration maxDuration, int limit) {
        this(service, operation, tags, from, to, minDuration, maxDuration, false, Order.RECENT, limit);
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
