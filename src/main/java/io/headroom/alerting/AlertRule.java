package io.headroom.alerting;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A rule: when its condition holds for a service (for {@code timing.forDuration()}), that
 * service's alert fires. Its alerts carry {@code labels} plus {@code alertname}, {@code service}
 * and {@code severity}, and {@code annotations} rendered from templates ({@code summary},
 * {@code description}, {@code runbook_url} by convention).
 *
 * @param id null until saved
 */
public record AlertRule(Long id, String name, RuleCondition condition, AlertTiming timing, Map<String, String> labels,
        Map<String, String> annotations, boolean enabled) {

    public static final String RUNBOOK_URL = "runbook_url";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> SET_BY_HEADROOM = Set.of("alertname", "service");
    private static final int MAX_LABELS = 30;
    private static final int MAX_TEXT = 4_000;

    /** @throws IllegalArgumentException naming what is wrong */
    public AlertRule {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 100) {
            throw new IllegalArgumentException("name must be a Prometheus-style alert name (letters, digits, _; not starting "
                    + "with a digit; at most 100 characters), such as HighP99; was '" + name + "'");
        }
        if (condition == null) {
            throw new IllegalArgumentException("a rule needs a condition");
        }
        timing = timing == null ? AlertTiming.IMMEDIATE : timing;
        labels = checkedLabels(labels);
        annotations = checkedAnnotations(annotations);
    }

    /** The labels every alert of this rule carries for {@code service}. */
    public Map<String, String> alertLabels(String service) {
        var all = new TreeMap<>(labels);
        if (condition instanceof RuleCondition.BurnRate burn) {
            all.putIfAbsent("severity", burn.level().severity());
        }
        all.put("alertname", name);
        all.put("service", service);
        return all;
    }

    /**
     * The annotations rendered for one alert. A {@code runbook_url} that does not render to an
     * http(s) URL or a path on Headroom is left out rather than sent as a link.
     */
    public Map<String, String> renderAnnotations(Map<String, String> alertLabels, Double value) {
        var rendered = new TreeMap<String, String>();
        annotations.forEach((key, template) -> {
            boolean url = key.equals(RUNBOOK_URL);
            String text = AlertTemplate.parse(template).render(alertLabels, value,
                    url ? AlertTemplate.Escaping.URL : AlertTemplate.Escaping.TEXT);
            if (!url || isLink(text)) {
                rendered.put(key, text);
            }
        });
        return rendered;
    }

    /** An absolute http(s) URL, or a path on Headroom itself ({@code /runbooks/high-latency}). */
    public static boolean isLink(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null) {
                return text.startsWith("/") && !text.startsWith("//") && uri.getRawAuthority() == null;
            }
            String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public AlertRule withId(long newId) {
        return new AlertRule(newId, name, condition, timing, labels, annotations, enabled);
    }

    private static Map<String, String> checkedLabels(Map<String, String> labels) {
        var checked = new TreeMap<String, String>();
        if (labels == null) {
            return checked;
        }
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException("a rule has at most " + MAX_LABELS + " labels");
        }
        labels.forEach((key, value) -> {
            if (key == null || !NAME.matcher(key).matches() || key.startsWith("__")) {
                throw new IllegalArgumentException("label name '" + key + "' must be letters, digits and _, not starting with a digit or __");
            }
            if (SET_BY_HEADROOM.contains(key)) {
                throw new IllegalArgumentException("label '" + key + "' is set by Headroom (the rule's name and the service)");
            }
            checked.put(key, requireText("label " + key, value));
        });
        return checked;
    }

    private static Map<String, String> checkedAnnotations(Map<String, String> annotations) {
        var checked = new TreeMap<String, String>();
        if (annotations == null) {
            return checked;
        }
        if (annotations.size() > MAX_LABELS) {
            throw new IllegalArgumentException("a rule has at most " + MAX_LABELS + " annotations");
        }
        annotations.forEach((key, template) -> {
            if (key == null || !NAME.matcher(key).matches()) {
                throw new IllegalArgumentException("annotation name '" + key + "' must be letters, digits and _");
            }
            AlertTemplate parsed;
            try {
                parsed = AlertTemplate.parse(requireText("annotation " + key, template));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("annotation " + key + ": " + e.getMessage(), e);
            }
            if (key.equals(RUNBOOK_URL) && !isLink(parsed.render(Map.of(), 1.0, AlertTemplate.Escaping.URL))) {
                throw new IllegalArgumentException("runbook_url must be an http or https URL, or a path on Headroom such as "
                        + "/runbooks/high-latency; was '" + template + "'");
            }
            checked.put(key, template);
        });
        return checked;
    }

    private static String requireText(String what, String text) {
        if (text == null || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " must be text of at most " + MAX_TEXT + " characters");
        }
        return text;
    }
}
