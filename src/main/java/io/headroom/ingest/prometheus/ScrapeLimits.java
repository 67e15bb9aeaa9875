package io.headroom.ingest.prometheus;

/**
 * What one scrape may contain before it is refused as a whole, as Prometheus's {@code sample_limit},
 * {@code label_limit}, {@code label_name_length_limit} and {@code label_value_length_limit} do. A
 * value of 0 means no limit, as in Prometheus's scrape configuration.
 *
 * <p>As in Prometheus, the metric name counts as the value of the {@code __name__} label: it is held
 * to {@code maxLabelValueLength}, while {@code maxLabelNameLength} applies to label names. Unlike
 * Prometheus, {@code maxLabelsPerSample} counts the labels written in the exposition, without
 * {@code __name__} and before any target labels are added. Lengths are in UTF-8 bytes after
 * unescaping.
 *
 * @param maxSamples samples in one exposition
 * @param maxLabelsPerSample labels in one sample's label set
 * @param maxLabelNameLength bytes in one label name
 * @param maxLabelValueLength bytes in one label value or metric name
 */
public record ScrapeLimits(int maxSamples, int maxLabelsPerSample, int maxLabelNameLength, int maxLabelValueLength) {

    /** 50,000 samples, 64 labels, 256-byte names, 2,048-byte values. */
    public static final ScrapeLimits DEFAULT = new ScrapeLimits(50_000, 64, 256, 2048);

    public ScrapeLimits {
        if (maxSamples < 0 || maxLabelsPerSample < 0 || maxLabelNameLength < 0 || maxLabelValueLength < 0) {
            throw new IllegalArgumentException("limits must be 0 (no limit) or positive: " + maxSamples + ", "
                + maxLabelsPerSample + ", " + maxLabelNameLength + ", " + maxLabelValueLength);
        }
    }

    static boolean exceeds(int value, int limit) {
        return limit > 0 && value > limit;
    }
}
