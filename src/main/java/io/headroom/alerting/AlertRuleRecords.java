package io.headroom.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code alert_rules} table. */
@Repository
class AlertRuleRecords {

    private static final String COLUMNS = """
            id, name, kind, service_pattern, kpi, comparison, threshold, burn_level, window_seconds, for_seconds,
            keep_firing_seconds, labels::text, annotations::text, enabled""";
    private final JdbcClient jdbc;
    private final LabelJson json;

    AlertRuleRecords(JdbcClient jdbc, LabelJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<AlertRule> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules ORDER BY name").query(this::rule).list();
    }

    Optional<AlertRule> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE id = ?").param(id).query(this::rule).optional();
    }

    Optional<AlertRule> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM alert_rules WHERE name = ?").param(name).query(this::rule).optional();
    }

    long insert(AlertRule rule, Instant at) {
        return jdbc.sql("""
                INSERT INTO alert_rules (name, kind, service_pattern, kpi, comparison, threshold, burn_level, window_seconds,
                                         for_seconds, keep_firing_seconds, labels, annotations, enabled, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) RETURNING id""")
                .params(columns(rule, at)).query(Long.class).single();
    }

    boolean update(AlertRule rule, Instant at) {
        Object[] columns = columns(rule, at);
        Object[] withId = java.util.Arrays.copyOf(columns, columns.length + 1);
        withId[columns.length] = rule.id();
        return jdbc.sql("""
                UPDATE alert_rules SET name = ?, kind = ?, service_pattern = ?, kpi = ?, comparison = ?, threshold = ?,
                       burn_level = ?, window_seconds = ?, for_seconds = ?, keep_firing_seconds = ?, labels = ?::jsonb,
                       annotations = ?::jsonb, enabled = ?, updated_at = ?
                WHERE id = ?""").params(withId).update() == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM alert_rules WHERE id = ?").param(id).update() == 1;
    }

    private Object[] columns(AlertRule rule, Instant at) {
        String kind;
        String pattern;
        String kpi = null;
        String comparison = null;
        Double threshold = null;
        String burnLevel = null;
        Duration window;
        if (rule.condition() instanceof RuleCondition.Threshold t) {
            kind = "threshold";
            pattern = t.servicePattern();
            kpi = t.kpi().key();
            comparison = t.comparison().symbol();
            threshold = t.threshold();
            window = t.window();
        } else {
            RuleCondition.BurnRate b = (RuleCondition.BurnRate) rule.condition();
            kind = "burn_rate";
            pattern = b.service();
            burnLevel = b.level().name().toLowerCase(java.util.Locale.ROOT);
            window = RuleCondition.MIN_WINDOW;
        }
        return new Object[] {rule.name(), kind, pattern, kpi, comparison, threshold, burnLevel, (int) window.toSeconds(),
                (int) rule.timing().forDuration().toSeconds(), (int) rule.timing().keepFiringFor().toSeconds(),
                json.write(rule.labels()), json.write(rule.annotations()), rule.enabled(), Timestamp.from(at)};
    }

    private AlertRule rule(ResultSet rs, int row) throws SQLException {
        RuleCondition condition = rs.getString("kind").equals("threshold")
                ? new RuleCondition.Threshold(rs.getString("service_pattern"), AlertKpi.of(rs.getString("kpi")),
                        Comparison.of(rs.getString("comparison")), rs.getDouble("threshold"),
                        Duration.ofSeconds(rs.getInt("window_seconds")))
                : new RuleCondition.BurnRate(rs.getString("service_pattern"), BurnLevel.of(rs.getString("burn_level")));
        return new AlertRule(rs.getLong("id"), rs.getString("name"), condition,
                new AlertTiming(Duration.ofSeconds(rs.getInt("for_seconds")), Duration.ofSeconds(rs.getInt("keep_firing_seconds"))),
                json.read(rs.getString("labels")), json.read(rs.getString("annotations")), rs.getBoolean("enabled"));
    }
}
