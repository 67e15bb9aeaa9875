package io.headroom.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunbookTest {

    @Test
    void slugsAreMadeFromTitlesAndChecked() {
        assertThat(Runbook.slugOf("High p99 latency!")).isEqualTo("high-p99-latency");
        assertThat(Runbook.slugOf("  Instance down / restart  ")).isEqualTo("instance-down-restart");
        assertThatThrownBy(() -> new Runbook(0, "../etc", "t", "o", "m", 1, null, null)).hasMessageContaining("slug is lower-case");
        assertThatThrownBy(() -> new Runbook(0, "ok", "t", "o", " ", 1, null, null)).hasMessageContaining("markdown is required");
    }

    @Test
    void headroomRunbookPathsAreRecognised() {
        assertThat(RunbookLinks.slugOf("/runbooks/high-latency?service=cart")).contains("high-latency");
        assertThat(RunbookLinks.slugOf("/runbooks/high-latency")).contains("high-latency");
        assertThat(RunbookLinks.slugOf("https://wiki.example/runbooks/high-latency")).isEmpty();
        assertThat(RunbookLinks.slugOf("/runbooks/../users")).isEmpty();
    }
}
