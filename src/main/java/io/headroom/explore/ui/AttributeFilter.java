package io.headroom.explore.ui;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attribute field of the Traces and Logs views, written as Jaeger's search form takes tags
 * (logfmt): {@code http.route=/cart http.status_code=500 user.name="Ada Lovelace"}. Every pair
 * must match; a value with spaces is quoted, {@code \"} and {@code \\} escape inside quotes.
 */
final class AttributeFilter {

    static final String EXAMPLE = "http.route=/cart http.status_code=500";

    private AttributeFilter() {
    }

    /**
     * @return the pairs in the order written
     * @throws IllegalArgumentException saying what is wrong, for the field's error message
     */
    static Map<String, String> parse(String text) {
        var pairs = new LinkedHashMap<String, String>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return pairs;
            }
            int keyStart = i;
            while (i < n && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n || text.charAt(i) != '=' || i == keyStart) {
                throw new IllegalArgumentException("Write key=value pairs separated by spaces, for example " + EXAMPLE);
            }
            String key = text.substring(keyStart, i);
            i++;
            var value = new StringBuilder();
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (i < n && text.charAt(i) != '"') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < n) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                if (i == n) {
                    throw new IllegalArgumentException("The value of " + key + " opens a quote it does not close");
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    value.append(text.charAt(i++));
                }
            }
            if (pairs.put(key, value.toString()) != null) {
                throw new IllegalArgumentException(key + " is given twice; an attribute has one value");
            }
        }
    }
}
