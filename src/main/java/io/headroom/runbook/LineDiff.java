package io.headroom.runbook;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two versions of a runbook, line by line (a longest-common-subsequence
 * diff; runbooks are short enough that its quadratic table is small).
 */
public final class LineDiff {

    public enum Kind {
        SAME, ADDED, REMOVED
    }

    public record Line(Kind kind, String text) {
    }

    /** Beyond this many lines on either side the diff is given up: everything removed, then everything added. */
    static final int MAX_LINES = 5_000;

    private LineDiff() {
    }

    public static List<Line> between(String before, String after) {
        String[] a = before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.isEmpty() ? new String[0] : after.split("\n", -1);
        var lines = new ArrayList<Line>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String line : a) {
                lines.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                lines.add(new Line(Kind.ADDED, line));
            }
            return lines;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                lines.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            lines.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            lines.add(new Line(Kind.ADDED, b[j++]));
        }
        return lines;
    }
}
