package io.headroom.ingest.scrape;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One endpoint to scrape, as discovery found it.
 *
 * @param labels the target's labels, {@code job} and {@code instance} included, attached to every sample scraped from it
 * @param source where it was found: "config", "http_sd" or "ui"
 * @param id the stored id of a target added in the UI, else null
 */
public record ScrapeTarget(String job, URI url, SortedMap<String, String> labels, Duration interval, Duration timeout,
        String source, Long id) {

    public ScrapeTarget {
        labels = new TreeMap<>(labels);
    }

    /**
     * A target with Prometheus's default labels: {@code job} from the job unless the discovered
     * labels set one, {@code instance} the URL's host and port unless set.
     */
    static ScrapeTarget of(String job, URI url, Map<String, String> discoveredLabels, Duration interval, Duration timeout,
            String source, Long id) {
        var labels = new TreeMap<>(discoveredLabels);
        labels.putIfAbsent("job", job);
        labels.putIfAbsent("instance", url.getAuthority());
        return new ScrapeTarget(job, url, labels, interval, timeout, source, id);
    }

    /** Same endpoint and labels: a rediscovered target keeps its loop, its health and its series. */
    String identity() {
        return url + " " + labels;
    }
}
