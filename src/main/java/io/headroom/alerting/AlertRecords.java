package io.headroom.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code alerts} and {@code alert_transitions} tables. */
@Repository
class AlertRecords {

    private static final String SELECT = """
            SELECT a.fingerprint, a.rule_id, r.name, a.service, a.labels::text, a.annotations::text, a.state, a.active_since,
                   a.fired_at, a.last_breach_at, a.resolved_at, a.value, a.evaluated_at
            FROM alerts a JOIN alert_rules r ON r.id = a.rule_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LabelJson json;

    AlertRecords(JdbcClient jdbc, JdbcTemplate template, LabelJson json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    Map<String, RuleAlert> all() {
        var byFingerprint = new HashMap<String, RuleAlert>();
        jdbc.sql(SELECT).query(this::alert).list().forEach(alert -> byFingerprint.put(alert.fingerprint(), alert));
        return byFingerprint;
    }

    /** Alerts in one of {@code states}, of {@code service} when given; firing first, then by rule and service. */
    List<RuleAlert> list(List<AlertState> states, String service) {
        var sql = new StringBuilder(SELECT).append(" WHERE a.state = ANY (?)");
        var params = new ArrayList<Object>();
        params.add(states.stream().map(Enum::name).toArray(String[]::new));
        if (service != null) {
            sql.append(" AND a.service = ?");
            params.add(service);
        }
        sql.append(" ORDER BY CASE a.state WHEN 'FIRING' THEN 0 WHEN 'PENDING' THEN 1 WHEN 'RESOLVED' THEN 2 ELSE 3 END, r.name, a.service");
        return jdbc.sql(sql.toString()).params(params).query(this::alert).list();
    }

    Set<String> fingerprints() {
        return new HashSet<>(jdbc.sql("SELECT fingerprint FROM alerts").query(String.class).list());
    }

    Optional<RuleAlert> find(String fingerprint) {
        return jdbc.sql(SELECT + " WHERE a.fingerprint = ?").param(fingerprint).query(this::alert).optional();
    }

    /** Writes each alert's current state, inserting those new. */
    void save(List<RuleAlert> alerts) {
        template.batchUpdate("""
                INSERT INTO alerts (fingerprint, rule_id, service, labels, annotations, state, active_since, fired_at,
                                    last_breach_at, resolved_at, value, evaluated_at)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET rule_id = excluded.rule_id, service = excluded.service,
                    labels = excluded.labels, annotations = excluded.annotations, state = excluded.state,
                    active_since = excluded.active_since, fired_at = excluded.fired_at, last_breach_at = excluded.last_breach_at,
                    resolved_at = excluded.resolved_at, value = excluded.value, evaluated_at = excluded.evaluated_at""",
                alerts.stream().map(a -> new Object[] {a.fingerprint(), a.ruleId(), a.service(), json.write(a.labels()),
                        json.write(a.annotations()), a.state().name(), time(a.alert().activeSince()), time(a.alert().firedAt()),
                        time(a.alert().lastBreachAt()), time(a.alert().resolvedAt()), a.alert().value(), time(a.evaluatedAt())})
                        .toList());
    }

    void delete(List<String> fingerprints) {
        if (!fingerprints.isEmpty()) {
            jdbc.sql("DELETE FROM alerts WHERE fingerprint = ANY (?)").param(fingerprints.toArray(String[]::new)).update();
        }
    }

    void recordTransition(AlertStateChanged change) {
        RuleAlert alert = change.alert();
        jdbc.sql("""
                INSERT INTO alert_transitions (fingerprint, rule_name, service, at, from_state, to_state, value)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(alert.fingerprint(), alert.rule(), alert.service(), Timestamp.from(change.at()), change.from().name(),
                        change.to().name(), alert.alert().value())
                .update();
    }

    /** One alert's state changes, newest first. */
    List<AlertTransition> transitions(String fingerprint, int limit) {
        return jdbc.sql("""
                SELECT fingerprint, rule_name, service, at, from_state, to_state, value FROM alert_transitions
                WHERE fingerprint = ? ORDER BY at DESC, id DESC LIMIT ?""")
                .params(fingerprint, limit).query(AlertRecords::transition).list();
    }

    /** A service's alert state changes in [from, to), oldest first. */
    List<AlertTransition> transitions(String service, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT fingerprint, rule_name, service, at, from_state, to_state, value FROM alert_transitions
                WHERE service = ? AND at >= ? AND at < ? ORDER BY at, id""")
                .params(service, Timestamp.from(from), Timestamp.from(to)).query(AlertRecords::transition).list();
    }

    private static AlertTransition transition(ResultSet rs, int row) throws SQLException {
        return new AlertTransition(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                AlertState.valueOf(rs.getString(5)), AlertState.valueOf(rs.getString(6)), (Double) rs.getObject(7));
    }

    private RuleAlert alert(ResultSet rs, int row) throws SQLException {
        Alert state = new Alert(AlertState.valueOf(rs.getString("state")), instant(rs, "active_since"), instant(rs, "fired_at"),
                instant(rs, "last_breach_at"), instant(rs, "resolved_at"), (Double) rs.getObject("value"));
        return new RuleAlert(rs.getString("fingerprint"), rs.getLong("rule_id"), rs.getString("name"), rs.getString("service"),
                json.read(rs.getString("labels")), json.read(rs.getString("annotations")), state, instant(rs, "evaluated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
