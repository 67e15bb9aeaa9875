package io.headroom.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The instance-count history and the instance-hour prices of services (tables of migration V6). */
@Repository
public class CapacityRecords {

    /** From {@code at} on, the service ran {@code instances} until the next change. */
    public record InstanceChange(Instant at, int instances) {
    }

    public enum PriceSource { USER, LIST }

    public record Price(String service, double pricePerInstanceHour, PriceSource source, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    CapacityRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change; a second record at the same instant replaces the first. */
    public void recordInstances(String service, Instant at, int instances) {
        jdbc.sql("""
                INSERT INTO service_instance_counts (service_name, at, instances) VALUES (?, ?, ?)
                ON CONFLICT (service_name, at) DO UPDATE SET instances = excluded.instances""")
                .params(service, Timestamp.from(at), instances).update();
    }

    /** The changes in [from, to), preceded by the last one before {@code from} (the count the window starts with). */
    public List<InstanceChange> instanceChanges(String service, Instant from, Instant to) {
        return jdbc.sql("""
                (SELECT at, instances FROM service_instance_counts WHERE service_name = :s AND at < :from ORDER BY at DESC LIMIT 1)
                UNION ALL
                (SELECT at, instances FROM service_instance_counts WHERE service_name = :s AND at >= :from AND at < :to)
                ORDER BY at""")
                .param("s", service).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((row, n) -> new InstanceChange(row.getTimestamp("at").toInstant(), row.getInt("instances"))).list();
    }

    /** {@link #instanceChanges} for every service at once, by service. */
    public Map<String, List<InstanceChange>> allInstanceChanges(Instant from, Instant to) {
        var byService = new java.util.TreeMap<String, List<InstanceChange>>();
        jdbc.sql("""
                (SELECT DISTINCT ON (service_name) service_name, at, instances FROM service_instance_counts WHERE at < :from
                 ORDER BY service_name, at DESC)
                UNION ALL
                (SELECT service_name, at, instances FROM service_instance_counts WHERE at >= :from AND at < :to)
                ORDER BY service_name, at""")
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(row -> {
                    byService.computeIfAbsent(row.getString("service_name"), service -> new java.util.ArrayList<>())
                            .add(new InstanceChange(row.getTimestamp("at").toInstant(), row.getInt("instances")));
                });
        return byService;
    }

    /** Every service's latest recorded count. */
    public Map<String, InstanceChange> latestInstances() {
        return jdbc.sql("""
                SELECT DISTINCT ON (service_name) service_name, at, instances FROM service_instance_counts
                ORDER BY service_name, at DESC""")
                .query((row, n) -> Map.entry(row.getString("service_name"),
                        new InstanceChange(row.getTimestamp("at").toInstant(), row.getInt("instances"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sets a price an operator chose; it wins over any list price from then on. */
    public Price setUserPrice(String service, double perInstanceHour, Instant at) {
        jdbc.sql("""
                INSERT INTO service_prices (service_name, price_per_instance_hour, source, updated_at) VALUES (?, ?, 'user', ?)
                ON CONFLICT (service_name) DO UPDATE SET price_per_instance_hour = excluded.price_per_instance_hour,
                    source = 'user', updated_at = excluded.updated_at""")
                .params(service, perInstanceHour, Timestamp.from(at)).update();
        return new Price(service, perInstanceHour, PriceSource.USER, at);
    }

    /** Sets a scale target's list price unless an operator has set one. @return whether it was stored */
    public boolean offerListPrice(String service, double perInstanceHour, Instant at) {
        return jdbc.sql("""
                INSERT INTO service_prices (service_name, price_per_instance_hour, source, updated_at) VALUES (?, ?, 'list', ?)
                ON CONFLICT (service_name) DO UPDATE SET price_per_instance_hour = excluded.price_per_instance_hour,
                    updated_at = excluded.updated_at
                WHERE service_prices.source = 'list' AND service_prices.price_per_instance_hour <> excluded.price_per_instance_hour""")
                .params(service, perInstanceHour, Timestamp.from(at)).update() > 0;
    }

    public Optional<Price> price(String service) {
        return jdbc.sql("SELECT service_name, price_per_instance_hour, source, updated_at FROM service_prices WHERE service_name = ?")
                .param(service).query(CapacityRecords::price).optional();
    }

    public Map<String, Price> prices() {
        return jdbc.sql("SELECT service_name, price_per_instance_hour, source, updated_at FROM service_prices")
                .query(CapacityRecords::price).list().stream().collect(Collectors.toMap(Price::service, price -> price));
    }

    private static Price price(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        return new Price(row.getString("service_name"), row.getDouble("price_per_instance_hour"),
                PriceSource.valueOf(row.getString("source").toUpperCase(java.util.Locale.ROOT)),
                row.getTimestamp("updated_at").toInstant());
    }
}
