package io.headroom.chaos;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code chaos_experiments} table; a definition is stored as its API document. */
@Repository
class ExperimentRecords {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ExperimentRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Experiment> all() {
        return jdbc.sql("SELECT id, definition::text FROM chaos_experiments ORDER BY name")
                .query((rs, row) -> read(rs.getString(2)).withId(rs.getLong(1))).list();
    }

    Optional<Experiment> find(long id) {
        return jdbc.sql("SELECT id, definition::text FROM chaos_experiments WHERE id = ?").param(id)
                .query((rs, row) -> read(rs.getString(2)).withId(rs.getLong(1))).optional();
    }

    /** An experiment with a schedule, since when it may fire: its last claimed time or its last change. */
    record Scheduled(Experiment experiment, Instant since) {
    }

    List<Scheduled> scheduled() {
        return jdbc.sql("""
                SELECT id, definition::text, greatest(last_scheduled_at, updated_at) FROM chaos_experiments
                WHERE jsonb_typeof(definition->'schedule') = 'object' ORDER BY id""")
                .query((rs, row) -> new Scheduled(read(rs.getString(2)).withId(rs.getLong(1)), rs.getTimestamp(3).toInstant())).list();
    }

    /** @return false when another process claimed this or a later time first */
    boolean claimScheduled(long id, Instant fired) {
        return jdbc.sql("""
                UPDATE chaos_experiments SET last_scheduled_at = ?
                WHERE id = ? AND (last_scheduled_at IS NULL OR last_scheduled_at < ?)""")
                .params(Timestamp.from(fired), id, Timestamp.from(fired)).update() == 1;
    }

    long insert(Experiment experiment, Instant at) {
        return jdbc.sql("INSERT INTO chaos_experiments (name, service, definition, updated_at) VALUES (?, ?, ?::jsonb, ?) RETURNING id")
                .params(experiment.name(), experiment.service(), write(experiment), Timestamp.from(at)).query(Long.class).single();
    }

    boolean update(long id, Experiment experiment, Instant at) {
        return jdbc.sql("UPDATE chaos_experiments SET name = ?, service = ?, definition = ?::jsonb, updated_at = ? WHERE id = ?")
                .params(experiment.name(), experiment.service(), write(experiment), Timestamp.from(at), id).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM chaos_experiments WHERE id = ?").param(id).update() == 1;
    }

    String write(Experiment experiment) {
        try {
            return json.writeValueAsString(ExperimentJson.of(experiment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Experiment read(String document) {
        try {
            return json.readValue(document, ExperimentJson.class).toExperiment();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable experiment definition", e);
        }
    }
}
