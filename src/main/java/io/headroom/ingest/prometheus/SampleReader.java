package io.headroom.ingest.prometheus;

/**
 * What both formats do with a sample line's pieces: names and label values made into Strings
 * within the limits, the label set sorted and checked, the sample counted and handed to the sink.
 */
final class SampleReader {

    private final Scanner s;
    private final ScrapeLimits limits;
    private final SampleSink sink;
    final LabelBuffer labels;
    int nameStart;
    int nameEnd;
    private int samples;

    SampleReader(Scanner s, ScrapeLimits limits, SampleSink sink) {
        this.s = s;
        this.limits = limits;
        this.sink = sink;
        this.labels = new LabelBuffer(limits.maxLabelsPerSample());
    }

    /**
     * At a sample line's first byte {@code c}: its metric name, moving past it and clearing the
     * labels. {@link #nameStart} and {@link #nameEnd} locate the name in the body. As in Prometheus
     * the metric name is the value of __name__ for the limits.
     */
    String startSample(int c, String expected) throws ExpositionParseException {
        if (!Scanner.isMetricStart(c)) {
            throw s.error(c == '{'
                ? "metric name missing before '{' (quoted UTF-8 metric names are not supported)"
                : "expected " + expected + ", found " + s.found());
        }
        nameStart = s.pos;
        nameEnd = s.scanMetricName();
        if (ScrapeLimits.exceeds(nameEnd - nameStart, limits.maxLabelValueLength())) {
            throw s.limit("metric name longer than " + limits.maxLabelValueLength() + " bytes: "
                + s.quote(nameStart, nameEnd));
        }
        labels.clear();
        return s.scannedName(nameStart, nameEnd);
    }

    /** At a label name's first character: the name, moving past it. */
    String labelName() throws ExpositionParseException {
        int from = s.pos;
        int to = s.scanLabelName();
        if (ScrapeLimits.exceeds(to - from, limits.maxLabelNameLength())) {
            throw s.limit("label name longer than " + limits.maxLabelNameLength() + " bytes: " + s.quote(from, to));
        }
        String name = s.scannedName(from, to);
        if (name.equals("__name__")) {
            throw s.error("label __name__ repeats the metric name");
        }
        return name;
    }

    /** At the opening quote of {@code name}'s value: the value, unescaped, moving past the closing quote. */
    String labelValue(String name, boolean lineBreaksAllowed) throws ExpositionParseException {
        s.scanQuoted(lineBreaksAllowed, "value of label", name);
        String value = s.quotedValue(limits.maxLabelValueLength());
        if (value == null) {
            throw s.limit("value of label " + name + " longer than " + limits.maxLabelValueLength() + " bytes");
        }
        return value;
    }

    void emit(String name, String type, double value, long timestampMillis) throws ExpositionParseException {
        if (ScrapeLimits.exceeds(++samples, limits.maxSamples())) {
            throw s.limit("sample limit " + limits.maxSamples() + " exceeded");
        }
        sink.sample(name, type, labels.sorted(s), value, timestampMillis);
    }
}
