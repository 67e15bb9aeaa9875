package io.headroom.ingest.scrape;

import java.io.IOException;
import java.util.List;

/**
 * A source of scrape targets: configuration, an HTTP service-discovery endpoint, targets
 * added in the UI; Kubernetes pods later. Read again every refresh interval; a source that
 * fails keeps its previous targets, as Prometheus's discovery does.
 */
public interface TargetDiscovery {

    /** Names the source in logs and in the targets it returns. */
    String name();

    List<ScrapeTarget> targets() throws IOException;
}
