package io.headroom.ingest.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records what the parser reports, in order, and checks the {@link SampleSink} contract on every
 * call: labels never null, names and values alternating and sorted by name without repeats, no
 * __name__, every family reported once and before its samples' first line.
 */
final class RecordingSink implements SampleSink {

    record Family(String name, String type, String help, String unit) {
    }

    record Sample(String name, String type, Map<String, String> labels, double value, long timestamp) {

        String label(String labelName) {
            return labels.get(labelName);
        }
    }

    final List<Family> families = new ArrayList<>();
    final List<Sample> samples = new ArrayList<>();
    /** "family NAME" and "sample NAME" in call order. */
    final List<String> calls = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    static RecordingSink text(String body) throws ExpositionParseException {
        return parse(ExpositionFormat.PROMETHEUS_TEXT_0_0_4, body, ScrapeLimits.DEFAULT);
    }

    static RecordingSink openMetrics(String body) throws ExpositionParseException {
        return parse(ExpositionFormat.OPENMETRICS_1_0_0, body, ScrapeLimits.DEFAULT);
    }

    static RecordingSink parse(ExpositionFormat format, String body, ScrapeLimits limits) throws ExpositionParseException {
        return parse(format, body.getBytes(StandardCharsets.UTF_8), limits);
    }

    static RecordingSink parse(ExpositionFormat format, byte[] body, ScrapeLimits limits) throws ExpositionParseException {
        RecordingSink sink = new RecordingSink();
        ExpositionParser.parse(body, body.length, format, limits, sink);
        return sink;
    }

    @Override
    public void family(String name, String type, String help, String unit) {
        if (name == null || name.isEmpty() || type == null || !reported.add(name)) {
            throw new AssertionError("family reported twice or without name/type: " + name + " " + type);
        }
        families.add(new Family(name, type, help, unit));
        calls.add("family " + name);
    }

    @Override
    public void sample(String metricName, String familyType, String[] labels, double value, long timestampMillis) {
        if (metricName == null || metricName.isEmpty() || familyType == null || labels == null || labels.length % 2 != 0) {
            throw new AssertionError("malformed sample " + metricName + " " + familyType);
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            if (labels[i] == null || labels[i + 1] == null || labels[i].equals("__name__")
                || (i > 0 && labels[i - 2].compareTo(labels[i]) >= 0)) {
                throw new AssertionError("labels not sorted, repeated or null: " + String.join(",", labels));
            }
            map.put(labels[i], labels[i + 1]);
        }
        samples.add(new Sample(metricName, familyType, map, value, timestampMillis));
        calls.add("sample " + metricName);
    }

    Sample sample(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no sample " + name + " in " + samples));
    }

    Sample sample(String name, String labelName, String labelValue) {
        return samples.stream().filter(s -> s.name().equals(name) && labelValue.equals(s.label(labelName))).findFirst()
            .orElseThrow(() -> new AssertionError("no sample " + name + "{" + labelName + "=" + labelValue + "}"));
    }

    Family family(String name) {
        return families.stream().filter(f -> f.name().equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no family " + name + " in " + families));
    }
}
