package io.headroom.ingest.scrape;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Scraping as Prometheus configures it: jobs of targets, each scraped every {@code interval}
 * within {@code timeout}, with limits per scrape that fail it, never the process.
 *
 * @param refreshInterval how often discovery (HTTP SD, targets added in the UI) is read again
 * @param threads workers that parse scrapes and map them to rows; fetching itself is asynchronous
 * @param jobs by name; the name is the {@code job} label unless a target group sets its own
 */
@ConfigurationProperties("headroom.scrape")
public record ScrapeProperties(Boolean enabled, Duration interval, Duration timeout, Duration refreshInterval,
        DataSize bodySizeLimit, Integer sampleLimit, Integer labelLimit, Integer labelNameLengthLimit,
        Integer labelValueLengthLimit, Integer threads, Map<String, Job> jobs) {

    /**
     * @param staticTargets {@code host:port} addresses
     * @param httpSdUrl a Prometheus HTTP service-discovery endpoint; a path alone ({@code /api/...}) means this Headroom
     */
    public record Job(Duration interval, Duration timeout, String metricsPath, List<String> staticTargets,
            String httpSdUrl, Map<String, String> labels) {

        public Job {
            metricsPath = metricsPath == null || metricsPath.isBlank() ? "/metrics" : metricsPath;
            staticTargets = staticTargets == null ? List.of() : List.copyOf(staticTargets);
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    public ScrapeProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(15) : interval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(10) : refreshInterval;
        bodySizeLimit = bodySizeLimit == null ? DataSize.ofMegabytes(10) : bodySizeLimit;
        sampleLimit = sampleLimit == null ? 50_000 : sampleLimit;
        labelLimit = labelLimit == null ? 64 : labelLimit;
        labelNameLengthLimit = labelNameLengthLimit == null ? 256 : labelNameLengthLimit;
        labelValueLengthLimit = labelValueLengthLimit == null ? 2_048 : labelValueLengthLimit;
        threads = threads == null ? 2 : threads;
        jobs = jobs == null ? Map.of() : Map.copyOf(jobs);
        if (timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException("headroom.scrape.timeout (" + timeout + ") must not exceed the interval (" + interval + ")");
        }
    }

    Duration interval(Job job) {
        return job.interval() == null ? interval : job.interval();
    }

    Duration timeout(Job job) {
        return job.timeout() == null ? timeout : job.timeout();
    }
}
