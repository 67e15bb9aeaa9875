package io.headroom.chaos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chaos_faults table: every fault injected, running or over. */
@Repository
class FaultRecords {

    private static final String COLUMNS = "id, service, type, magnitude, jitter, percentage, instance_percentage, started_at, ends_at, ended_at, end_reason";

    private final JdbcClient jdbc;

    FaultRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Fault fault) {
        FaultSpec spec = fault.spec();
        jdbc.sql("""
                INSERT INTO chaos_faults (id, service, type, magnitude, jitter, percentage, instance_percentage, started_at, ends_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.fromString(fault.id()), fault.service(), spec.type().name(), spec.magnitude(), spec.jitter(),
                        spec.percentage(), spec.instancePercentage(), Timestamp.from(fault.startedAt()), Timestamp.from(fault.endsAt()))
                .update();
    }

    /** Marks the fault ended unless it already is; empty when it was (or does not exist). */
    Optional<Fault> end(String id, Instant at, String reason) {
        return jdbc.sql("UPDATE chaos_faults SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL RETURNING " + COLUMNS)
                .params(Timestamp.from(at), reason, UUID.fromString(id))
                .query(FaultRecords::fault).optional();
    }

    Optional<Fault> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_faults WHERE id = ?").param(UUID.fromString(id))
                .query(FaultRecords::fault).optional();
    }

    /** Running faults first, then the most recently started. */
    List<Fault> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_faults ORDER BY ended_at IS NOT NULL, started_at DESC LIMIT ?")
                .param(limit).query(FaultRecords::fault).list();
    }

    List<Fault> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chaos_faults WHERE ended_at IS NULL").query(FaultRecords::fault).list();
    }

    private static Fault fault(ResultSet row, int rowNumber) throws SQLException {
        Instant startedAt = row.getTimestamp("started_at").toInstant();
        Instant endsAt = row.getTimestamp("ends_at").toInstant();
        Timestamp endedAt = row.getTimestamp("ended_at");
        var spec = new FaultSpec(FaultType.valueOf(row.getString("type").toUpperCase(Locale.ROOT)), row.getDouble("magnitude"),
                row.getDouble("jitter"), row.getDouble("percentage"), Duration.between(startedAt, endsAt), row.getDouble("instance_percentage"));
        return new Fault(row.getString("id"), row.getString("service"), spec, startedAt, endsAt,
                endedAt == null ? null : endedAt.toInstant(), row.getString("end_reason"));
    }
}
