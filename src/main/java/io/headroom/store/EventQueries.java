package io.headroom.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What happened to a service that its charts should mark: changes of its instance count, faults
 * injected into it, and the first telemetry of each {@code service.version} it reported.
 */
@Repository
public class EventQueries {

    public record InstanceChangeEvent(Instant at, Integer before, int after) {
    }

    public record FaultEvent(Instant startedAt, Instant endedAt, String type, double magnitude, double percentage, String endReason) {
    }

    public record VersionEvent(Instant firstSeen, String version) {
    }

    private final JdbcClient jdbc;

    EventQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Count changes in [from, to), each with the count before it (null for the first ever recorded). */
    public List<InstanceChangeEvent> instanceChanges(String service, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT at, before, instances FROM (
                    SELECT at, instances, lag(instances) OVER (ORDER BY at) AS before FROM service_instance_counts
                    WHERE service_name = :s AND at < :to) changes
                WHERE at >= :from ORDER BY at""")
                .param("s", service).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((row, n) -> new InstanceChangeEvent(row.getTimestamp("at").toInstant(),
                        row.getObject("before", Integer.class), row.getInt("instances")))
                .list();
    }

    /** Faults that overlapped [from, to); a running one has no end yet. */
    public List<FaultEvent> faults(String service, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT started_at, ended_at, ends_at, type, magnitude, percentage, end_reason FROM chaos_faults
                WHERE service = :s AND started_at < :to AND coalesce(ended_at, 'infinity') >= :from
                ORDER BY started_at""")
                .param("s", service).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((row, n) -> new FaultEvent(row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("ended_at") == null ? null : row.getTimestamp("ended_at").toInstant(),
                        row.getString("type"), row.getDouble("magnitude"), row.getDouble("percentage"), row.getString("end_reason")))
                .list();
    }

    /** When each version the service reported first appeared, for those that did in [from, to). */
    public List<VersionEvent> versions(String service, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT first_seen, version FROM (
                    SELECT attributes->>'service.version' AS version, min(first_seen) AS first_seen FROM resources
                    WHERE service_name = :s AND attributes->>'service.version' IS NOT NULL GROUP BY 1) versions
                WHERE first_seen >= :from AND first_seen < :to ORDER BY first_seen""")
                .param("s", service).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((row, n) -> new VersionEvent(row.getTimestamp("first_seen").toInstant(), row.getString("version")))
                .list();
    }
}
