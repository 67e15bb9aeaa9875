package io.headroom.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class ScheduledFloorTest {

    private static final ScheduledFloor WEEKDAYS_8_TO_18 = new ScheduledFloor("0 8 * * MON-FRI", ZoneId.of("Europe/Berlin"),
            Duration.ofHours(10), 6);

    @Test
    void followsItsTimeZoneAcrossDaylightSaving() {
        // Berlin is UTC+1 in December, UTC+2 in July: 08:00 there is 07:00Z and 06:00Z.
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-12-07T06:59:00Z"))).isFalse();
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-12-07T07:00:00Z"))).isTrue();
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-07-06T06:00:00Z"))).isTrue();
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-07-06T05:59:00Z"))).isFalse();
    }

    @Test
    void endsAfterItsDuration() {
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-12-07T16:59:59Z"))).isTrue();
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-12-07T17:00:00Z"))).isFalse();
        // Friday's window does not run into Saturday.
        assertThat(WEEKDAYS_8_TO_18.activeAt(Instant.parse("2026-12-12T08:00:00Z"))).isFalse();
    }

    @Test
    void takesSpringsSixFieldsToo() {
        var sixFields = new ScheduledFloor("30 0 8 * * MON-FRI", ZoneId.of("UTC"), Duration.ofMinutes(1), 2);
        assertThat(sixFields.activeAt(Instant.parse("2026-12-07T08:00:45Z"))).isTrue();
        assertThat(sixFields.activeAt(Instant.parse("2026-12-07T08:00:15Z"))).isFalse();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> new ScheduledFloor("every morning", ZoneId.of("UTC"), Duration.ofHours(1), 2))
                .hasMessageContaining("cron 'every morning' is not a cron expression");
        assertThatThrownBy(() -> ScheduledFloor.zone("Mars/Olympus")).hasMessageContaining("zone must be a time zone");
        assertThatThrownBy(() -> new ScheduledFloor("0 8 * * *", ZoneId.of("UTC"), Duration.ofSeconds(10), 2))
                .hasMessageContaining("between 1m and 7d");
    }
}
