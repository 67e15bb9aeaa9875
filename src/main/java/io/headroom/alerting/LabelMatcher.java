package io.headroom.alerting;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One of Alertmanager's label matchers, as its routes and silences write them:
 * {@code severity="critical"}, {@code service=~"cart|checkout"}, {@code team!="db"},
 * {@code env!~"dev.*"}. Regular expressions match the whole value; an absent label is the
 * empty string, as in Alertmanager.
 */
public record LabelMatcher(String name, Operator operator, String value) {

    public enum Operator {
        EQUAL("="), NOT_EQUAL("!="), MATCHES("=~"), NOT_MATCHES("!~");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern SYNTAX = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|!~|!=|=)\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^\"\\s]*))\\s*");

    public LabelMatcher {
        if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("matcher " + name + operator.symbol() + "\"" + value
                        + "\" is not a valid regular expression: " + e.getDescription());
            }
        }
    }

    /** @throws IllegalArgumentException showing the expected form */
    public static LabelMatcher parse(String text) {
        Matcher m = SYNTAX.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("matcher must be like severity=\"critical\", service=~\"cart|checkout\", "
                    + "team!=\"db\" or env!~\"dev.*\"; was '" + text + "'");
        }
        Operator operator = switch (m.group(2)) {
            case "=" -> Operator.EQUAL;
            case "!=" -> Operator.NOT_EQUAL;
            case "=~" -> Operator.MATCHES;
            default -> Operator.NOT_MATCHES;
        };
        String value = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(4);
        return new LabelMatcher(m.group(1), operator, value);
    }

    /**
     * Matchers as Alertmanager and PromQL write a selector: {@code {service="cart", severity=~"warning|info"}},
     * braces optional; commas inside quoted values belong to the value.
     *
     * @throws IllegalArgumentException naming the matcher at fault
     */
    public static java.util.List<LabelMatcher> parseList(String text) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        var matchers = new java.util.ArrayList<LabelMatcher>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted && c == '\\' && i + 1 < body.length()) {
                current.append(c).append(body.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                addParsed(matchers, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addParsed(matchers, current.toString());
        return matchers;
    }

    private static void addParsed(java.util.List<LabelMatcher> matchers, String text) {
        if (!text.isBlank()) {
            matchers.add(parse(text));
        }
    }

    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        return switch (operator) {
            case EQUAL -> actual.equals(value);
            case NOT_EQUAL -> !actual.equals(value);
            case MATCHES -> Pattern.compile(value).matcher(actual).matches();
            case NOT_MATCHES -> !Pattern.compile(value).matcher(actual).matches();
        };
    }

    @Override
    public String toString() {
        return name + operator.symbol() + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
