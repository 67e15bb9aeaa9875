package io.headroom.ingest.scrape;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Targets added in the UI or over the API, kept in {@code scrape_targets}; scraped at the default interval. */
@Component
class StoredTargets implements TargetDiscovery {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ScrapeProperties properties;

    StoredTargets(JdbcClient jdbc, ObjectMapper json, ScrapeProperties properties) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "ui";
    }

    @Override
    public List<ScrapeTarget> targets() throws IOException {
        try {
            return jdbc.sql("SELECT target_id, job, url, labels::text FROM scrape_targets ORDER BY target_id")
                    .query((row, n) -> ScrapeTarget.of(row.getString("job"), URI.create(row.getString("url")),
                            labels(row.getString("labels")), properties.interval(), properties.timeout(), name(),
                            row.getLong("target_id")))
                    .list();
        } catch (org.springframework.dao.DataAccessException e) {
            throw new IOException("cannot read the stored scrape targets", e);
        }
    }

    /** @throws DuplicateKeyException when the job already has this URL */
    long add(String job, URI url, Map<String, String> labels) {
        try {
            return jdbc.sql("INSERT INTO scrape_targets (job, url, labels) VALUES (?, ?, ?::jsonb) RETURNING target_id")
                    .params(job, url.toString(), json.writeValueAsString(labels)).query(Long.class).single();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("labels cannot be written as JSON", e);
        }
    }

    boolean remove(long id) {
        return jdbc.sql("DELETE FROM scrape_targets WHERE target_id = ?").param(id).update() > 0;
    }

    private Map<String, String> labels(String text) {
        try {
            return json.readValue(text, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored labels are not a JSON object of strings: " + text, e);
        }
    }
}
