package io.headroom.ingest.prometheus;

import io.headroom.ingest.JsonText;
import io.headroom.store.MetricSeriesRegistry;
import io.headroom.store.MetricSeriesRegistry.Series;
import io.headroom.store.Origin;
import io.headroom.store.ResourceId;
import io.headroom.store.ResourceRegistry;
import org.springframework.stereotype.Component;

/**
 * Stores Prometheus series in the same model as OTLP metrics, mapped the way OpenTelemetry's
 * Prometheus compatibility maps them: {@code job} is the service ({@code service.name}),
 * {@code instance} the instance ({@code service.instance.id}); the other labels, without
 * {@code __name__}, are the series' labels. So a service's metrics are found under its name
 * whether it was scraped, remote-written or sent over OTLP.
 */
@Component
public class PrometheusSeries {

    /** A series without a {@code job} label, such as a recording rule's output, as OpenTelemetry names an unknown service. */
    static final String UNKNOWN_SERVICE = "unknown_service";

    /** What a stored series is known by: its service (each sample row carries it) and id. */
    public record Stored(String serviceName, long seriesId) {
    }

    private final ResourceRegistry resources;
    private final MetricSeriesRegistry series;

    PrometheusSeries(ResourceRegistry resources, MetricSeriesRegistry series) {
        this.resources = resources;
        this.series = series;
    }

    /**
     * Registers a series (or finds it registered).
     *
     * @param labels normalised pairs ({@link PrometheusLabels#normalise}), {@code __name__} included
     * @param metricType the family's type as the exposition declared it; "unknown" when not declared
     * @param help the family's help text, or null
     * @throws io.headroom.store.InvalidTelemetryException when text cannot be stored (a NUL character)
     */
    public Stored register(String[] labels, String metricType, String help) {
        String job = PrometheusLabels.value(labels, "job");
        String instance = PrometheusLabels.value(labels, "instance");
        String service = job == null ? UNKNOWN_SERVICE : job;
        var resource = new StringBuilder(64).append('{');
        if (instance != null) {
            JsonText.writeString(resource, "service.instance.id");
            JsonText.writeString(resource.append(':'), instance);
            resource.append(',');
        }
        JsonText.writeString(resource, "service.name");
        JsonText.writeString(resource.append(':'), service);
        ResourceId resourceId = resources.register(service, resource.append('}').toString());

        var labelsJson = new StringBuilder(16 + labels.length * 16).append('{');
        String metricName = null;
        for (int i = 0; i < labels.length; i += 2) {
            String name = labels[i];
            if (name.equals(PrometheusLabels.METRIC_NAME)) {
                metricName = labels[i + 1];
                continue;
            }
            if (name.equals("job") || name.equals("instance")) {
                continue;
            }
            if (labelsJson.length() > 1) {
                labelsJson.append(',');
            }
            JsonText.writeString(labelsJson, name);
            JsonText.writeString(labelsJson.append(':'), labels[i + 1]);
        }
        labelsJson.append('}');
        var origin = new Origin(service, resourceId, null, null);
        long id = series.register(new Series(origin, metricName, metricType, null, help, labelsJson.toString()));
        return new Stored(service, id);
    }
}
