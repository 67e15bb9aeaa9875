package io.headroom.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses query parameters the way Prometheus's HTTP API does: durations like 5m or 1h30m, times as RFC 3339 or unix seconds. */
public final class ApiParameters {

    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    /** A parameter with a value the API cannot use; answered 400 naming the parameter. */
    public static final class BadParameter extends RuntimeException {
        private final String parameter;

        public BadParameter(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** The range a KPI request asks for. */
    public record Range(Instant from, Instant to) {
    }

    private ApiParameters() {
    }

    /**
     * The last {@code window} (default {@code defaultWindow}) from a minute boundary, as the rollups
     * hold whole minutes, up to {@code to} or now; or [from, to) when {@code from} is given (to
     * defaults to now). Either form spans at most {@code max}.
     */
    public static Range windowOrRange(String window, String from, String to, Duration defaultWindow, Duration max, Instant now) {
        Instant end = time("to", to, now);
        if (from == null) {
            Duration span = window == null ? defaultWindow : duration("window", window);
            if (span.compareTo(max) > 0) {
                throw new BadParameter("window", "window must be at most " + max.toDays() + "d");
            }
            return new Range((to == null ? now.truncatedTo(ChronoUnit.MINUTES) : end).minus(span), end);
        }
        if (window != null) {
            throw new BadParameter("window", "give either window or from (and to), not both");
        }
        Instant start = time("from", from, end);
        if (!start.isBefore(end)) {
            throw new BadParameter("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(max) > 0) {
            throw new BadParameter("from", "from and to must be at most " + max.toDays() + "d apart");
        }
        return new Range(start, end);
    }

    /** A chart's range and step: [from, to) defaulting to the last hour, step defaulting to about 300 points, at least a minute. */
    public record SeriesRequest(Instant from, Instant to, Duration step) {
    }

    public static SeriesRequest seriesRequest(String from, String to, String step, Instant now) {
        Instant end = time("to", to, now);
        Instant start = time("from", from, end.minus(Duration.ofHours(1)));
        if (!start.isBefore(end)) {
            throw new BadParameter("from", "from must be before to");
        }
        Duration stepDuration = step == null
                ? Duration.ofSeconds(Math.max(60, Duration.between(start, end).toSeconds() / 300))
                : duration("step", step);
        return new SeriesRequest(start, end, stepDuration);
    }

    public static Duration duration(String parameter, String text) {
        Duration duration = durationOrZero(parameter, text);
        if (duration.isZero()) {
            throw new BadParameter(parameter, parameter + " must be longer than zero");
        }
        return duration;
    }

    /** As {@link #duration}, for settings where zero means "none" ({@code for}, a cooldown, a group wait): {@code 0s} is read as zero. */
    public static Duration durationOrZero(String parameter, String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameter(parameter, parameter + " must not be empty");
        }
        if (text.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(new BigDecimal(text).multiply(BigDecimal.valueOf(1000)).longValue());
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches() || text.isEmpty()) {
            throw new BadParameter(parameter, parameter + " must be a duration like 30s, 5m, 1h, 7d or 1h30m, or seconds; was '" + text + "'");
        }
        Duration duration = Duration.ZERO;
        long[] unitSeconds = {86_400, 3_600, 60, 1};
        for (int group = 1; group <= 4; group++) {
            if (m.group(group) != null) {
                duration = duration.plusSeconds(Long.parseLong(m.group(group)) * unitSeconds[group - 1]);
            }
        }
        return duration;
    }

    /** A duration as {@link #duration} reads it: {@code 1h30m}, {@code 45s}, {@code 0s}. */
    public static String durationText(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        var text = new StringBuilder();
        long[] unitSeconds = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (seconds >= unitSeconds[i]) {
                text.append(seconds / unitSeconds[i]).append(units[i]);
                seconds %= unitSeconds[i];
            }
        }
        return text.toString();
    }

    public static Instant time(String parameter, String text, Instant fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal seconds = new BigDecimal(text);
                return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadParameter(parameter, parameter + " must be an RFC 3339 time (2026-11-25T10:00:00Z) or unix seconds; was '" + text + "'");
        }
    }

    /**
     * A whole number in [min, max], or {@code fallback} when the parameter is absent.
     */
    public static int wholeNumber(String parameter, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(text.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameter(parameter,
                parameter + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
    }

    /** The text trimmed, or null when it is absent or blank: an empty filter filters nothing. */
    public static String text(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Repeated {@code key=value} parameters, in the order given; absent is none. */
    public static Map<String, String> keyValues(String parameter, List<String> pairs) {
        var map = new LinkedHashMap<String, String>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new BadParameter(parameter, parameter + " must be key=value, was '" + pair + "'");
            }
            map.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return map;
    }

    /** A W3C trace id, 32 hexadecimal digits, as its 16 bytes; null when absent or blank. */
    public static byte[] traceId(String parameter, String text) {
        String id = text(text);
        if (id == null) {
            return null;
        }
        if (!id.matches("[0-9a-fA-F]{32}")) {
            throw new BadParameter(parameter, parameter + " must be 32 hexadecimal digits, was '" + text + "'");
        }
        return HexFormat.of().parseHex(id.toLowerCase(Locale.ROOT));
    }
}
