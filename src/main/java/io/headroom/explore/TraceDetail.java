package io.headroom.explore;

import java.util.List;

import io.headroom.store.LogQueries.LogLine;

/** A trace as the Trace view and {@code /api/v1/traces/{id}} show it: its span tree and its log records by time. */
public record TraceDetail(Trace trace, TraceTree tree, TraceSummary summary, List<LogLine> logs) {
}
