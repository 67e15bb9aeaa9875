package io.headroom.ingest.scrape;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.headroom.ingest.prometheus.PrometheusLabels;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** What the targets page and its API show and do: every target with its health; adding and removing targets. */
@Service
public class Scraping {

    /** A target and how its last scrape went. */
    public record TargetStatus(ScrapeTarget target, TargetHealth health) {
    }

    private static final int MAX_JOB_LENGTH = 128;

    private final ScrapeManager manager;
    private final StoredTargets stored;

    Scraping(ScrapeManager manager, StoredTargets stored) {
        this.manager = manager;
        this.stored = stored;
    }

    /** Every target, by job and then URL. */
    public List<TargetStatus> targets() {
        return manager.loops().stream()
                .map(loop -> new TargetStatus(loop.target(), loop.health()))
                .sorted(Comparator.comparing((TargetStatus status) -> status.target().job())
                        .thenComparing(status -> status.target().url().toString()))
                .toList();
    }

    /**
     * Adds a target, scraped from the next discovery refresh on (started at once).
     *
     * @return its id
     * @throws IllegalArgumentException naming what is wrong with the job, URL or labels
     * @throws IllegalStateException when the job already has this URL
     */
    @PreAuthorize(Roles.ADMIN)
    @Audited("ingest.target-add")
    public long add(String job, String url, Map<String, String> labels) {
        String name = job == null ? "" : job.trim();
        if (name.isEmpty() || name.length() > MAX_JOB_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("job must be 1 to " + MAX_JOB_LENGTH + " characters without control characters");
        }
        URI uri = endpoint(url);
        for (var label : labels.entrySet()) {
            if (!PrometheusLabels.isValidLabelName(label.getKey()) || label.getKey().startsWith("__")) {
                throw new IllegalArgumentException("label name \"" + label.getKey()
                        + "\" must match [a-zA-Z_][a-zA-Z0-9_]* and not start with __");
            }
            if (label.getValue() == null || label.getValue().isEmpty()) {
                throw new IllegalArgumentException("label " + label.getKey() + " has no value");
            }
        }
        try {
            long id = stored.add(name, uri, labels);
            manager.refreshSoon();
            return id;
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("job " + name + " already scrapes " + uri);
        }
    }

    /** @return false when no added target has this id (configured and discovered targets cannot be removed here) */
    @PreAuthorize(Roles.ADMIN)
    @Audited("ingest.target-remove")
    public boolean remove(long id) {
        boolean removed = stored.remove(id);
        if (removed) {
            manager.refreshSoon();
        }
        return removed;
    }

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("URL must be an absolute http or https URL with a host, like http://host:9100/metrics");
            }
            return uri.getPath() == null || uri.getPath().isEmpty() ? uri.resolve("/metrics") : uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("URL is not valid: " + e.getMessage());
        }
    }
}
