package io.headroom.alerting;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An alert an Alertmanager sent to {@code POST /api/v1/alertmanager}. Its fingerprint is computed
 * from its labels as Alertmanager computes it, so it matches the sender's and deduplicates the
 * same alert arriving again (or raised by Headroom's own rules). Labels and annotations are kept
 * as text; the limits keep one hostile payload from filling the database.
 *
 * @param endsAt null when the sender set none (Alertmanager's zero time)
 */
public record ExternalAlert(String fingerprint, Map<String, String> labels, Map<String, String> annotations, boolean firing,
        Instant startsAt, Instant endsAt, String generatorUrl, String receiver, Instant receivedAt) {

    public static final int MAX_LABELS = 64;
    public static final int MAX_ANNOTATIONS = 64;
    public static final int MAX_VALUE_CHARS = 4096;
    public static final int MAX_ANNOTATION_CHARS = 16_384;
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public ExternalAlert {
        labels = checked("labels", labels, MAX_LABELS, MAX_VALUE_CHARS);
        annotations = checked("annotations", annotations, MAX_ANNOTATIONS, MAX_ANNOTATION_CHARS);
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one label");
        }
        if (startsAt == null) {
            throw new IllegalArgumentException("startsAt is required");
        }
        if (generatorUrl != null && generatorUrl.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException("generatorURL is at most " + MAX_VALUE_CHARS + " characters");
        }
        fingerprint = Fingerprints.of(labels);
    }

    /** Whether it fires at {@code now}: sent as firing, and its end (when it has one) not reached. */
    public boolean firingAt(Instant now) {
        return firing && (endsAt == null || endsAt.isAfter(now));
    }

    public String name() {
        return labels.getOrDefault("alertname", "");
    }

    /** Its runbook link when the annotation is one Headroom will link to (http, https or a Headroom path), else null. */
    public String runbookUrl() {
        String url = annotations.get(AlertRule.RUNBOOK_URL);
        return url != null && AlertRule.isLink(url) ? url : null;
    }

    private static Map<String, String> checked(String what, Map<String, String> map, int maxEntries, int maxChars) {
        if (map == null) {
            return Map.of();
        }
        if (map.size() > maxEntries) {
            throw new IllegalArgumentException("an alert has at most " + maxEntries + " " + what + "; one has " + map.size());
        }
        var copy = new TreeMap<String, String>();
        map.forEach((name, value) -> {
            if (name == null || !LABEL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(what + " names are like [A-Za-z_][A-Za-z0-9_]* (up to 128 characters); '"
                        + abbreviated(String.valueOf(name)) + "' is not one");
            }
            if (value == null) {
                throw new IllegalArgumentException(what + "." + name + " must be a string");
            }
            if (value.length() > maxChars) {
                throw new IllegalArgumentException(what + "." + name + " is at most " + maxChars + " characters");
            }
            copy.put(name, value);
        });
        return copy;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
