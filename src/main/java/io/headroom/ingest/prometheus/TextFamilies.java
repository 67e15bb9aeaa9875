package io.headroom.ingest.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata of a 0.0.4 text exposition, kept as leniently as Prometheus keeps it: HELP and TYPE
 * lines may come in any order, families may interleave, and a sample takes the type of the most
 * recent TYPE line if its name belongs to that family, "untyped" otherwise (Prometheus's
 * isSeriesPartOfFamily). What Prometheus would resolve silently by letting the last line win, a
 * second TYPE with another type for the same family, is refused here: the sink has been told one
 * type and would get samples of another.
 */
final class TextFamilies {

    private final SampleSink sink;
    private final Map<String, Family> declared = new HashMap<>();
    /** Declared but not reported yet: reported just before the next sample line, or at the end. */
    private final List<Family> pending = new ArrayList<>(4);
    private Family lastTyped;

    TextFamilies(SampleSink sink) {
        this.sink = sink;
    }

    void help(String name, String text) {
        Family family = family(name);
        if (family.help == null && !family.reported) {
            family.help = text;
        }
    }

    void type(Scanner s, String name, String type) throws ExpositionParseException {
        Family family = family(name);
        if (family.type == null && !family.reported) {
            family.declareType(type, false);
        } else if (family.type != null && !family.type.equals(type)) {
            throw s.error("second TYPE line for " + name + " says " + type + ", the first said " + family.type);
        } else if (family.type == null && !type.equals(Family.UNTYPED)) {
            throw s.error("TYPE line for " + name + " after samples that followed its HELP line");
        }
        lastTyped = family;
    }

    private Family family(String name) {
        Family family = declared.get(name);
        if (family == null) {
            family = new Family(name, true);
            declared.put(name, family);
            pending.add(family);
        }
        return family;
    }

    /** Reports the families declared since the last sample line. */
    void flush() {
        if (!pending.isEmpty()) {
            for (Family family : pending) {
                family.report(sink, Family.UNTYPED);
            }
            pending.clear();
        }
    }

    String typeOf(byte[] b, int from, int to) {
        Family family = lastTyped;
        return family != null && family.type != null && family.belongs(b, from, to) ? family.type : Family.UNTYPED;
    }
}
