package io.headroom.chaos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code chaos_runs} and {@code chaos_run_events} tables. Status changes are conditional
 * updates ({@code WHERE status = 'RUNNING'}), so of two Headroom processes ending the same run
 * (its own check and an operator's abort elsewhere) exactly one does.
 */
@Repository
class RunRecords {

    private static final String COLUMNS = """
            id, experiment_id, definition::text, started_by, started_at, status, fault_ids, breached_at, ended_at, end_reason,
            hypothesis_held, verify_after, recovered""";
    private static final TypeReference<Map<String, Double>> KPIS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ExperimentRecords experiments;

    RunRecords(JdbcClient jdbc, ObjectMapper json, ExperimentRecords experiments) {
        this.jdbc = jdbc;
        this.json = json;
        this.experiments = experiments;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the service has a running experiment */
    long insertRunning(Experiment experiment, String startedBy, Instant at, String owner) {
        return jdbc.sql("""
                INSERT INTO chaos_runs (experiment_id, experiment_name, service, definition, started_by, started_at, status, owner,
                    heartbeat_at)
                VALUES (?, ?, ?, ?::jsonb, ?, ?, 'RUNNING', ?, ?) RETURNING id""")
                .params(experiment.id(), experiment.name(), experiment.service(), experiments.write(experiment), startedBy,
                        Timestamp.from(at), owner, Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Runs that ended before {@code cutoff}, their events with them. @return how many */
    int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM chaos_runs WHERE status <> 'RUNNING' AND ended_at < ?").param(Timestamp.from(cutoff)).update();
    }

    Optional<ExperimentRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_runs WHERE id = ?").param(id).query(this::run).optional();
    }

    Optional<ExperimentRun> running(String service) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_runs WHERE service = ? AND status = 'RUNNING'").param(service)
                .query(this::run).optional();
    }

    /** Newest first; {@code service} and {@code experimentId} may be null for all. */
    List<ExperimentRun> list(String service, Long experimentId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_runs" + """
                 WHERE (?::text IS NULL OR service = ?) AND (?::bigint IS NULL OR experiment_id = ?)
                ORDER BY started_at DESC, id DESC LIMIT ?""")
                .params(service, service, experimentId, experimentId, limit).query(this::run).list();
    }

    List<ExperimentRun> runningOwnedBy(String owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_runs WHERE status = 'RUNNING' AND owner = ? ORDER BY id")
                .param(owner).query(this::run).list();
    }

    List<ExperimentRun> allRunning() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_runs WHERE status = 'RUNNING' ORDER BY id").query(this::run).list();
    }

    /** Takes over running runs whose process last checked before {@code staleBefore}. */
    List<Long> claimAbandoned(String owner, Instant staleBefore, Instant now) {
        return jdbc.sql("""
                UPDATE chaos_runs SET owner = ?, heartbeat_at = ? WHERE status = 'RUNNING' AND heartbeat_at < ? RETURNING id""")
                .params(owner, Timestamp.from(now), Timestamp.from(staleBefore)).query(Long.class).list();
    }

    /** Runs rolled back and due to be checked again. */
    List<ExperimentRun> dueForVerification(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_runs WHERE verify_after IS NOT NULL AND recovered IS NULL AND verify_after <= ?"
                + " ORDER BY id")
                .param(Timestamp.from(now)).query(this::run).list();
    }

    void heartbeat(long id, Instant at) {
        jdbc.sql("UPDATE chaos_runs SET heartbeat_at = ? WHERE id = ?").params(Timestamp.from(at), id).update();
    }

    void faultIds(long id, List<String> faultIds) {
        jdbc.sql("UPDATE chaos_runs SET fault_ids = ?::text[] WHERE id = ?").params(toArray(faultIds), id).update();
    }

    void breached(long id, Instant at) {
        jdbc.sql("UPDATE chaos_runs SET breached_at = ? WHERE id = ? AND breached_at IS NULL").params(Timestamp.from(at), id).update();
    }

    /** @return false when the run was no longer running (someone else ended it) */
    boolean end(long id, RunStatus status, Instant at, String reason, Instant verifyAfter, boolean hypothesisBroken) {
        return jdbc.sql("""
                UPDATE chaos_runs SET status = ?, ended_at = ?, end_reason = ?, verify_after = ?,
                    hypothesis_held = CASE WHEN ? THEN false END
                WHERE id = ? AND status = 'RUNNING'""")
                .params(status.name(), Timestamp.from(at), reason, verifyAfter == null ? null : Timestamp.from(verifyAfter),
                        hypothesisBroken, id)
                .update() == 1;
    }

    /** The after check: the hypothesis held if nothing broke it while the faults ran and the service recovered. @return false when another process checked it first */
    boolean verified(long id, boolean recovered) {
        return jdbc.sql("""
                UPDATE chaos_runs SET recovered = ?, hypothesis_held = (hypothesis_held IS NULL) AND ?
                WHERE id = ? AND recovered IS NULL""")
                .params(recovered, recovered, id).update() == 1;
    }

    void event(long runId, RunEvent event) {
        jdbc.sql("INSERT INTO chaos_run_events (run_id, at, kind, message, kpis) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(runId, Timestamp.from(event.at()), event.kind().name(), event.message(),
                        event.kpis() == null ? null : write(event.kpis()))
                .update();
    }

    List<RunEvent> events(long runId) {
        return jdbc.sql("SELECT at, kind, message, kpis::text FROM chaos_run_events WHERE run_id = ? ORDER BY at, id").param(runId)
                .query((rs, row) -> new RunEvent(rs.getTimestamp(1).toInstant(), RunEvent.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4) == null ? null : readKpis(rs.getString(4))))
                .list();
    }

    private ExperimentRun run(ResultSet rs, int row) throws SQLException {
        long experimentId = rs.getLong(2);
        Experiment definition = experiments.read(rs.getString(3));
        String[] faults = (String[]) rs.getArray(7).getArray();
        return new ExperimentRun(rs.getLong(1), rs.wasNull() ? null : experimentId, definition, rs.getString(4),
                rs.getTimestamp(5).toInstant(), RunStatus.valueOf(rs.getString(6)), Arrays.asList(faults), instant(rs, 8),
                instant(rs, 9), rs.getString(10), bool(rs, 11), instant(rs, 12), bool(rs, 13));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static String toArray(List<String> values) {
        // Fault ids are UUIDs: no quoting needed inside the array literal.
        return "{" + String.join(",", values) + "}";
    }

    private String write(Map<String, Double> kpis) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(kpis));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Double> readKpis(String document) {
        try {
            return json.readValue(document, KPIS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
