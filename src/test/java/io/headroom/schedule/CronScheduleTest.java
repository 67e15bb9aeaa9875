package io.headroom.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final CronSchedule THURSDAYS_AT_TEN_IN_BERLIN = new CronSchedule("0 10 * * THU", ZoneId.of("Europe/Berlin"));

    @Test
    void firesAtTheLocalTimeAcrossDaylightSaving() {
        assertThat(THURSDAYS_AT_TEN_IN_BERLIN.next(Instant.parse("2026-10-20T00:00:00Z"))).isEqualTo("2026-10-22T08:00:00Z");
        assertThat(THURSDAYS_AT_TEN_IN_BERLIN.next(Instant.parse("2026-10-23T00:00:00Z"))).as("after the clocks went back")
                .isEqualTo("2026-10-29T09:00:00Z");
    }

    @Test
    void theLastFireInARangeExcludesItsStartAndIncludesItsEnd() {
        Instant fire = Instant.parse("2026-10-22T08:00:00Z");
        assertThat(THURSDAYS_AT_TEN_IN_BERLIN.lastFiredIn(fire.minusSeconds(60), fire)).isEqualTo(fire);
        assertThat(THURSDAYS_AT_TEN_IN_BERLIN.lastFiredIn(fire, fire.plusSeconds(600))).isNull();
        var everyTenSeconds = new CronSchedule("*/10 * * * * *", ZoneId.of("UTC"));
        assertThat(everyTenSeconds.lastFiredIn(Instant.parse("2026-12-07T00:00:00Z"), Instant.parse("2026-12-07T00:00:35Z")))
                .isEqualTo("2026-12-07T00:00:30Z");
    }

    @Test
    void refusesWhatIsNotACronExpressionOrATimeZone() {
        assertThatThrownBy(() -> new CronSchedule("every thursday", ZoneId.of("UTC"))).hasMessageStartingWith("cron 'every thursday'");
        assertThatThrownBy(() -> new CronSchedule(" ", ZoneId.of("UTC"))).hasMessageStartingWith("a schedule needs a cron expression");
        assertThatThrownBy(() -> CronSchedule.zone("Mars/Olympus")).hasMessageStartingWith("zone must be a time zone");
    }
}
