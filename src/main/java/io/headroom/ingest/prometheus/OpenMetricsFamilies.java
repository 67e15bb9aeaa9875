package io.headroom.ingest.prometheus;

import java.util.HashMap;
import java.util.Map;

/**
 * The metric families of an OpenMetrics exposition, with the rules of the specification that
 * Prometheus's parser leaves unchecked: a family's metadata comes before its samples and at most
 * once per kind; a family's lines stay together; a sample belongs to the family before it only
 * with the names its type allows (a counter's are {@code _total} and {@code _created}), and any
 * other name starts a family of type "unknown". So {@code # TYPE foo counter} followed by
 * {@code foo 1} is refused, and so is {@code # TYPE foo_total counter} followed by
 * {@code foo_total 1}: OpenMetrics declares a counter by its name without {@code _total}.
 */
final class OpenMetricsFamilies {

    /** Suffixes some type adds to its family name, to find a sample's family among earlier ones. */
    private static final String[] SUFFIXES = {"_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"};

    private final SampleSink sink;
    private final Map<String, Family> seen = new HashMap<>();
    private Family current;

    OpenMetricsFamilies(SampleSink sink) {
        this.sink = sink;
    }

    /** A HELP, TYPE or UNIT line; {@code text} is already unescaped, a type already checked. */
    void metadata(Scanner s, String keyword, String name, String text) throws ExpositionParseException {
        Family family = current;
        if (family == null || !family.name.equals(name)) {
            if (seen.containsKey(name)) {
                throw s.error("metric family " + name + " appears twice; OpenMetrics keeps a family's lines together");
            }
            finish();
            family = new Family(name, true);
            seen.put(name, family);
            current = family;
        } else if (family.hasSamples) {
            throw s.error(keyword + " line for " + name + " after its samples");
        }
        boolean repeated = switch (keyword) {
            case "HELP" -> family.help != null;
            case "TYPE" -> family.type != null;
            default -> family.unit != null;
        };
        if (repeated) {
            throw s.error("second " + keyword + " line for " + name);
        }
        switch (keyword) {
            case "HELP" -> family.help = text;
            case "TYPE" -> family.declareType(text, true);
            default -> family.unit = text;
        }
        if (family.unit != null && !family.unit.isEmpty()
            && (Family.INFO.equals(family.type) || Family.STATESET.equals(family.type))) {
            throw s.error(family.type + " family " + name + " cannot have a unit");
        }
    }

    /** The type of the family the sample named {@code name} (at {@code b[from, to)}) belongs to. */
    String sampleType(Scanner s, int from, int to, String name) throws ExpositionParseException {
        Family family = current;
        if (family != null && family.belongs(s.b, from, to)) {
            if (family.declared && !family.reported) {
                family.report(sink, Family.UNKNOWN);
            }
            family.hasSamples = true;
            return family.type != null ? family.type : Family.UNKNOWN;
        }
        if (family != null && family.name.equals(name)) {
            String type = family.type != null ? family.type : Family.UNKNOWN;
            throw s.error("sample " + name + " does not fit " + type + " family " + name + ", expected "
                + family.sampleNames());
        }
        refuseEarlierFamily(s, name);
        finish();
        Family undeclared = new Family(name, false);
        undeclared.hasSamples = true;
        seen.put(name, undeclared);
        current = undeclared;
        return Family.UNKNOWN;
    }

    private void refuseEarlierFamily(Scanner s, String name) throws ExpositionParseException {
        Family earlier = seen.get(name);
        for (int i = 0; earlier == null && i < SUFFIXES.length; i++) {
            if (name.endsWith(SUFFIXES[i])) {
                Family base = seen.get(name.substring(0, name.length() - SUFFIXES[i].length()));
                earlier = base != null && base.accepts(SUFFIXES[i]) ? base : null;
            }
        }
        if (earlier != null) {
            throw s.error("sample " + name + " of metric family " + earlier.name
                + " after other families; OpenMetrics keeps a family's lines together");
        }
    }

    /** Reports the current family if only metadata declared it; called when it ends. */
    void finish() {
        Family family = current;
        if (family != null && family.declared && !family.reported) {
            family.report(sink, Family.UNKNOWN);
        }
    }
}
