package io.headroom.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code silences} table. */
@Repository
class SilenceRecords {

    private static final String SELECT = "SELECT id, matchers::text, starts_at, ends_at, created_by, comment, updated_at FROM silences";

    private final JdbcClient jdbc;
    private final MatcherJson json;

    SilenceRecords(JdbcClient jdbc, MatcherJson json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Silence silence) {
        jdbc.sql("""
                INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment, updated_at)
                VALUES (?, ?::jsonb, ?, ?, ?, ?, ?)""")
                .params(silence.id(), json.writeMatchers(silence.matchers()), Timestamp.from(silence.startsAt()),
                        Timestamp.from(silence.endsAt()), silence.createdBy(), silence.comment(), Timestamp.from(silence.updatedAt()))
                .update();
    }

    void updateTimes(Silence silence) {
        jdbc.sql("UPDATE silences SET starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(silence.startsAt()), Timestamp.from(silence.endsAt()), Timestamp.from(silence.updatedAt()),
                        silence.id())
                .update();
    }

    Optional<Silence> find(String id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::silence).optional();
    }

    /** Silences not yet ended at {@code now}, and those that ended since {@code expiredSince}; latest end first. */
    List<Silence> list(Instant now, Instant expiredSince) {
        return jdbc.sql(SELECT + " WHERE ends_at > ? ORDER BY ends_at > ? DESC, ends_at DESC LIMIT 1000")
                .params(Timestamp.from(expiredSince), Timestamp.from(now))
                .query(this::silence).list();
    }

    List<Silence> active(Instant now) {
        return jdbc.sql(SELECT + " WHERE starts_at <= ? AND ends_at > ?").params(Timestamp.from(now), Timestamp.from(now))
                .query(this::silence).list();
    }

    private Silence silence(ResultSet rs, int row) throws SQLException {
        return new Silence(rs.getString(1), json.readMatchers(rs.getString(2)), rs.getTimestamp(3).toInstant(),
                rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
    }
}
