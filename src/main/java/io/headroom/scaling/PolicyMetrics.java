package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;

import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSaturation;
import io.headroom.kpi.ServiceSummary;
import org.springframework.stereotype.Component;

/**
 * A policy's metric now, per instance, over the last minute (as the HPA reads a short window of
 * its metrics API): request KPIs from the window's requests, gauges as the mean of the window's
 * 15 s steps. A gauge is an instant's reading (a one-worker pool is busy or not), so one step's
 * few samples would make the policy chase noise.
 */
@Component
class PolicyMetrics {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration STEP = Duration.ofSeconds(15);

    private final ServiceKpis kpis;
    private final ServiceSaturation saturation;

    PolicyMetrics(ServiceKpis kpis, ServiceSaturation saturation) {
        this.kpis = kpis;
        this.saturation = saturation;
    }

    /** @return null when nothing was measured (no requests, no gauge samples) or nothing runs */
    Double read(PolicyMetric metric, String service, int instances, Instant now) {
        if (instances <= 0) {
            return null;
        }
        return switch (metric) {
            case REQUESTS_PER_INSTANCE -> kpis.summary(service, now.minus(WINDOW), now)
                    .filter(s -> s.requests() > 0).map(s -> s.throughput() / instances).orElse(null);
            case P99_LATENCY -> kpis.summary(service, now.minus(WINDOW), now).map(ServiceSummary::p99Ms).orElse(null);
            case UTILISATION -> mean(service, now, true);
            case QUEUE_DEPTH -> {
                Double queued = mean(service, now, false);
                yield queued == null ? null : queued / instances;
            }
        };
    }

    private Double mean(String service, Instant now, boolean utilisation) {
        return saturation.series(service, now.minus(WINDOW), now, STEP)
                .map(series -> mean(utilisation ? series.workerUtilisation() : series.queued())).orElse(null);
    }

    private static Double mean(Double[] values) {
        if (values == null) {
            return null;
        }
        double sum = 0;
        int count = 0;
        for (Double value : values) {
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }
}
