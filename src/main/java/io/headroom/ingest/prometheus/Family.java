package io.headroom.ingest.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A metric family's metadata and which sample names belong to it. */
final class Family {

    static final String COUNTER = "counter";
    static final String GAUGE = "gauge";
    static final String HISTOGRAM = "histogram";
    static final String SUMMARY = "summary";
    static final String UNTYPED = "untyped";
    static final String UNKNOWN = "unknown";
    static final String INFO = "info";
    static final String STATESET = "stateset";
    static final String GAUGEHISTOGRAM = "gaugehistogram";

    /**
     * Sample names of a 0.0.4 family, after Prometheus's isSeriesPartOfFamily: the name alone counts
     * too, and a counter may be declared with or without {@code _total}.
     */
    private static final Map<String, byte[][]> TEXT_SUFFIXES = bytes(Map.of(
        COUNTER, new String[] {"", "_total"},
        HISTOGRAM, new String[] {"", "_bucket", "_sum", "_count"},
        SUMMARY, new String[] {"", "_sum", "_count"}));

    /** Sample names of an OpenMetrics 1.0 family, as the specification lists them per type. */
    private static final Map<String, byte[][]> OPENMETRICS_SUFFIXES = bytes(Map.of(
        COUNTER, new String[] {"_total", "_created"},
        HISTOGRAM, new String[] {"_bucket", "_count", "_sum", "_created"},
        GAUGEHISTOGRAM, new String[] {"_bucket", "_gcount", "_gsum"},
        SUMMARY, new String[] {"", "_count", "_sum", "_created"},
        INFO, new String[] {"_info"}));

    private static final byte[][] NAME_ONLY = {{}};

    final String name;
    private final byte[] nameBytes;
    /** Null until a TYPE line declares it. */
    String type;
    String help;
    String unit;
    /** Whether the family came from metadata lines rather than from a sample alone. */
    final boolean declared;
    boolean reported;
    boolean hasSamples;

    private int baseLength;
    private byte[][] suffixes;

    Family(String name, boolean declared) {
        this.name = name;
        this.nameBytes = name.getBytes(StandardCharsets.ISO_8859_1);
        this.declared = declared;
        this.baseLength = nameBytes.length;
        this.suffixes = NAME_ONLY;
    }

    void declareType(String type, boolean openMetrics) {
        this.type = type;
        boolean totalInName = !openMetrics && type.equals(COUNTER) && name.endsWith("_total");
        baseLength = nameBytes.length - (totalInName ? "_total".length() : 0);
        suffixes = (openMetrics ? OPENMETRICS_SUFFIXES : TEXT_SUFFIXES).getOrDefault(type, NAME_ONLY);
    }

    private static Map<String, byte[][]> bytes(Map<String, String[]> suffixes) {
        Map<String, byte[][]> bytes = new HashMap<>();
        suffixes.forEach((type, names) -> bytes.put(type,
            Arrays.stream(names).map(n -> n.getBytes(StandardCharsets.ISO_8859_1)).toArray(byte[][]::new)));
        return Map.copyOf(bytes);
    }

    /** Whether the sample name in {@code b[from, to)} is one of this family's. */
    boolean belongs(byte[] b, int from, int to) {
        int suffixLength = to - from - baseLength;
        if (suffixLength < 0 || !Arrays.equals(nameBytes, 0, baseLength, b, from, from + baseLength)) {
            return false;
        }
        for (byte[] suffix : suffixes) {
            if (suffix.length == suffixLength && Arrays.equals(suffix, 0, suffixLength, b, from + baseLength, to)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code suffix} makes a sample name of this family, e.g. "_total" for a counter. */
    boolean accepts(String suffix) {
        for (byte[] s : suffixes) {
            if (s.length == suffix.length() && new String(s, StandardCharsets.ISO_8859_1).equals(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** "foo_total or foo_created", for messages. */
    String sampleNames() {
        StringJoiner names = new StringJoiner(" or ");
        String base = name.substring(0, baseLength);
        for (byte[] suffix : suffixes) {
            names.add(base + new String(suffix, StandardCharsets.ISO_8859_1));
        }
        return names.toString();
    }

    void report(SampleSink sink, String undeclaredType) {
        reported = true;
        sink.family(name, type != null ? type : undeclaredType, help, unit);
    }
}
