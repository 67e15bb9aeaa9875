package io.headroom.explore.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.headroom.explore.TraceTree;
import io.headroom.explore.TraceTree.Node;
import io.headroom.store.LogQueries.LogLine;

/**
 * A row of the trace waterfall: a span with the rows beneath it, or a log record at its time. A
 * record written inside a span sits among that span's children, ordered with them by time; one
 * with no span of the trace (none given, or a span that never arrived) sits among the roots.
 */
sealed interface WaterfallRow {

    /** When the row happens, in epoch nanoseconds: a span's start, a record's time. */
    long atNanos();

    List<WaterfallRow> children();

    /**
     * Equal only to itself: the tree grid hashes every row it tracks, and a record's own hash
     * would walk the whole subtree below it, for every row of a ten-thousand-span trace.
     */
    record SpanStep(Node node, List<WaterfallRow> children) implements WaterfallRow {

        @Override
        public long atNanos() {
            return node.span().startEpochNanos();
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Equal only to itself, as a span's row is: two records with the same text at the same instant are two rows. */
    record LogStep(LogLine line) implements WaterfallRow {

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public long atNanos() {
            Instant time = line.time();
            return time.getEpochSecond() * 1_000_000_000L + time.getNano();
        }

        @Override
        public List<WaterfallRow> children() {
            return List.of();
        }
    }

    /** The tree's roots with each record placed under its span; orphans stay after everything else at the top. */
    static List<WaterfallRow> of(TraceTree tree, List<LogLine> logs) {
        HexFormat hex = HexFormat.of();
        Map<String, List<WaterfallRow>> bySpan = new HashMap<>();
        var unplaced = new ArrayList<WaterfallRow>();
        var spanIds = new java.util.HashSet<String>();
        tree.depthFirst().forEach(node -> spanIds.add(hex.formatHex(node.span().spanId())));
        for (LogLine line : logs) {
            String spanId = line.spanId() == null || isZero(line.spanId()) ? null : hex.formatHex(line.spanId());
            if (spanId != null && spanIds.contains(spanId)) {
                bySpan.computeIfAbsent(spanId, key -> new ArrayList<>()).add(new LogStep(line));
            } else {
                unplaced.add(new LogStep(line));
            }
        }
        var connected = new ArrayList<WaterfallRow>(unplaced);
        var orphans = new ArrayList<WaterfallRow>();
        for (Node root : tree.roots()) {
            (root.orphan() ? orphans : connected).add(step(root, bySpan, hex));
        }
        connected.sort(BY_TIME);
        connected.addAll(orphans);
        return List.copyOf(connected);
    }

    /** Stable for rows at the same instant: a span before a record written as it starts. */
    Comparator<WaterfallRow> BY_TIME = Comparator.comparingLong(WaterfallRow::atNanos)
            .thenComparing(row -> row instanceof LogStep);

    private static SpanStep step(Node node, Map<String, List<WaterfallRow>> bySpan, HexFormat hex) {
        var children = new ArrayList<WaterfallRow>(bySpan.getOrDefault(hex.formatHex(node.span().spanId()), List.of()));
        node.children().forEach(child -> children.add(step(child, bySpan, hex)));
        children.sort(BY_TIME);
        return new SpanStep(node, List.copyOf(children));
    }

    private static boolean isZero(byte[] id) {
        return Arrays.equals(id, new byte[id.length]);
    }
}
