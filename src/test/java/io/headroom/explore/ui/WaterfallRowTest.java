package io.headroom.explore.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.headroom.explore.TraceTree;
import io.headroom.explore.ui.WaterfallRow.LogStep;
import io.headroom.explore.ui.WaterfallRow.SpanStep;
import io.headroom.store.LogQueries.LogLine;
import io.headroom.store.Origin;
import io.headroom.store.ResourceId;
import io.headroom.store.SpanRow;
import org.junit.jupiter.api.Test;

/** Log records in the waterfall: under the span that wrote them, at their time among its children. */
class WaterfallRowTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] TRACE = HEX.parseHex("4bf92f3577b34da6a3ce929d0e0e4736");
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void aRecordSitsUnderItsSpanBetweenTheChildrenBeforeAndAfterIt() {
        var tree = TraceTree.of(List.of(span("0000000000000001", null, "checkout", 0, 100), span("0000000000000002", "0000000000000001",
                "charge", 10, 20), span("0000000000000003", "0000000000000001", "ship", 50, 30)));

        List<WaterfallRow> rows = WaterfallRow.of(tree, List.of(log("0000000000000001", 40, "between the calls"),
                log("0000000000000002", 15, "charging"), log("0000000000000001", 0, "at the very start")));

        assertThat(render(rows)).containsExactly(
                "checkout",
                "  log: at the very start",
                "  charge",
                "    log: charging",
                "  log: between the calls",
                "  ship");
    }

    @Test
    void recordsWithoutASpanOfTheTraceStayAtTheTopByTimeAndOrphansComeLast() {
        var tree = TraceTree.of(List.of(span("0000000000000001", null, "checkout", 10, 100),
                span("0000000000000009", "00000000000000ff", "retry", 5, 5)));

        List<WaterfallRow> rows = WaterfallRow.of(tree, List.of(log(null, 0, "no span"), log("00000000000000ff", 200, "span never arrived"),
                log("0000000000000000", 50, "zero span id")));

        assertThat(render(rows)).containsExactly(
                "log: no span",
                "checkout",
                "log: zero span id",
                "log: span never arrived",
                "retry");
    }

    @Test
    void aTraceWithoutRecordsIsItsSpanTree() {
        var tree = TraceTree.of(List.of(span("0000000000000001", null, "checkout", 0, 100),
                span("0000000000000002", "0000000000000001", "charge", 10, 20)));

        assertThat(render(WaterfallRow.of(tree, List.of()))).containsExactly("checkout", "  charge");
    }

    private static List<String> render(List<WaterfallRow> rows) {
        var lines = new ArrayList<String>();
        render(rows, "", lines);
        return lines;
    }

    private static void render(List<WaterfallRow> rows, String indent, List<String> lines) {
        for (WaterfallRow row : rows) {
            lines.add(indent + (row instanceof SpanStep step ? step.node().span().name() : "log: " + ((LogStep) row).line().body()));
            render(row.children(), indent + "  ", lines);
        }
    }

    private static SpanRow span(String id, String parent, String name, long startMs, long durationMs) {
        return new SpanRow(new Origin("shop", new ResourceId(new byte[16]), "scope", "1"), TRACE, HEX.parseHex(id),
                parent == null ? null : HEX.parseHex(parent), name, 2, T0 + startMs * MS, durationMs * MS,
                new SpanRow.SpanStatus(0, null), null, "{}", "[]", "[]");
    }

    private static LogLine log(String spanId, long atMs, String body) {
        return new LogLine("shop", Instant.ofEpochSecond(0, T0 + atMs * MS), 9, "INFO", body, TRACE,
                spanId == null ? null : HEX.parseHex(spanId), "{}");
    }
}
