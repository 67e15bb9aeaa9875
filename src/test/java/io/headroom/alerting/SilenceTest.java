package io.headroom.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SilenceTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static Silence silence(String... matchers) {
        return new Silence("s1", List.of(matchers).stream().map(LabelMatcher::parse).toList(), T0, T0.plusSeconds(3600), "ann",
                "deploying cart", T0);
    }

    @Test
    void mutesWhatAllItsMatchersSelectWhileActive() {
        Silence silence = silence("service=\"cart\"", "severity=~\"warning|info\"");
        Map<String, String> cartWarning = Map.of("alertname", "HighP99", "service", "cart", "severity", "warning");
        assertThat(silence.mutes(cartWarning, T0.plusSeconds(10))).isTrue();
        assertThat(silence.mutes(Map.of("service", "cart", "severity", "critical"), T0.plusSeconds(10))).isFalse();
        assertThat(silence.mutes(cartWarning, T0.minusSeconds(1))).as("pending").isFalse();
        assertThat(silence.mutes(cartWarning, T0.plusSeconds(3600))).as("ended").isFalse();
        assertThat(silence.state(T0.minusSeconds(1))).isEqualTo(Silence.State.PENDING);
        assertThat(silence.state(T0)).isEqualTo(Silence.State.ACTIVE);
        assertThat(silence.state(T0.plusSeconds(3600))).isEqualTo(Silence.State.EXPIRED);
    }

    @Test
    void expiringEndsItNowAndAPendingOneNeverStarts() {
        Silence silence = silence("service=\"cart\"");
        Silence expired = silence.expiredAt(T0.plusSeconds(60));
        assertThat(expired.state(T0.plusSeconds(60))).isEqualTo(Silence.State.EXPIRED);
        assertThat(expired.endsAt()).isEqualTo(T0.plusSeconds(60));
        Silence neverStarted = silence.expiredAt(T0.minusSeconds(600));
        assertThat(neverStarted.startsAt()).isEqualTo(neverStarted.endsAt());
        assertThat(neverStarted.state(T0.minusSeconds(600))).isEqualTo(Silence.State.EXPIRED);
    }

    @Test
    void refusesSilencesThatWouldMuteEverythingOrSayNothing() {
        assertThatThrownBy(() -> silence()).hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> silence("service=~\".*\"")).hasMessageContaining("must not match the empty string");
        assertThatThrownBy(() -> silence("team!=\"db\"")).hasMessageContaining("must not match the empty string");
        assertThatThrownBy(() -> new Silence(null, List.of(LabelMatcher.parse("service=\"cart\"")), T0, T0, null, "x", null))
                .hasMessageContaining("endsAt must be after startsAt");
        assertThatThrownBy(() -> new Silence(null, List.of(LabelMatcher.parse("service=\"cart\"")), T0, T0.plusSeconds(1), null, " ",
                null)).hasMessageContaining("comment is required");
    }
}
