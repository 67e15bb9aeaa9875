package io.headroom.chaos;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code chaos_kill_switch}, read by every process before it injects anything. */
@Repository
class KillSwitchRecords {

    private final JdbcClient jdbc;

    KillSwitchRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    KillSwitchState state() {
        return jdbc.sql("SELECT engaged, changed_by, changed_at, reason FROM chaos_kill_switch")
                .query((rs, row) -> new KillSwitchState(rs.getBoolean(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .single();
    }

    void set(boolean engaged, String by, Instant at, String reason) {
        jdbc.sql("UPDATE chaos_kill_switch SET engaged = ?, changed_by = ?, changed_at = ?, reason = ?")
                .params(engaged, by, Timestamp.from(at), reason).update();
    }
}
