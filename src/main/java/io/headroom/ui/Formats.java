package io.headroom.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** How numbers read in every view: fixed units, enough digits to compare, none to spare. */
public final class Formats {

    private Formats() {
    }

    public static String rate(double perSecond) {
        if (perSecond == 0) {
            return "0 req/s";
        }
        if (perSecond >= 1000) {
            return String.format(Locale.ROOT, "%.1fk req/s", perSecond / 1000);
        }
        return String.format(Locale.ROOT, perSecond >= 10 ? "%.0f req/s" : perSecond >= 1 ? "%.1f req/s" : "%.2f req/s", perSecond);
    }

    /** A plain number without a trailing ".0": 2.5, 6, 0.25. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    public static String percent(double fraction) {
        double percent = fraction * 100;
        if (percent == 0) {
            return "0 %";
        }
        double size = Math.abs(percent);
        return String.format(Locale.ROOT, size >= 10 ? "%.0f %%" : size >= 0.1 ? "%.1f %%" : "%.2f %%", percent);
    }

    /**
     * A fraction as the percentage a form field shows: 3.7 for 0.037, not the 3.6999999999999997
     * that multiplying in binary gives. Rounded to 6 decimals, far finer than anyone types.
     */
    public static double percentOf(double fraction) {
        return Math.round(fraction * 1e8) / 1e6;
    }

    /** The fraction a percentage typed into a form field means, without binary artefacts: 0.037 for 3.7. */
    public static double fractionOf(double percent) {
        return Math.round(percent * 1e6) / 1e8;
    }

    /**
     * A share measured against an objective, with the digits that distinguish 99.9 from 99.95:
     * up to three decimals, none trailing ("99 %", "99.9 %", "99.953 %").
     */
    public static String share(double fraction) {
        return new java.math.BigDecimal(fraction * 100).setScale(3, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString() + " %";
    }

    /** "1 span", "2 spans": a count with its noun, plural by adding an s. */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    public static String millis(Double ms) {
        if (ms == null) {
            return "–";
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms >= 100 ? "%.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    /**
     * An amount of money in the prices' own currency (Headroom does not know which): two decimals
     * from 1 up, three significant digits below, so a cost per request of 0.0000231 still compares.
     */
    public static String money(Double amount) {
        if (amount == null) {
            return "–";
        }
        if (amount == 0) {
            return "0";
        }
        if (Math.abs(amount) >= 1) {
            return String.format(Locale.ROOT, "%,.2f", amount);
        }
        return new java.math.BigDecimal(amount).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative() || age.toSeconds() < 1) {
            return "just now";
        }
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s ago";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " d ago";
    }
}
