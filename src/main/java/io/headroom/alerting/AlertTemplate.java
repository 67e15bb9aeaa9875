package io.headroom.alerting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's annotation with Prometheus's placeholders: {@code {{ $labels.service }}},
 * {@code {{ $value }}}, optionally piped through {@code humanize} (SI prefixes) or
 * {@code humanizePercentage}. Nothing else of Go's templates: a rule's text is data, and an
 * unknown construct is refused when the rule is saved rather than printed to a pager.
 *
 * <p>Rendering knows where the text goes: substituted values are percent-encoded into a URL
 * ({@link Escaping#URL}), so a label cannot add a path segment, query or scheme to a runbook link;
 * text stays text, and JSON and HTML escape it when they write it.
 */
public final class AlertTemplate {

    /** Where the rendered text is used. */
    public enum Escaping { TEXT, URL }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*\\$(value|labels\\.([A-Za-z_][A-Za-z0-9_]*))\\s*(?:\\|\\s*(humanize|humanizePercentage)\\s*)?");

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String label, String function) implements Part {
    }

    private final List<Part> parts;

    private AlertTemplate(List<Part> parts) {
        this.parts = parts;
    }

    /** @throws IllegalArgumentException saying which placeholder it cannot read */
    public static AlertTemplate parse(String template) {
        var parts = new ArrayList<Part>();
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        while (m.find()) {
            parts.add(new Literal(template.substring(at, m.start())));
            Matcher expression = EXPRESSION.matcher(m.group(1));
            if (!expression.matches()) {
                throw new IllegalArgumentException("cannot read '" + m.group() + "': placeholders are {{ $value }} or "
                        + "{{ $labels.name }}, optionally with | humanize or | humanizePercentage");
            }
            parts.add(new Placeholder(expression.group(2), expression.group(3)));
            at = m.end();
        }
        String rest = template.substring(at);
        if (rest.contains("{{")) {
            throw new IllegalArgumentException("'{{' without its closing '}}' in '" + template + "'");
        }
        parts.add(new Literal(rest));
        return new AlertTemplate(List.copyOf(parts));
    }

    /** @param value null in a gap; an absent label renders empty */
    public String render(Map<String, String> labels, Double value, Escaping escaping) {
        var out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else if (part instanceof Placeholder placeholder) {
                String text = placeholder.label() == null ? format(value, placeholder.function())
                        : labels.getOrDefault(placeholder.label(), "");
                out.append(escaping == Escaping.URL ? URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20") : text);
            }
        }
        return out.toString();
    }

    private static String format(Double value, String function) {
        if (value == null) {
            return "no value";
        }
        if ("humanizePercentage".equals(function)) {
            return humanize(value * 100) + "%";
        }
        if ("humanize".equals(function)) {
            return humanize(value);
        }
        return plain(value);
    }

    /** As Prometheus's {@code humanize}: 4 significant digits and an SI prefix (1.235k, 12.5m). */
    public static String humanize(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return plain(value);
        }
        String[] big = {"", "k", "M", "G", "T", "P", "E"};
        String[] small = {"", "m", "u", "n", "p", "f", "a"};
        double magnitude = Math.abs(value);
        int step = 0;
        if (magnitude >= 1) {
            while (magnitude >= 1000 && step < big.length - 1) {
                magnitude /= 1000;
                step++;
            }
            return significant(Math.copySign(magnitude, value)) + big[step];
        }
        while (magnitude < 1 && step < small.length - 1) {
            magnitude *= 1000;
            step++;
        }
        return significant(Math.copySign(magnitude, value)) + small[step];
    }

    private static String significant(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return Double.toString(value);
    }
}
