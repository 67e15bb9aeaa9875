package io.headroom.ingest.prometheus;

import java.util.Arrays;

/**
 * Prometheus's rules for a label set, held as names and values alternating: metric and label
 * names from their restricted alphabets, no empty or repeated names, a {@code __name__}.
 * Labels with an empty value are the same as absent ones, as in Prometheus.
 */
public final class PrometheusLabels {

    public static final String METRIC_NAME = "__name__";

    private PrometheusLabels() {
    }

    /**
     * Sorts the pairs by name and drops empty values.
     *
     * @return the cleaned pairs
     * @throws IllegalArgumentException naming the broken rule
     */
    public static String[] normalise(String[] pairs) {
        int count = pairs.length / 2;
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> pairs[2 * a].compareTo(pairs[2 * b]));
        String[] sorted = new String[pairs.length];
        int kept = 0;
        String previous = null;
        for (int index : order) {
            String name = pairs[2 * index];
            String value = pairs[2 * index + 1];
            if (name.isEmpty()) {
                throw new IllegalArgumentException("a label has an empty name");
            }
            if (name.equals(previous)) {
                throw new IllegalArgumentException("label " + name + " appears twice");
            }
            previous = name;
            if (!isValidLabelName(name)) {
                throw new IllegalArgumentException("label name " + quoted(name) + " is not [a-zA-Z_][a-zA-Z0-9_]*");
            }
            if (!value.isEmpty()) {
                sorted[kept++] = name;
                sorted[kept++] = value;
            }
        }
        String[] cleaned = Arrays.copyOf(sorted, kept);
        String metricName = value(cleaned, METRIC_NAME);
        if (metricName == null) {
            throw new IllegalArgumentException("series has no " + METRIC_NAME + " label");
        }
        if (!isValidMetricName(metricName)) {
            throw new IllegalArgumentException("metric name " + quoted(metricName) + " is not [a-zA-Z_:][a-zA-Z0-9_:]*");
        }
        return cleaned;
    }

    /** The value of a label in sorted pairs, or null. */
    public static String value(String[] sortedPairs, String name) {
        for (int i = 0; i < sortedPairs.length; i += 2) {
            if (sortedPairs[i].equals(name)) {
                return sortedPairs[i + 1];
            }
        }
        return null;
    }

    public static boolean isValidMetricName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    public static boolean isValidLabelName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return '"' + shown.replace("\"", "\\\"") + '"';
    }
}
