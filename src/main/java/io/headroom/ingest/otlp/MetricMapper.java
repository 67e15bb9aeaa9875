package io.headroom.ingest.otlp;

import java.util.ArrayList;
import java.util.List;

import io.headroom.ingest.http.Rejections;
import io.headroom.store.InvalidTelemetryException;
import io.headroom.store.MetricSampleRow;
import io.headroom.store.MetricSeriesRegistry;
import io.headroom.store.MetricSeriesRegistry.Series;
import io.headroom.store.Origin;
import io.headroom.store.PartitionMaintenance;
import io.headroom.store.ResourceId;
import io.headroom.store.TelemetryBatch;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;

/**
 * Turns OTLP metrics into series and samples. Histograms and summaries are flattened the way
 * Prometheus stores them ({@code _bucket{le}}, {@code _sum}, {@code _count}, {@code {quantile}}),
 * so the same queries work whichever protocol delivered them; exponential histograms keep
 * their buckets in one sample.
 */
final class MetricMapper {

    private static final int NO_RECORDED_VALUE = 1;

    private final Origins origins;
    private final MetricSeriesRegistry series;
    private final PartitionMaintenance partitions;

    MetricMapper(Origins origins, MetricSeriesRegistry series, PartitionMaintenance partitions) {
        this.origins = origins;
        this.series = series;
        this.partitions = partitions;
    }

    TelemetryBatch map(ExportMetricsServiceRequest request, Rejections rejections) {
        TelemetryBatch.Builder batch = TelemetryBatch.builder();
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
            ResourceId resourceId;
            try {
                resourceId = origins.resource(resourceMetrics.getResource());
            } catch (InvalidTelemetryException e) {
                int points = resourceMetrics.getScopeMetricsList().stream()
                        .flatMap(scope -> scope.getMetricsList().stream()).mapToInt(MetricMapper::pointCount).sum();
                rejections.reject("invalid_resource", e.getMessage(), points);
                continue;
            }
            for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                Origin origin = Origins.origin(resourceMetrics.getResource(), resourceId, scopeMetrics.getScope());
                for (Metric metric : scopeMetrics.getMetricsList()) {
                    if (metric.getName().isBlank()) {
                        rejections.reject("missing_metric_name", "a metric has no name", pointCount(metric));
                        continue;
                    }
                    new PointWriter(batch, origin, metric, rejections).writeAll();
                }
            }
        }
        return batch.build();
    }

    static int pointCount(Metric metric) {
        return switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsCount();
            case SUM -> metric.getSum().getDataPointsCount();
            case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> metric.getSummary().getDataPointsCount();
            case DATA_NOT_SET -> 0;
        };
    }

    /** Writes the points of one metric; a point that fails is rejected alone. */
    private final class PointWriter {
        private final TelemetryBatch.Builder batch;
        private final Origin origin;
        private final Metric metric;
        private final Rejections rejections;

        PointWriter(TelemetryBatch.Builder batch, Origin origin, Metric metric, Rejections rejections) {
            this.batch = batch;
            this.origin = origin;
            this.metric = metric;
            this.rejections = rejections;
        }

        void writeAll() {
            switch (metric.getDataCase()) {
                case GAUGE -> metric.getGauge().getDataPointsList().forEach(point -> number(point, "gauge"));
                case SUM -> {
                    var sum = metric.getSum();
                    boolean delta = sum.getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
                    String type = !sum.getIsMonotonic() ? "gauge" : delta ? "counter_delta" : "counter";
                    sum.getDataPointsList().forEach(point -> number(point, type));
                }
                case HISTOGRAM -> metric.getHistogram().getDataPointsList().forEach(this::histogram);
                case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsList().forEach(this::exponential);
                case SUMMARY -> metric.getSummary().getDataPointsList().forEach(this::summary);
                case DATA_NOT_SET -> rejections.reject("missing_metric_data", "metric " + metric.getName() + " has no data");
            }
        }

        private void number(NumberDataPoint point, String type) {
            if (skipped(point.getFlags())) {
                return;
            }
            double value = point.hasAsInt() ? point.getAsInt() : point.getAsDouble();
            write(point.getTimeUnixNano(), () -> List.of(sample(metric.getName(), type, point.getAttributesList(), null, value, null)));
        }

        private void histogram(HistogramDataPoint point) {
            if (skipped(point.getFlags())) {
                return;
            }
            write(point.getTimeUnixNano(), () -> {
                if (point.getBucketCountsCount() != 0 && point.getBucketCountsCount() != point.getExplicitBoundsCount() + 1) {
                    throw new InvalidTelemetryException("histogram has %d buckets for %d bounds"
                            .formatted(point.getBucketCountsCount(), point.getExplicitBoundsCount()));
                }
                var samples = new ArrayList<Sample>();
                long cumulative = 0;
                for (int i = 0; i < point.getBucketCountsCount(); i++) {
                    cumulative += point.getBucketCounts(i);
                    String le = i < point.getExplicitBoundsCount() ? formatBound(point.getExplicitBounds(i)) : "+Inf";
                    samples.add(sample(metric.getName() + "_bucket", "histogram", point.getAttributesList(),
                            new String[] {"le", le}, cumulative, null));
                }
                if (point.hasSum()) {
                    samples.add(sample(metric.getName() + "_sum", "histogram", point.getAttributesList(), null, point.getSum(), null));
                }
                samples.add(sample(metric.getName() + "_count", "histogram", point.getAttributesList(), null, point.getCount(), null));
                return samples;
            });
        }

        private void exponential(ExponentialHistogramDataPoint point) {
            if (skipped(point.getFlags())) {
                return;
            }
            var json = new StringBuilder("{\"scale\":").append(point.getScale())
                    .append(",\"zeroCount\":").append(point.getZeroCount())
                    .append(",\"zeroThreshold\":");
            AttributeJson.writeDouble(json, point.getZeroThreshold());
            if (point.hasSum()) {
                json.append(",\"sum\":");
                AttributeJson.writeDouble(json, point.getSum());
            }
            if (point.hasMin()) {
                json.append(",\"min\":");
                AttributeJson.writeDouble(json, point.getMin());
            }
            if (point.hasMax()) {
                json.append(",\"max\":");
                AttributeJson.writeDouble(json, point.getMax());
            }
            json.append(",\"positive\":").append(buckets(point.getPositive()))
                    .append(",\"negative\":").append(buckets(point.getNegative())).append('}');
            write(point.getTimeUnixNano(), () -> List.of(sample(metric.getName(), "exponential_histogram",
                    point.getAttributesList(), null, point.getCount(), json.toString())));
        }

        private void summary(SummaryDataPoint point) {
            if (skipped(point.getFlags())) {
                return;
            }
            write(point.getTimeUnixNano(), () -> {
                var samples = new ArrayList<Sample>();
                for (var quantile : point.getQuantileValuesList()) {
                    samples.add(sample(metric.getName(), "summary", point.getAttributesList(),
                            new String[] {"quantile", formatBound(quantile.getQuantile())}, quantile.getValue(), null));
                }
                samples.add(sample(metric.getName() + "_sum", "summary", point.getAttributesList(), null, point.getSum(), null));
                samples.add(sample(metric.getName() + "_count", "summary", point.getAttributesList(), null, point.getCount(), null));
                return samples;
            });
        }

        private record Sample(Series series, double value, String histogramJson) {
        }

        private interface SampleSource {
            List<Sample> samples();
        }

        private Sample sample(String name, String type, List<KeyValue> attributes, String[] extraLabel, double value,
                String histogramJson) {
            var labels = new ArrayList<>(attributes);
            if (extraLabel != null) {
                labels.add(KeyValue.newBuilder().setKey(extraLabel[0])
                        .setValue(AnyValue.newBuilder().setStringValue(extraLabel[1])).build());
            }
            return new Sample(new Series(origin, name, type, Origins.emptyToNull(metric.getUnit()),
                    Origins.emptyToNull(metric.getDescription()), AttributeJson.canonicalObject(labels)), value, histogramJson);
        }

        /** All samples of one data point are stored, or none: half a histogram would mislead. */
        private void write(long timeUnixNano, SampleSource source) {
            int points = 1;
            if (timeUnixNano <= 0) {
                rejections.reject("missing_time", "a point of " + metric.getName() + " has no time", points);
                return;
            }
            if (!partitions.accepts(timeUnixNano)) {
                rejections.reject("timestamp_out_of_range",
                        "a point of " + metric.getName() + " is outside the retention window or more than a day ahead", points);
                return;
            }
            try {
                var rows = new ArrayList<MetricSampleRow>();
                for (Sample sample : source.samples()) {
                    long seriesId = series.register(sample.series());
                    rows.add(new MetricSampleRow(origin.serviceName(), seriesId, timeUnixNano, sample.value(), sample.histogramJson()));
                }
                rows.forEach(batch::addSample);
            } catch (InvalidTelemetryException e) {
                rejections.reject("invalid_data_point", e.getMessage() + " in " + metric.getName(), points);
            }
        }

        private boolean skipped(int flags) {
            return (flags & NO_RECORDED_VALUE) != 0;
        }
    }

    private static String buckets(ExponentialHistogramDataPoint.Buckets buckets) {
        var json = new StringBuilder("{\"offset\":").append(buckets.getOffset()).append(",\"bucketCounts\":[");
        for (int i = 0; i < buckets.getBucketCountsCount(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(Long.toUnsignedString(buckets.getBucketCounts(i)));
        }
        return json.append("]}").toString();
    }

    /** The way Prometheus writes bucket bounds and quantiles, so label values match across protocols. */
    static String formatBound(double bound) {
        if (bound == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (bound == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (bound == Math.rint(bound) && Math.abs(bound) < 1e15) {
            return Long.toString((long) bound) + ".0";
        }
        return Double.toString(bound);
    }
}
