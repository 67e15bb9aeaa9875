package io.headroom.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.headroom.store.SpanRow;

/**
 * A trace's spans as the waterfall shows them: each under its parent, siblings by start time,
 * a span whose parent never arrived kept as a root and marked an orphan (not dropped), and the
 * critical path marked: the spans the trace's end waited on, found as Jaeger does, from the
 * root's end backwards, each time through the child that ended last before the point reached.
 */
public final class TraceTree {

    /** One span in the tree. @param depth 0 for a root */
    public record Node(SpanRow span, int depth, boolean orphan, List<Node> children) {

        public long endNanos() {
            return span.startEpochNanos() + span.durationNanos();
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final Comparator<Node> BY_START = Comparator.comparingLong((Node node) -> node.span().startEpochNanos())
            .thenComparing(node -> HEX.formatHex(node.span().spanId()));

    private final List<Node> roots;
    private final List<Node> depthFirst = new ArrayList<>();
    private final java.util.Set<Node> critical = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final long startNanos;
    private final long endNanos;

    private TraceTree(List<Node> roots) {
        this.roots = roots;
        roots.forEach(this::collect);
        startNanos = depthFirst.stream().mapToLong(node -> node.span().startEpochNanos()).min().orElse(0);
        endNanos = depthFirst.stream().mapToLong(Node::endNanos).max().orElse(0);
        roots.stream().filter(root -> !root.orphan()).findFirst().or(() -> roots.stream().findFirst())
                .ifPresent(root -> markCritical(root, root.endNanos()));
    }

    public static TraceTree of(List<SpanRow> spans) {
        Map<String, List<SpanRow>> byParent = new HashMap<>();
        Map<String, SpanRow> byId = new HashMap<>();
        spans.forEach(span -> byId.put(HEX.formatHex(span.spanId()), span));
        var roots = new ArrayList<SpanRow>();
        for (SpanRow span : spans) {
            String parent = span.parentSpanId() == null ? null : HEX.formatHex(span.parentSpanId());
            if (parent == null || !byId.containsKey(parent) || parent.equals(HEX.formatHex(span.spanId()))) {
                roots.add(span);
            } else {
                byParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(span);
            }
        }
        var rootNodes = new ArrayList<Node>();
        for (SpanRow root : roots) {
            rootNodes.add(node(root, 0, root.parentSpanId() != null, byParent, new java.util.HashSet<>()));
        }
        rootNodes.sort(Comparator.comparing(Node::orphan).thenComparing(BY_START));
        return new TraceTree(List.copyOf(rootNodes));
    }

    /** @param path the ids above this span, so that a cycle of parent ids (bad data) cannot recurse forever */
    private static Node node(SpanRow span, int depth, boolean orphan, Map<String, List<SpanRow>> byParent, java.util.Set<String> path) {
        String id = HEX.formatHex(span.spanId());
        path.add(id);
        var children = new ArrayList<Node>();
        for (SpanRow child : byParent.getOrDefault(id, List.of())) {
            if (!path.contains(HEX.formatHex(child.spanId()))) {
                children.add(node(child, depth + 1, false, byParent, path));
            }
        }
        path.remove(id);
        children.sort(BY_START);
        return new Node(span, depth, orphan, List.copyOf(children));
    }

    private void collect(Node node) {
        depthFirst.add(node);
        node.children().forEach(this::collect);
    }

    private void markCritical(Node node, long until) {
        critical.add(node);
        long cursor = Math.min(node.endNanos(), until);
        List<Node> byEnd = new ArrayList<>(node.children());
        byEnd.sort(Comparator.comparingLong(Node::endNanos).reversed());
        for (Node child : byEnd) {
            if (child.span().startEpochNanos() < cursor) {
                markCritical(child, cursor);
                cursor = Math.min(cursor, child.span().startEpochNanos());
            }
        }
    }

    /** Roots first (the real root before orphans), each followed by its subtree, siblings by start. */
    public List<Node> roots() {
        return roots;
    }

    /** Every span, each after its parent, as a collapsed-nothing waterfall lists them. */
    public List<Node> depthFirst() {
        return List.copyOf(depthFirst);
    }

    public boolean onCriticalPath(Node node) {
        return critical.contains(node);
    }

    public long startNanos() {
        return startNanos;
    }

    public long endNanos() {
        return endNanos;
    }
}
