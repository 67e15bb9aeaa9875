package io.headroom.explore.jaeger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in Go's {@code time.ParseDuration} syntax, which Jaeger's query API takes: signed
 * decimal numbers each with a unit, such as {@code 300ms}, {@code 1.5h}, {@code 2h45m},
 * {@code 500us}; units ns, us (µs), ms, s, m, h; a bare {@code 0} is zero.
 */
public final class GoDuration {

    private static final Map<String, Long> GO_UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final Map<String, Long> DAY_UNITS = Map.of("d", 86_400_000_000_000L, "w", 604_800_000_000_000L);
    private static final Pattern COMPONENT = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)([^\\d.]*)");
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /** @throws IllegalArgumentException with Go's reason when the text is not a Go duration */
    public static Duration parse(String text) {
        return parse(text, false);
    }

    /** As {@link #parse}, also with the units the Jaeger UI's lookback choices use: d (24h) and w (7d). */
    static Duration parseWithDays(String text) {
        return parse(text, true);
    }

    private static Duration parse(String text, boolean days) {
        String rest = text;
        boolean negative = rest.startsWith("-");
        if (negative || rest.startsWith("+")) {
            rest = rest.substring(1);
        }
        if (rest.equals("0")) {
            return Duration.ZERO;
        }
        if (rest.isEmpty()) {
            throw invalid("invalid duration", text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        Matcher component = COMPONENT.matcher(rest);
        int at = 0;
        while (at < rest.length()) {
            if (!component.find(at) || component.start() != at) {
                throw invalid("invalid duration", text);
            }
            String unit = component.group(2);
            if (unit.isEmpty()) {
                throw invalid("missing unit in duration", text);
            }
            Long unitNanos = GO_UNITS.containsKey(unit) ? GO_UNITS.get(unit) : days ? DAY_UNITS.get(unit) : null;
            if (unitNanos == null) {
                throw new IllegalArgumentException("unknown unit \"" + unit + "\" in duration \"" + text + "\"");
            }
            nanos = nanos.add(new BigDecimal(component.group(1)).multiply(BigDecimal.valueOf(unitNanos)));
            if (nanos.compareTo(MAX_NANOS) > 0) {
                throw invalid("invalid duration", text);
            }
            at = component.end();
        }
        long whole = nanos.longValue();
        return Duration.ofNanos(negative ? -whole : whole);
    }

    private static IllegalArgumentException invalid(String reason, String text) {
        return new IllegalArgumentException(reason + " \"" + text + "\"");
    }
}
