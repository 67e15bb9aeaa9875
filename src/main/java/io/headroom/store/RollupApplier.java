package io.headroom.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.headroom.store.RollupKeys.OperationKey;
import io.headroom.store.RollupKeys.ServiceKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Adds journaled rollup deltas into the rollup tables. Each pass takes the waiting journal
 * entries (SKIP LOCKED, so appliers in several Headroom instances take disjoint sets), merges
 * them in memory, adds them into the rollup rows under row locks, and deletes the entries, all
 * in one transaction. Many ingest transactions thus cost one read-modify-write of each
 * rollup row, which is what lets ingestion keep up with tens of thousands of spans per second.
 */
@Component
public class RollupApplier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RollupApplier.class);
    private static final int ENTRIES_PER_PASS = 1_000;
    private static final long COALESCE_MILLIS = 500;

    private final DataSource dataSource;
    private static final long HOUR_SECONDS = 3_600;

    private final RollupMerger<OperationKey> operationMinutes = RollupMerger.forOperations("operation_rollup_1m", "minute");
    private final RollupMerger<ServiceKey> serviceMinutes = RollupMerger.forServices("service_rollup_1m", "minute");
    private final RollupMerger<OperationKey> operationHours = RollupMerger.forOperations("operation_rollup_1h", "hour");
    private final RollupMerger<ServiceKey> serviceHours = RollupMerger.forServices("service_rollup_1h", "hour");
    private final Semaphore work = new Semaphore(0);
    private final Timer passTime;
    private final Counter invalidEntries;
    private final Counter appliedEntries;
    private volatile boolean running;
    private Thread thread;

    RollupApplier(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.passTime = Timer.builder("headroom.store.rollup.apply").description("Time per rollup applier pass")
                .register(registry);
        this.invalidEntries = Counter.builder("headroom.store.rollup.journal.invalid")
                .description("Journal entries this version cannot read, left in the journal").register(registry);
        this.appliedEntries = Counter.builder("headroom.store.rollup.journal.applied")
                .description("Journal entries added into the rollup tables").register(registry);
    }

    /** Tells the applier that a transaction with rollup deltas committed. */
    void nudge() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /** Applies every waiting entry; returns how many it applied. */
    int applyPending() throws SQLException {
        int total = 0;
        int applied;
        do {
            applied = applyOnePass();
            total += applied;
        } while (applied == ENTRIES_PER_PASS);
        return total;
    }

    private int applyOnePass() throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                var delta = new RollupDelta();
                var ids = new ArrayList<Long>();
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT entry_id, delta FROM rollup_journal ORDER BY entry_id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                    select.setInt(1, ENTRIES_PER_PASS);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            long id = rows.getLong(1);
                            byte[] entry = rows.getBytes(2);
                            try {
                                RollupDelta.validate(entry);
                            } catch (IllegalArgumentException e) {
                                // Left in the journal, not lost: a newer Headroom may understand it.
                                log.error("Rollup journal entry {} skipped: {}", id, e.getMessage());
                                invalidEntries.increment();
                                continue;
                            }
                            ids.add(id);
                            delta.addEncoded(entry);
                        }
                    }
                }
                if (ids.isEmpty()) {
                    connection.rollback();
                    return 0;
                }
                var operations = new TreeMap<OperationKey, RollupCell>(OperationKey.ORDER);
                operations.putAll(delta.operations);
                var services = new TreeMap<ServiceKey, RollupCell>(ServiceKey.ORDER);
                services.putAll(delta.services);
                // Hours are added before minutes in every transaction, so the two tiers' row locks are always taken in one order.
                operationHours.merge(connection, operationHours(operations));
                serviceHours.merge(connection, serviceHours(services));
                operationMinutes.merge(connection, operations);
                serviceMinutes.merge(connection, services);
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup_journal WHERE entry_id = ANY(?)")) {
                    Array array = connection.createArrayOf("int8", ids.toArray());
                    delete.setArray(1, array);
                    delete.executeUpdate();
                }
                connection.commit();
                appliedEntries.increment(ids.size());
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } finally {
            passTime.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static SortedMap<OperationKey, RollupCell> operationHours(Map<OperationKey, RollupCell> minutes) {
        var hours = new TreeMap<OperationKey, RollupCell>(OperationKey.ORDER);
        minutes.forEach((key, cell) -> hours.computeIfAbsent(new OperationKey(key.service(), hourOf(key.minuteEpochSecond()),
                key.operation(), key.kind()), hour -> new RollupCell()).merge(cell));
        return hours;
    }

    private static SortedMap<ServiceKey, RollupCell> serviceHours(Map<ServiceKey, RollupCell> minutes) {
        var hours = new TreeMap<ServiceKey, RollupCell>(ServiceKey.ORDER);
        minutes.forEach((key, cell) -> hours.computeIfAbsent(new ServiceKey(key.service(), hourOf(key.minuteEpochSecond())),
                hour -> new RollupCell()).merge(cell));
        return hours;
    }

    private static long hourOf(long epochSecond) {
        return Math.floorDiv(epochSecond, HOUR_SECONDS) * HOUR_SECONDS;
    }

    private void run() {
        while (running) {
            try {
                work.tryAcquire(1, TimeUnit.SECONDS);
                work.drainPermits();
                applyPending();
                // Let more deltas gather, so each rollup row is rewritten a few times a second at most.
                Thread.sleep(COALESCE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("Rollup pass failed, retrying: {}", e.toString());
                sleepQuietly(1_000);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "rollup-applier");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
                applyPending();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                log.warn("Final rollup pass failed; the journal keeps the entries for the next start: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the ingest pipeline (a lower phase stops later), so its last batches are applied. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

}
