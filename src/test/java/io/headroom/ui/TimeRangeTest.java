package io.headroom.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static final TimeRange FALLBACK = TimeRange.last(Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-12-05T18:00:30Z");

    @Test
    void relativeRangesReadAndWriteAsGrafanaLinksDo() {
        TimeRange range = read("now-6h", "now");
        assertThat(range).isEqualTo(TimeRange.last(Duration.ofHours(6)));
        assertThat(range.toQuery()).containsEntry("from", "now-6h").containsEntry("to", "now");
        assertThat(range.label()).isEqualTo("Last 6 hours");
        assertThat(range.start(NOW)).isEqualTo(NOW.minus(Duration.ofHours(6)));
        assertThat(range.end(NOW)).isEqualTo(NOW);
        assertThat(read("now-30d", null)).isEqualTo(TimeRange.last(Duration.ofDays(30)));
        assertThat(TimeRange.last(Duration.ofDays(30)).toQuery()).containsEntry("from", "now-30d");
        assertThat(TimeRange.last(Duration.ofHours(24)).toQuery()).containsEntry("from", "now-24h");
        assertThat(TimeRange.last(Duration.ofHours(24)).label()).isEqualTo("Last 24 hours");
        assertThat(TimeRange.last(Duration.ofMinutes(90)).toQuery()).containsEntry("from", "now-90m");
        assertThat(read("now-2w", "now")).isEqualTo(TimeRange.last(Duration.ofDays(14)));
    }

    @Test
    void absoluteRangesAreEpochMillisecondsAndEndAtNowAtTheLatest() {
        TimeRange range = read("1765000000000", "1765003600000");
        assertThat(range.relative()).isFalse();
        assertThat(range.start(NOW)).isEqualTo(Instant.ofEpochMilli(1765000000000L));
        assertThat(range.end(NOW)).isEqualTo(Instant.ofEpochMilli(1765003600000L));
        assertThat(range.toQuery()).containsExactly(Map.entry("from", "1765000000000"), Map.entry("to", "1765003600000"));
        assertThat(range.label()).isEqualTo("2025-12-06 05:46:40 → 06:46:40 UTC");

        TimeRange reachingIntoTheFuture = TimeRange.between(NOW.minus(Duration.ofMinutes(10)), NOW.plus(Duration.ofMinutes(10)));
        assertThat(reachingIntoTheFuture.end(NOW)).isEqualTo(NOW);
    }

    @Test
    void whatCannotBeReadFallsBackRatherThanFailingThePage() {
        assertThat(read(null, null)).isSameAs(FALLBACK);
        assertThat(read("yesterday", "now")).isSameAs(FALLBACK);
        assertThat(read("now-0m", "now")).isSameAs(FALLBACK);
        assertThat(read("now-5000d", "now")).isSameAs(FALLBACK);
        assertThat(read("now-1h", "now-5m")).isSameAs(FALLBACK);
        assertThat(read("1765003600000", "1765000000000")).as("from after to").isSameAs(FALLBACK);
        assertThat(read("1765000000000", null)).isSameAs(FALLBACK);
        assertThat(read("99999999999999999999", "1")).isSameAs(FALLBACK);
    }

    @Test
    void aZoomIntoAFewSecondsWidensToTwoMinutesAroundItsCentre() {
        Instant from = Instant.parse("2026-12-05T17:00:00Z");
        TimeRange zoomed = TimeRange.between(from, from.plusSeconds(20));
        assertThat(zoomed.start(NOW)).isEqualTo(Instant.parse("2026-12-05T16:59:10Z"));
        assertThat(zoomed.end(NOW)).isEqualTo(Instant.parse("2026-12-05T17:01:10Z"));
        assertThatThrownBy(() -> TimeRange.between(from, from)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zoomingOutDoublesTheRangeAroundItsCentreButNotPastNow() {
        assertThat(TimeRange.last(Duration.ofHours(1)).zoomOut(NOW)).isEqualTo(TimeRange.last(Duration.ofHours(2)));
        TimeRange past = TimeRange.between(Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-05T11:00:00Z"));
        assertThat(past.zoomOut(NOW)).isEqualTo(TimeRange.between(Instant.parse("2026-12-05T09:30:00Z"), Instant.parse("2026-12-05T11:30:00Z")));
        TimeRange recent = TimeRange.between(NOW.minus(Duration.ofMinutes(20)), NOW);
        assertThat(recent.zoomOut(NOW)).isEqualTo(TimeRange.between(NOW.minus(Duration.ofMinutes(40)), NOW));
        assertThat(TimeRange.last(Duration.ofDays(300)).zoomOut(NOW)).isEqualTo(TimeRange.last(TimeRange.MAX_SPAN));
    }

    @Test
    void theChartStepKeepsEveryRangeUnder360PointsInWholeMinutes() {
        assertThat(TimeRange.last(Duration.ofMinutes(5)).step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimeRange.last(Duration.ofHours(6)).step()).isEqualTo(Duration.ofMinutes(1));
        assertThat(TimeRange.last(Duration.ofHours(12)).step()).isEqualTo(Duration.ofMinutes(2));
        assertThat(TimeRange.last(Duration.ofHours(24)).step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(TimeRange.last(Duration.ofDays(7)).step()).isEqualTo(Duration.ofMinutes(30));
        assertThat(TimeRange.last(Duration.ofDays(30)).step()).isEqualTo(Duration.ofHours(2));
        assertThat(TimeRange.last(Duration.ofDays(400)).step()).isEqualTo(Duration.ofDays(1));
        for (TimeRange preset : TimeRange.PRESETS) {
            assertThat(preset.length().toSeconds() / preset.step().toSeconds()).as(preset.label()).isLessThanOrEqualTo(360);
        }
    }

    @Test
    void theControlsChoiceKeepsTheRefreshBesideTheRange() {
        var choice = TimeControls.Choice.fromQuery(new com.vaadin.flow.router.QueryParameters(
                Map.of("from", List.of("now-15m"), "to", List.of("now"), "refresh", List.of("off"))), FALLBACK);
        assertThat(choice.range()).isEqualTo(TimeRange.last(Duration.ofMinutes(15)));
        assertThat(choice.refresh()).isNull();
        assertThat(choice.query().getParameters())
                .isEqualTo(Map.of("from", List.of("now-15m"), "to", List.of("now"), "refresh", List.of("off")));
        var defaults = TimeControls.Choice.fromQuery(new com.vaadin.flow.router.QueryParameters(Map.of("refresh", List.of("7s"))), FALLBACK);
        assertThat(defaults).isEqualTo(new TimeControls.Choice(FALLBACK, Duration.ofSeconds(5)));
        assertThat(new TimeControls.Choice(FALLBACK, Duration.ofMinutes(1)).query().getParameters())
                .isEqualTo(Map.of("from", List.of("now-1h"), "to", List.of("now"), "refresh", List.of("1m")));
    }

    private static TimeRange read(String from, String to) {
        Map<String, List<String>> parameters = new java.util.HashMap<>();
        if (from != null) {
            parameters.put("from", List.of(from));
        }
        if (to != null) {
            parameters.put("to", List.of(to));
        }
        return TimeRange.fromQuery(parameters, FALLBACK);
    }
}
