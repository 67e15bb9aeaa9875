package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LastSeenTouchesTest {

    private final LastSeenTouches touches = new LastSeenTouches();

    @Test
    void aServiceIsDueOnceASecondAndOnlyAfterACommitRecordedIt() {
        assertThat(touches.due(List.of("a", "b"), 10_000)).containsExactly("a", "b");
        // Not recorded yet (the transaction could still roll back): still due.
        assertThat(touches.due(List.of("a"), 10_100)).containsExactly("a");

        touches.touched(List.of("a"), 10_100);
        assertThat(touches.due(List.of("a", "b"), 10_200)).containsExactly("b");
        assertThat(touches.due(List.of("a"), 11_099)).isEmpty();
        assertThat(touches.due(List.of("a"), 11_100)).containsExactly("a");
    }

    @Test
    void aClockThatWentBackMakesTheServiceDue() {
        touches.touched(List.of("a"), 50_000);
        assertThat(touches.due(List.of("a"), 49_000)).containsExactly("a");
    }
}
