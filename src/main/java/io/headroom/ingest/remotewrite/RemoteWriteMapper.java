package io.headroom.ingest.remotewrite;

import java.util.List;

import io.headroom.ingest.http.Rejections;
import io.headroom.ingest.prometheus.PrometheusLabels;
import io.headroom.ingest.prometheus.PrometheusSeries;
import io.headroom.ingest.prometheus.PrometheusSeries.Stored;
import io.headroom.ingest.remotewrite.WriteRequest.TimeSeries;
import io.headroom.store.InvalidTelemetryException;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.TelemetryBatch;
import org.springframework.stereotype.Component;

/**
 * Turns a decoded {@link WriteRequest} into sample rows. A series is looked up by a hash of
 * the bytes of its labels ({@link LabelSetIndex}), so the label set a sender repeats every
 * request is decoded and validated once; an invalid series loses its samples alone, with the reason counted. A sample carrying
 * Prometheus's stale marker is stored as the end of its series.
 */
@Component
class RemoteWriteMapper {

    /** The exact NaN Prometheus writes to mark a series stale (value.StaleNaN), unlike an ordinary NaN sample. */
    static final long STALE_NAN_BITS = 0x7ff0000000000002L;
    /** Remote-write samples carry no type; metadata travels separately and is not stored. */
    static final String METRIC_TYPE = "unknown";
    private static final int KNOWN_SERIES_CAPACITY = 500_000;

    private final PrometheusSeries series;
    private final PartitionMaintenance partitions;
    private final LabelSetIndex known = new LabelSetIndex(KNOWN_SERIES_CAPACITY);

    RemoteWriteMapper(PrometheusSeries series, PartitionMaintenance partitions) {
        this.series = series;
        this.partitions = partitions;
    }

    TelemetryBatch map(WriteRequest request, Rejections rejections) {
        List<TimeSeries> all = request.series();
        int samples = all.stream().mapToInt(TimeSeries::sampleCount).sum();
        TelemetryBatch.Builder batch = TelemetryBatch.builderForSamples(samples).digest(request.digest());
        long[][] keys = new long[all.size()][];
        for (int s = 0; s < keys.length; s++) {
            TimeSeries timeSeries = all.get(s);
            keys[s] = LabelSetIndex.hash(timeSeries.labels(), timeSeries.labelsOffset(), timeSeries.labelsLength());
        }
        Stored[] found = known.find(keys);
        for (int s = 0; s < keys.length; s++) {
            TimeSeries timeSeries = all.get(s);
            if (timeSeries.nativeHistograms() > 0) {
                rejections.reject("native_histogram_unsupported",
                        "native histograms are not stored; send classic histograms", timeSeries.nativeHistograms());
            }
            Stored stored = found[s];
            int first = timeSeries.firstSample();
            for (int i = 0; i < timeSeries.sampleCount(); i++) {
                long millis = request.timestampsMillis()[first + i];
                if (!partitions.acceptsMillis(millis)) {
                    rejections.reject("out_of_bounds", "a sample at " + millis + " ms is outside the retention window or more than a day ahead");
                    continue;
                }
                // Registered at its first storable sample, so a series whose samples are all refused leaves no trace.
                stored = stored != null ? stored : register(timeSeries, keys[s], rejections, i);
                if (stored == null) {
                    break;
                }
                double value = request.values()[first + i];
                boolean stale = Double.doubleToRawLongBits(value) == STALE_NAN_BITS;
                batch.addSample(stored.serviceName(), stored.seriesId(), millis * 1_000_000L, value, stale);
            }
        }
        return batch.build();
    }

    /** @param from the index of the first sample still to store: it and the later ones are lost if the series is invalid */
    private Stored register(TimeSeries timeSeries, long[] key, Rejections rejections, int from) {
        Stored stored;
        try {
            String[] labels = PrometheusLabels.normalise(WriteRequestDecoder.labels(timeSeries));
            stored = series.register(labels, METRIC_TYPE, null);
        } catch (IllegalArgumentException | InvalidTelemetryException e) {
            rejections.reject("invalid_labels", e.getMessage(), timeSeries.sampleCount() - from);
            return null;
        }
        known.put(key, stored);
        return stored;
    }
}
