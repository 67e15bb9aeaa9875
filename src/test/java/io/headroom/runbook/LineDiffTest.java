package io.headroom.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.headroom.runbook.LineDiff.Kind;
import io.headroom.runbook.LineDiff.Line;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void showsWhatAVersionChanged() {
        List<Line> diff = LineDiff.between("1. Check p99\n2. Scale out\n3. Page the owner", "1. Check p99\n2. Scale out by two\n3. Page the owner\n4. Write it up");
        assertThat(diff).containsExactly(new Line(Kind.SAME, "1. Check p99"), new Line(Kind.REMOVED, "2. Scale out"),
                new Line(Kind.ADDED, "2. Scale out by two"), new Line(Kind.SAME, "3. Page the owner"), new Line(Kind.ADDED, "4. Write it up"));
    }

    @Test
    void aFirstVersionIsAllAdded() {
        assertThat(LineDiff.between("", "a\nb")).containsExactly(new Line(Kind.ADDED, "a"), new Line(Kind.ADDED, "b"));
    }
}
