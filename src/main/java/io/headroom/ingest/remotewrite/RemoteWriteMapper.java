package io.headroom.ingest.remotewrite;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import io.headroom.ingest.http.Rejections;
import io.headroom.ingest.prometheus.PrometheusLabels;
import io.headroom.ingest.prometheus.PrometheusSeries;
import io.headroom.ingest.prometheus.PrometheusSeries.Stored;
import io.headroom.ingest.remotewrite.WriteRequest.TimeSeries;
import io.headroom.store.InvalidTelemetryException;
import io.headroom.store.MetricSampleRow;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.TelemetryBatch;
import org.springframework.stereotype.Component;

/**
 * Turns a decoded {@link WriteRequest} into sample rows. A series is looked up by the bytes
 * of its labels, so the label set a sender repeats every request is decoded and validated
 * once; an invalid series loses its samples alone, with the reason counted. A sample carrying
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
    private final ConcurrentHashMap<LabelBytes, Stored> known = new ConcurrentHashMap<>();

    RemoteWriteMapper(PrometheusSeries series, PartitionMaintenance partitions) {
        this.series = series;
        this.partitions = partitions;
    }

    TelemetryBatch map(WriteRequest request, Rejections rejections) {
        TelemetryBatch.Builder batch = TelemetryBatch.builder().digest(request.digest());
        for (TimeSeries timeSeries : request.series()) {
            if (timeSeries.nativeHistograms() > 0) {
                rejections.reject("native_histogram_unsupported",
                        "native histograms are not stored; send classic histograms", timeSeries.nativeHistograms());
            }
            Stored stored = null;
            for (int i = 0; i < timeSeries.sampleCount(); i++) {
                long millis = timeSeries.timestampsMillis()[i];
                long nanos = Math.abs(millis) < Long.MAX_VALUE / 1_000_000L ? millis * 1_000_000L : Long.MIN_VALUE;
                if (!partitions.accepts(nanos)) {
                    rejections.reject("out_of_bounds", "a sample at " + millis + " ms is outside the retention window or more than a day ahead");
                    continue;
                }
                // Registered at its first storable sample, so a series whose samples are all refused leaves no trace.
                stored = stored != null ? stored : stored(timeSeries, rejections, i);
                if (stored == null) {
                    break;
                }
                double value = timeSeries.values()[i];
                boolean stale = Double.doubleToRawLongBits(value) == STALE_NAN_BITS;
                batch.addSample(new MetricSampleRow(stored.serviceName(), stored.seriesId(), nanos, value, null, stale));
            }
        }
        return batch.build();
    }

    /** @param from the index of the first sample still to store: it and the later ones are lost if the series is invalid */
    private Stored stored(TimeSeries timeSeries, Rejections rejections, int from) {
        var key = new LabelBytes(timeSeries.labels());
        Stored stored = known.get(key);
        if (stored != null) {
            return stored;
        }
        try {
            String[] labels = PrometheusLabels.normalise(WriteRequestDecoder.labels(timeSeries.labels()));
            stored = series.register(labels, METRIC_TYPE, null);
        } catch (IllegalArgumentException | InvalidTelemetryException e) {
            rejections.reject("invalid_labels", e.getMessage(), timeSeries.sampleCount() - from);
            return null;
        }
        if (known.size() >= KNOWN_SERIES_CAPACITY) {
            known.clear();
        }
        known.put(key, stored);
        return stored;
    }

    /** Label bytes as a map key, compared by content. */
    private record LabelBytes(byte[] bytes, int hash) {
        LabelBytes(byte[] bytes) {
            this(bytes, Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LabelBytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
