package io.headroom.scaling;

import java.time.Duration;
import java.time.Instant;

import io.headroom.kpi.ServiceKpis;
import io.headroom.kpi.ServiceSaturation;
import io.headroom.kpi.ServiceSummary;
import org.springframework.stereotype.Component;

/**
 * A policy's metric now, per instance, over a short recent window (as the HPA reads its metrics
 * API): request KPIs from the last minute's requests, gauges as the mean of the last 30 s's two
 * 15 s steps, short enough to follow a change within an evaluation or two, long enough that a
 * few scrapes' noise does not move the policy (see RATIONALE, "Autoscaling policies").
 */
@Component
class PolicyMetrics {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration GAUGE_WINDOW = Duration.ofSeconds(30);
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
        return saturation.series(service, now.minus(GAUGE_WINDOW), now, STEP)
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
