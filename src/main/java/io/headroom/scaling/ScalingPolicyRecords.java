package io.headroom.scaling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code scaling_policies} table; behaviours and schedules as JSON documents. */
@Repository
class ScalingPolicyRecords {

    private static final String COLUMNS = """
            id, service, metric, target, tolerance, min_instances, max_instances, scale_up::text, scale_down::text,
            cooldown_seconds, schedules::text, exclude_chaos, enabled, predictive::text""";

    record LimitDocument(String kind, int value, long periodSeconds) {
    }

    record BehaviorDocument(long stabilizationWindowSeconds, List<LimitDocument> limits) {
    }

    record ScheduleDocument(String cron, String zone, long durationSeconds, int minInstances) {
    }

    record PredictiveDocument(long seasonSeconds, double requestsPerInstance, long leadSeconds) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ScalingPolicyRecords(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<ScalingPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scaling_policies ORDER BY service").query(this::policy).list();
    }

    Optional<ScalingPolicy> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM scaling_policies WHERE id = ?").param(id).query(this::policy).optional();
    }

    long insert(ScalingPolicy policy, Instant at) {
        return jdbc.sql("""
                INSERT INTO scaling_policies (service, metric, target, tolerance, min_instances, max_instances, scale_up, scale_down,
                    cooldown_seconds, schedules, exclude_chaos, enabled, updated_at, predictive)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?::jsonb) RETURNING id""")
                .params(policy.service(), policy.metric().key(), policy.target(), policy.tolerance(), policy.minInstances(),
                        policy.maxInstances(), write(behavior(policy.scaleUp())), write(behavior(policy.scaleDown())),
                        policy.cooldown().toSeconds(), write(schedules(policy.schedules())), policy.excludeChaos(), policy.enabled(),
                        Timestamp.from(at), predictive(policy.predictive()))
                .query(Long.class).single();
    }

    boolean update(long id, ScalingPolicy policy, Instant at) {
        return jdbc.sql("""
                UPDATE scaling_policies SET service = ?, metric = ?, target = ?, tolerance = ?, min_instances = ?, max_instances = ?,
                    scale_up = ?::jsonb, scale_down = ?::jsonb, cooldown_seconds = ?, schedules = ?::jsonb, exclude_chaos = ?,
                    enabled = ?, updated_at = ?, predictive = ?::jsonb
                WHERE id = ?""")
                .params(policy.service(), policy.metric().key(), policy.target(), policy.tolerance(), policy.minInstances(),
                        policy.maxInstances(), write(behavior(policy.scaleUp())), write(behavior(policy.scaleDown())),
                        policy.cooldown().toSeconds(), write(schedules(policy.schedules())), policy.excludeChaos(), policy.enabled(),
                        Timestamp.from(at), predictive(policy.predictive()), id)
                .update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM scaling_policies WHERE id = ?").param(id).update() == 1;
    }

    private ScalingPolicy policy(ResultSet row, int n) throws SQLException {
        return new ScalingPolicy(row.getLong(1), row.getString(2), PolicyMetric.of(row.getString(3)), row.getDouble(4), row.getDouble(5),
                row.getInt(6), row.getInt(7), behavior(read(row.getString(8), BehaviorDocument.class)),
                behavior(read(row.getString(9), BehaviorDocument.class)), Duration.ofSeconds(row.getInt(10)),
                read(row.getString(11), new TypeReference<List<ScheduleDocument>>() { }).stream()
                        .map(s -> new ScheduledFloor(s.cron(), ZoneId.of(s.zone()), Duration.ofSeconds(s.durationSeconds()), s.minInstances()))
                        .toList(),
                predictive(row.getString(14)), row.getBoolean(12), row.getBoolean(13));
    }

    private String predictive(Predictive predictive) {
        return predictive == null ? null : write(new PredictiveDocument(predictive.season().toSeconds(), predictive.requestsPerInstance(),
                predictive.lead().toSeconds()));
    }

    private Predictive predictive(String text) {
        if (text == null) {
            return null;
        }
        PredictiveDocument document = read(text, PredictiveDocument.class);
        return new Predictive(Duration.ofSeconds(document.seasonSeconds()), document.requestsPerInstance(),
                Duration.ofSeconds(document.leadSeconds()));
    }

    private static BehaviorDocument behavior(ScalingBehavior behavior) {
        return new BehaviorDocument(behavior.stabilizationWindow().toSeconds(), behavior.limits().stream()
                .map(l -> new LimitDocument(l.kind().name().toLowerCase(Locale.ROOT), l.value(), l.period().toSeconds())).toList());
    }

    private static ScalingBehavior behavior(BehaviorDocument document) {
        return new ScalingBehavior(Duration.ofSeconds(document.stabilizationWindowSeconds()), document.limits().stream()
                .map(l -> new RateLimit(RateLimit.Kind.valueOf(l.kind().toUpperCase(Locale.ROOT)), l.value(),
                        Duration.ofSeconds(l.periodSeconds()))).toList());
    }

    private static List<ScheduleDocument> schedules(List<ScheduledFloor> schedules) {
        return schedules.stream().map(s -> new ScheduleDocument(s.cron(), s.zone().getId(), s.duration().toSeconds(), s.minInstances()))
                .toList();
    }

    private String write(Object document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scaling policy's document", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scaling policy's document cannot be read: " + text, e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scaling policy's document cannot be read: " + text, e);
        }
    }
}
