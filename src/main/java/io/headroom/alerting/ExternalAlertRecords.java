package io.headroom.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code external_alerts} table. */
@Repository
class ExternalAlertRecords {

    private static final String SELECT = """
            SELECT fingerprint, labels::text, annotations::text, status, starts_at, ends_at, generator_url, receiver, received_at
            FROM external_alerts""";
    private static final String FIRING = "(status = 'firing' AND (ends_at IS NULL OR ends_at > ?))";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final LabelJson json;

    ExternalAlertRecords(JdbcClient jdbc, JdbcTemplate template, LabelJson json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    void save(List<ExternalAlert> alerts) {
        template.batchUpdate("""
                INSERT INTO external_alerts (fingerprint, labels, annotations, status, starts_at, ends_at, generator_url, receiver,
                                             received_at)
                VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (fingerprint) DO UPDATE SET labels = excluded.labels, annotations = excluded.annotations,
                    status = excluded.status, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
                    generator_url = excluded.generator_url, receiver = excluded.receiver, received_at = excluded.received_at""",
                alerts.stream().map(a -> new Object[] {a.fingerprint(), json.write(a.labels()), json.write(a.annotations()),
                        a.firing() ? "firing" : "resolved", Timestamp.from(a.startsAt()), time(a.endsAt()), a.generatorUrl(),
                        a.receiver(), Timestamp.from(a.receivedAt())}).toList());
    }

    /** Forgets alerts that stopped firing and were not heard of since {@code before}. */
    int deleteQuiet(Instant now, Instant before) {
        return jdbc.sql("DELETE FROM external_alerts WHERE received_at < ? AND NOT " + FIRING)
                .params(Timestamp.from(before), Timestamp.from(now)).update();
    }

    /** @param firing true: those firing at {@code now}; false: the others; null: all. @param service null for any */
    List<ExternalAlert> list(Boolean firing, String service, Instant now, int limit) {
        var sql = new StringBuilder(SELECT).append(" WHERE true");
        var params = new ArrayList<Object>();
        if (firing != null) {
            sql.append(firing ? " AND " : " AND NOT ").append(FIRING);
            params.add(Timestamp.from(now));
        }
        if (service != null) {
            sql.append(" AND labels->>'service' = ?");
            params.add(service);
        }
        sql.append(" ORDER BY received_at DESC, fingerprint LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::alert).list();
    }

    Optional<ExternalAlert> find(String fingerprint) {
        return jdbc.sql(SELECT + " WHERE fingerprint = ?").param(fingerprint).query(this::alert).optional();
    }

    private ExternalAlert alert(ResultSet rs, int row) throws SQLException {
        Timestamp ends = rs.getTimestamp(6);
        return new ExternalAlert(rs.getString(1), json.read(rs.getString(2)), json.read(rs.getString(3)),
                rs.getString(4).equals("firing"), rs.getTimestamp(5).toInstant(), ends == null ? null : ends.toInstant(),
                rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
