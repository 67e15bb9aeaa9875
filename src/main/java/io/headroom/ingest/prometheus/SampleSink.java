package io.headroom.ingest.prometheus;

/** Receives what {@link ExpositionParser} reads, in the order of the exposition. */
public interface SampleSink {

    /**
     * One family's metadata as declared by # TYPE / # HELP / # UNIT (type is lower-case: counter,
     * gauge, histogram, summary, untyped/unknown, info, stateset, gaugehistogram). Called at most
     * once per family, before its samples when the exposition declares it first. {@code help} and
     * {@code unit} are null when the exposition does not declare them; {@code type} is "untyped"
     * (text 0.0.4) or "unknown" (OpenMetrics) when only HELP or UNIT is declared.
     */
    default void family(String name, String type, String help, String unit) {
    }

    /**
     * One sample. labels: label names and values alternating, sorted by name, without __name__;
     * never null (an empty array, which may be shared, when the sample has none). timestampMillis:
     * Long.MIN_VALUE when the line has none (OpenMetrics seconds timestamps converted to
     * milliseconds). familyType: the TYPE of the family this sample belongs to ("untyped"/"unknown"
     * when undeclared).
     */
    void sample(String metricName, String familyType, String[] labels, double value, long timestampMillis);
}
