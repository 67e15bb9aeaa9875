package io.headroom.ingest.prometheus;

import java.nio.charset.StandardCharsets;

/**
 * Sample values and timestamps. Values and OpenMetrics timestamps use the syntax Prometheus accepts: Go's
 * {@code strconv.ParseFloat} without hexadecimal floats or underscores. That is an optional sign,
 * decimal digits with an optional point and exponent, {@code Inf}/{@code Infinity} with an optional
 * sign and {@code NaN}, the words in any case. A finite number too large for a double is refused, as
 * Go refuses it; one too small becomes 0, as in Go.
 */
final class Numbers {

    /** Powers of ten a double holds exactly. */
    private static final double[] EXACT_POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_MANTISSA = 1L << 53;
    private static final int MAX_DIGITS = 18;

    private Numbers() {
    }

    static double parse(Scanner s, int from, int to, String what) throws ExpositionParseException {
        byte[] b = s.b;
        int p = from;
        boolean negative = false;
        if (p < to && (b[p] == '+' || b[p] == '-')) {
            negative = b[p] == '-';
            p++;
        }
        if (p < to && ((b[p] | 0x20) == 'i' || (b[p] | 0x20) == 'n')) {
            return word(s, from, p, to, negative, what);
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean anyDigit = false;
        for (; p < to && b[p] >= '0' && b[p] <= '9'; p++) {
            anyDigit = true;
            if (mantissa != 0 || b[p] != '0') {
                if (digits < MAX_DIGITS) {
                    mantissa = mantissa * 10 + (b[p] - '0');
                } else {
                    scale++;
                }
                digits++;
            }
        }
        if (p < to && b[p] == '.') {
            for (p++; p < to && b[p] >= '0' && b[p] <= '9'; p++) {
                anyDigit = true;
                if (mantissa == 0 && b[p] == '0') {
                    scale--;
                } else if (digits < MAX_DIGITS) {
                    mantissa = mantissa * 10 + (b[p] - '0');
                    scale--;
                    digits++;
                } else {
                    digits++;
                }
            }
        }
        if (!anyDigit) {
            throw s.invalid(what, from, to);
        }
        int exponent = 0;
        if (p < to && (b[p] | 0x20) == 'e') {
            p++;
            boolean negativeExponent = false;
            if (p < to && (b[p] == '+' || b[p] == '-')) {
                negativeExponent = b[p] == '-';
                p++;
            }
            int start = p;
            for (; p < to && b[p] >= '0' && b[p] <= '9'; p++) {
                // Capped: past 10^5 the value is 0 or out of range either way, and the cap keeps int arithmetic safe.
                exponent = Math.min(exponent * 10 + (b[p] - '0'), 100_000);
            }
            if (p == start) {
                throw s.invalid(what, from, to);
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (p != to) {
            throw s.invalid(what, from, to);
        }
        double value;
        int power = scale + exponent;
        if (mantissa == 0) {
            value = 0;
        } else if (digits <= MAX_DIGITS && mantissa < EXACT_MANTISSA && power >= -22 && power <= 22) {
            // Both factors are exact doubles, so one multiplication or division rounds correctly (Clinger's fast path).
            value = power >= 0 ? mantissa * EXACT_POWERS[power] : mantissa / EXACT_POWERS[-power];
        } else {
            // The syntax was checked above and is a subset of Java's, so this cannot throw.
            value = Math.abs(Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1)));
            if (Double.isInfinite(value)) {
                throw s.error(what + " out of range: " + s.quote(from, to));
            }
        }
        return negative ? -value : value;
    }

    /** The 0.0.4 text format's timestamp: digits only, milliseconds. */
    static long integerTimestamp(Scanner s, int from, int to) throws ExpositionParseException {
        long v = 0;
        for (int p = from; p < to; p++) {
            int d = s.b[p] - '0';
            if (d < 0 || d > 9) {
                throw s.invalid("timestamp (integer milliseconds expected)", from, to);
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw s.error("timestamp out of range: " + s.quote(from, to));
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** OpenMetrics timestamps are seconds, possibly fractional; converted as Prometheus does (truncated). */
    static long secondsTimestamp(Scanner s, int from, int to, String what) throws ExpositionParseException {
        double millis = parse(s, from, to, what) * 1000;
        if (Double.isNaN(millis) || Math.abs(millis) >= 0x1p63) {
            throw s.invalid(what, from, to);
        }
        return (long) millis;
    }

    /** Inf, Infinity or NaN in any case; NaN takes no sign, as in Go. */
    private static double word(Scanner s, int from, int p, int to, boolean negative, String what)
        throws ExpositionParseException {
        if (equalsIgnoreCase(s.b, p, to, "inf") || equalsIgnoreCase(s.b, p, to, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (p == from && equalsIgnoreCase(s.b, p, to, "nan")) {
            return Double.NaN;
        }
        throw s.invalid(what, from, to);
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, int to, String lowerCase) {
        if (to - from != lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            if ((b[from + i] | 0x20) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
