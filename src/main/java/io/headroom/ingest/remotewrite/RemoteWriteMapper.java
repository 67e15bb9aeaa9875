package io.headroom.ingest.remotewrite;

import java.util.List;

import io.headroom.ingest.http.Rejections;
import io.headroom.ingest.prometheus.PrometheusLabels;
import io.headroom.ingest.prometheus.PrometheusSeries;
import io.headroom.ingest.prometheus.PrometheusSeries.Stored;
import io.headroom.ingest.remotewrite.WriteRequest.TimeSeries;
import io.headroom.store.AcceptedTimes;
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
        long[] keys = new long[2 * all.size()];
        for (int s = 0; s < all.size(); s++) {
            TimeSeries timeSeries = all.get(s);
            LabelSetIndex.hashInto(timeSeries.labels(), timeSeries.labelsOffset(), timeSeries.labelsLength(), keys, s);
        }
        LabelSetIndex.Found found = known.find(keys);
        AcceptedTimes accepted = partitions.acceptedTimes();
        long[] times = request.timestampsMillis();
        double[] values = request.values();
        for (int s = 0; s < all.size(); s++) {
            TimeSeries timeSeries = all.get(s);
            if (timeSeries.nativeHistograms() > 0) {
                rejections.reject("native_histogram_unsupported",
                        "native histograms are not stored; send classic histograms", timeSeries.nativeHistograms());
            }
            String service = found.services()[s];
            long seriesId = found.seriesIds()[s];
            int first = timeSeries.firstSample();
            for (int i = 0; i < timeSeries.sampleCount(); i++) {
                long millis = times[first + i];
                if (!accepted.acceptsMillis(millis)) {
                    rejections.reject("out_of_bounds", "a sample at " + millis + " ms is outside the retention window or more than a day ahead");
                    continue;
                }
                // Registered at its first storable sample, so a series whose samples are all refused leaves no trace.
                if (service == null) {
                    Stored stored = register(timeSeries, keys[2 * s], keys[2 * s + 1], rejections, i);
                    if (stored == null) {
                        break;
                    }
                    service = stored.serviceName();
                    seriesId = stored.seriesId();
                }
                double value = values[first + i];
                boolean stale = Double.doubleToRawLongBits(value) == STALE_NAN_BITS;
                batch.addSample(service, seriesId, millis * 1_000_000L, value, stale);
            }
        }
        return batch.build();
    }

    /**
     * @param from the index of the first sample still to store: it and the later ones are lost if the series is invalid
     * @return the series, its service name the index's own instance
     */
    private Stored register(TimeSeries timeSeries, long h1, long h2, Rejections rejections, int from) {
        Stored stored;
        try {
            String[] labels = PrometheusLabels.normalise(WriteRequestDecoder.labels(timeSeries));
            stored = series.register(labels, METRIC_TYPE, null);
        } catch (IllegalArgumentException | InvalidTelemetryException e) {
            rejections.reject("invalid_labels", e.getMessage(), timeSeries.sampleCount() - from);
            return null;
        }
        return new Stored(known.put(h1, h2, stored), stored.seriesId());
    }
}
