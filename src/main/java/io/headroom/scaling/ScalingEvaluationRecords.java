package io.headroom.scaling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scaling_evaluations} table: every evaluation, what it recommended, and what it did. */
@Repository
class ScalingEvaluationRecords {

    private static final String COLUMNS = """
            id, policy_id, service, at, metric, metric_value, target, ratio, current_instances, recommended, stabilized, desired,
            action, limited_by, schedule_floor, held_by, applied, error, steps::text, tolerance, within_tolerance, forecast_floor""";
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ScalingEvaluationRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(ScalingPolicy policy, ScalingDecision d, boolean applied, String error) {
        try {
            return jdbc.sql("""
                    INSERT INTO scaling_evaluations (policy_id, service, at, metric, metric_value, target, ratio, tolerance,
                        within_tolerance, current_instances, recommended, stabilized, desired, action, limited_by, schedule_floor,
                        forecast_floor, held_by, applied, error, steps)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id""")
                    .params(policy.id(), d.service(), Timestamp.from(d.at()), d.metric().key(), d.metricValue(), d.target(), d.ratio(),
                            d.tolerance(), d.withinTolerance(), d.current(), d.recommended(), d.stabilized(), d.desired(), d.action().name(), d.limitedBy(), d.scheduleFloor(),
                            d.forecastFloor(), d.heldBy(), applied, error, json.writeValueAsString(d.steps()))
                    .query(Long.class).single();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an evaluation's steps", e);
        }
    }

    /** Recommendations made after {@code since}, for the stabilisation windows. */
    List<PolicyInput.Recommendation> recommendations(long policyId, Instant since) {
        return jdbc.sql("SELECT at, recommended FROM scaling_evaluations WHERE policy_id = ? AND at > ? ORDER BY at")
                .params(policyId, Timestamp.from(since))
                .query((row, n) -> new PolicyInput.Recommendation(row.getTimestamp(1).toInstant(), row.getInt(2))).list();
    }

    /** The policy's changes that went through after {@code since}, for the rate limits. */
    List<PolicyInput.ScaleEvent> actions(long policyId, Instant since) {
        return jdbc.sql("""
                SELECT at, current_instances, desired FROM scaling_evaluations
                WHERE policy_id = ? AND at > ? AND applied AND action <> 'NONE' ORDER BY at""")
                .params(policyId, Timestamp.from(since))
                .query((row, n) -> new PolicyInput.ScaleEvent(row.getTimestamp(1).toInstant(), row.getInt(2), row.getInt(3))).list();
    }

    /** When the policy was last evaluated, null if never. */
    Instant lastEvaluation(long policyId) {
        return jdbc.sql("SELECT at FROM scaling_evaluations WHERE policy_id = ? ORDER BY at DESC LIMIT 1")
                .param(policyId).query((row, n) -> row.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    /** When the policy last changed the count, null if never. */
    Instant lastAction(long policyId) {
        return jdbc.sql("SELECT at FROM scaling_evaluations WHERE policy_id = ? AND applied AND action <> 'NONE' ORDER BY at DESC LIMIT 1")
                .param(policyId).query((row, n) -> row.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    /** A service's evaluations newest first; {@code changesOnly} keeps those that decided to scale. */
    List<ScalingEvaluation> list(String service, Instant from, Instant to, boolean changesOnly, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scaling_evaluations WHERE service = ? AND at >= ? AND at <= ?"
                        + (changesOnly ? " AND action <> 'NONE'" : "") + " ORDER BY at DESC LIMIT ?")
                .params(service, Timestamp.from(from), Timestamp.from(to), limit).query(this::evaluation).list();
    }

    java.util.Optional<ScalingEvaluation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scaling_evaluations WHERE id = ?").param(id).query(this::evaluation).optional();
    }

    int deleteBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM scaling_evaluations WHERE at < ?").param(Timestamp.from(cutoff)).update();
    }

    private ScalingEvaluation evaluation(ResultSet row, int n) throws SQLException {
        List<String> steps;
        try {
            steps = json.readValue(row.getString(19), TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an evaluation's steps cannot be read", e);
        }
        var decision = new ScalingDecision(row.getTimestamp(4).toInstant(), row.getString(3), PolicyMetric.of(row.getString(5)),
                nullable(row, 6), row.getDouble(7), nullable(row, 8), row.getDouble(20), row.getBoolean(21), row.getInt(9), row.getInt(10), row.getInt(11),
                row.getString(14), (Integer) row.getObject(15), (Integer) row.getObject(22), row.getString(16), row.getInt(12),
                ScalingDecision.Action.valueOf(row.getString(13)), steps);
        return new ScalingEvaluation(row.getLong(1), row.getLong(2), decision, row.getBoolean(17), row.getString(18));
    }

    private static Double nullable(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
