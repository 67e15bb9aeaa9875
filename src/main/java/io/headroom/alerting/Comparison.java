package io.headroom.alerting;

import java.util.Arrays;

/** How a threshold rule compares its KPI with the threshold. */
public enum Comparison {
    ABOVE(">"),
    AT_LEAST(">="),
    BELOW("<"),
    AT_MOST("<=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double value, double threshold) {
        return switch (this) {
            case ABOVE -> value > threshold;
            case AT_LEAST -> value >= threshold;
            case BELOW -> value < threshold;
            case AT_MOST -> value <= threshold;
        };
    }

    /** @throws IllegalArgumentException naming the symbols */
    public static Comparison of(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol == null ? null : symbol.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("comparison must be one of >, >=, <, <=; was '" + symbol + "'"));
    }
}
