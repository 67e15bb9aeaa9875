package io.headroom.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time range a view shows, written in its URL the way Grafana writes it: {@code from=now-1h&to=now}
 * for a range that follows the clock, {@code from=<epoch ms>&to=<epoch ms>} for a fixed one, so a
 * copied link reproduces the view.
 *
 * @param span the length of a relative range (null for an absolute one)
 * @param from the start of an absolute range (null for a relative one)
 * @param to the end of an absolute range (null for a relative one)
 */
public record TimeRange(Duration span, Instant from, Instant to) {

    /** Below this a chart of minute rollups has too few points to read; zooms widen to it around their centre. */
    public static final Duration MIN_SPAN = Duration.ofMinutes(2);
    public static final Duration MAX_SPAN = Duration.ofDays(400);

    /** The relative ranges offered in the picker, as Grafana's quick ranges. */
    public static final List<TimeRange> PRESETS = List.of(
            last(Duration.ofMinutes(5)), last(Duration.ofMinutes(15)), last(Duration.ofMinutes(30)), last(Duration.ofHours(1)),
            last(Duration.ofHours(3)), last(Duration.ofHours(6)), last(Duration.ofHours(12)), last(Duration.ofHours(24)),
            last(Duration.ofDays(2)), last(Duration.ofDays(7)), last(Duration.ofDays(30)));

    /** Chart steps, smallest first; the smallest that keeps a chart under {@link #MAX_CHART_POINTS} is used. */
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1));
    private static final int MAX_CHART_POINTS = 360;
    private static final Pattern RELATIVE = Pattern.compile("now-(\\d{1,6})([smhdw])");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    public TimeRange {
        if ((span == null) == (from == null) || (from == null) != (to == null)) {
            throw new IllegalArgumentException("a time range is either a span or a from and a to");
        }
        if (span != null && (span.compareTo(Duration.ofMinutes(1)) < 0 || span.compareTo(MAX_SPAN) > 0)) {
            throw new IllegalArgumentException("a relative range spans 1 minute to " + MAX_SPAN.toDays() + " days; was " + span);
        }
        if (from != null && (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_SPAN) > 0)) {
            throw new IllegalArgumentException("from must be before to, at most " + MAX_SPAN.toDays() + " days apart");
        }
    }

    public static TimeRange last(Duration span) {
        return new TimeRange(span, null, null);
    }

    /** A fixed range, widened around its centre to {@link #MIN_SPAN} when shorter (a zoom into a few seconds). */
    public static TimeRange between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        Duration length = Duration.between(from, to);
        if (length.compareTo(MIN_SPAN) < 0) {
            Duration grow = MIN_SPAN.minus(length).dividedBy(2);
            return new TimeRange(null, from.minus(grow), from.minus(grow).plus(MIN_SPAN));
        }
        return new TimeRange(null, from, to);
    }

    /**
     * Reads {@code from} and {@code to} as a view's URL holds them; anything unreadable gives
     * {@code fallback}, as a hand-edited link should still open the page.
     */
    public static TimeRange fromQuery(Map<String, List<String>> parameters, TimeRange fallback) {
        String from = first(parameters, "from");
        String to = first(parameters, "to");
        if (from == null) {
            return fallback;
        }
        try {
            Matcher relative = RELATIVE.matcher(from);
            if (relative.matches() && (to == null || to.equals("now"))) {
                return last(unit(relative.group(2)).multipliedBy(Long.parseLong(relative.group(1))));
            }
            if (from.matches("\\d{1,15}") && to != null && to.matches("\\d{1,15}")) {
                return new TimeRange(null, Instant.ofEpochMilli(Long.parseLong(from)), Instant.ofEpochMilli(Long.parseLong(to)));
            }
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        return fallback;
    }

    /** {@code from} and {@code to} as the URL writes them. */
    public Map<String, String> toQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", span != null ? "now-" + shortSpan(span) : Long.toString(from.toEpochMilli()));
        query.put("to", span != null ? "now" : Long.toString(to.toEpochMilli()));
        return query;
    }

    /** True when the range follows the clock (a live view); false for a fixed range. */
    public boolean relative() {
        return span != null;
    }

    public Instant start(Instant now) {
        return span != null ? now.minus(span) : from;
    }

    /** The end of the range, never past {@code now}: the future has no data yet. */
    public Instant end(Instant now) {
        return span != null || to.isAfter(now) ? now : to;
    }

    public Duration length() {
        return span != null ? span : Duration.between(from, to);
    }

    /** The chart step: whole minutes (the rollups' resolution), few enough points for a screen's width. */
    public Duration step() {
        long seconds = length().toSeconds();
        for (Duration step : STEPS) {
            if (seconds / step.toSeconds() <= MAX_CHART_POINTS) {
                return step;
            }
        }
        return STEPS.get(STEPS.size() - 1);
    }

    /** Twice as long around the same centre; a relative range stays relative, ending now. */
    public TimeRange zoomOut(Instant now) {
        Duration doubled = length().multipliedBy(2);
        if (doubled.compareTo(MAX_SPAN) > 0) {
            doubled = MAX_SPAN;
        }
        if (span != null) {
            return last(doubled);
        }
        Instant centre = from.plus(length().dividedBy(2));
        Instant newTo = centre.plus(doubled.dividedBy(2));
        Instant newFrom = centre.minus(doubled.dividedBy(2));
        // A range pushed past now ends now: there is nothing to see after it.
        if (newTo.isAfter(now)) {
            newFrom = newFrom.minus(Duration.between(now, newTo));
            newTo = now;
        }
        return new TimeRange(null, newFrom, newTo);
    }

    /** "Last 1 hour", or "2026-12-05 18:00:00 → 18:30:00 UTC" for a fixed range. */
    public String label() {
        if (span != null) {
            return "Last " + longSpan(span);
        }
        boolean sameDay = DAY_TIME.format(from).substring(0, 10).equals(DAY_TIME.format(to).substring(0, 10));
        return DAY_TIME.format(from) + " → " + (sameDay ? TIME.format(to) : DAY_TIME.format(to)) + " UTC";
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            case "d" -> Duration.ofDays(1);
            case "w" -> Duration.ofDays(7);
            default -> throw new IllegalArgumentException("unit " + unit);
        };
    }

    /** A duration as the URL writes it: 90s, 5m, 24h, 7d. */
    public static String shortSpan(Duration span) {
        long seconds = span.toSeconds();
        // A day reads as 24h, as in Grafana's quick ranges; longer spans in days.
        if (seconds % 86_400 == 0 && seconds > 86_400) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    private static String longSpan(Duration span) {
        String text = shortSpan(span);
        long count = Long.parseLong(text.substring(0, text.length() - 1));
        String unit = switch (text.charAt(text.length() - 1)) {
            case 'd' -> "day";
            case 'h' -> "hour";
            case 'm' -> "minute";
            default -> "second";
        };
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
