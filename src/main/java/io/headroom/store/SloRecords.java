package io.headroom.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service level objectives of services (table service_slos) and their Apdex target times (service_apdex). */
@Repository
public class SloRecords {

    /** As stored; {@code kpi} validates before storing. */
    public record StoredSlo(String service, Double availabilityTarget, Double latencyTarget, Double latencyThresholdMs,
            int windowDays, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    SloRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(StoredSlo slo) {
        jdbc.sql("""
                INSERT INTO service_slos (service_name, availability_target, latency_target, latency_threshold_ms, window_days, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (service_name) DO UPDATE SET availability_target = excluded.availability_target,
                    latency_target = excluded.latency_target, latency_threshold_ms = excluded.latency_threshold_ms,
                    window_days = excluded.window_days, updated_at = excluded.updated_at""")
                .params(slo.service(), slo.availabilityTarget(), slo.latencyTarget(), slo.latencyThresholdMs(), slo.windowDays(),
                        Timestamp.from(slo.updatedAt()))
                .update();
    }

    /** @return whether there was one */
    public boolean delete(String service) {
        return jdbc.sql("DELETE FROM service_slos WHERE service_name = ?").param(service).update() > 0;
    }

    public Optional<StoredSlo> find(String service) {
        return jdbc.sql("SELECT * FROM service_slos WHERE service_name = ?").param(service).query(SloRecords::slo).optional();
    }

    public List<StoredSlo> all() {
        return jdbc.sql("SELECT * FROM service_slos ORDER BY service_name").query(SloRecords::slo).list();
    }

    /** Sets a service's Apdex target time (table service_apdex). */
    public void saveApdexThreshold(String service, double thresholdMs, Instant at) {
        jdbc.sql("""
                INSERT INTO service_apdex (service_name, threshold_ms, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (service_name) DO UPDATE SET threshold_ms = excluded.threshold_ms, updated_at = excluded.updated_at""")
                .params(service, thresholdMs, Timestamp.from(at)).update();
    }

    /** The Apdex target times set per service, by service. */
    public java.util.Map<String, Double> apdexThresholds() {
        var thresholds = new java.util.HashMap<String, Double>();
        jdbc.sql("SELECT service_name, threshold_ms FROM service_apdex")
                .query(row -> {
                    thresholds.put(row.getString(1), row.getDouble(2));
                });
        return thresholds;
    }

    private static StoredSlo slo(ResultSet row, int n) throws SQLException {
        return new StoredSlo(row.getString("service_name"), row.getObject("availability_target", Double.class),
                row.getObject("latency_target", Double.class), row.getObject("latency_threshold_ms", Double.class),
                row.getInt("window_days"), row.getTimestamp("updated_at").toInstant());
    }
}
