package io.headroom.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registers metric series once and hands out their ids, which samples reference. */
@Component
public class MetricSeriesRegistry {

    /**
     * @param labelsJson data-point attributes (plus {@code le}/{@code quantile} for flattened
     *     histograms and summaries) as canonical JSON with sorted keys
     */
    public record Series(Origin origin, String metricName, String metricType, String unit, String description,
            String labelsJson) {
    }

    private final JdbcClient jdbc;
    private final IdCache<SeriesKey, Long> known = new IdCache<>(200_000);

    private record SeriesKey(ResourceId resource, String metricName, String metricType, String labelsJson) {
    }

    MetricSeriesRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long register(Series series) {
        var key = new SeriesKey(series.origin().resourceId(), series.metricName(), series.metricType(),
                series.labelsJson());
        Long id = known.get(key);
        if (id != null) {
            return id;
        }
        for (String text : new String[] {series.metricName(), series.unit(), series.description(), series.labelsJson()}) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new InvalidTelemetryException("metric contains a NUL character");
            }
        }
        byte[] hash = Hashes.hash16(series.origin().resourceId().toString(), series.metricName(),
                series.metricType(), series.labelsJson());
        id = jdbc.sql("""
                INSERT INTO metric_series (series_hash, service_name, metric_name, metric_type, unit, description,
                                           resource_id, labels)
                VALUES (:hash, :service, :name, :type, :unit, :description, :resource, :labels::jsonb)
                ON CONFLICT (series_hash) DO UPDATE SET series_hash = excluded.series_hash
                RETURNING series_id""")
                .param("hash", hash)
                .param("service", series.origin().serviceName())
                .param("name", series.metricName())
                .param("type", series.metricType())
                .param("unit", series.unit())
                .param("description", series.description())
                .param("resource", series.origin().resourceId().bytes())
                .param("labels", series.labelsJson())
                .query(Long.class)
                .single();
        known.put(key, id);
        return id;
    }
}
