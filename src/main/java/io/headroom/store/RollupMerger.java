package io.headroom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.headroom.store.RollupKeys.OperationKey;
import io.headroom.store.RollupKeys.ServiceKey;

/**
 * Adds a batch's rollup cells into a rollup table. New rows are inserted; rows that exist (from
 * an earlier batch, or another Headroom instance) are read under FOR UPDATE, merged in Java,
 * and written back, so any number of writers add up correctly. Rows are always locked in key
 * order, which keeps concurrent writers free of deadlocks.
 */
final class RollupMerger<K> {

    /** @param time a timestamptz column, bound and read back as unix seconds */
    private record KeyColumn<K>(String name, String sqlType, String fromArray, Function<K, Object> value, boolean time) {

        KeyColumn(String name, String sqlType, Function<K, Object> value) {
            this(name, sqlType, "k_" + name, value, false);
        }

        static <K> KeyColumn<K> time(String name, Function<K, Object> epochSecond) {
            return new KeyColumn<>(name, "int8", "to_timestamp(k_" + name + ")", epochSecond, true);
        }
    }

    private final List<KeyColumn<K>> keyColumns;
    private final KeyReader<K> keyReader;
    private final String insertSql;
    private final String selectSql;
    private final String updateSql;

    @FunctionalInterface
    private interface KeyReader<K> {
        K read(ResultSet row) throws SQLException;
    }

    private RollupMerger(String table, String countColumn, List<KeyColumn<K>> keyColumns, KeyReader<K> keyReader) {
        this.keyColumns = keyColumns;
        this.keyReader = keyReader;
        String names = join(keyColumns, KeyColumn::name);
        String keyOrder = join(keyColumns, column -> "r." + column.name());
        String keyArrays = join(keyColumns, column -> "?::" + column.sqlType() + "[]");
        String unnestNames = join(keyColumns, column -> "k_" + column.name());
        String keyValues = join(keyColumns, KeyColumn::fromArray);
        String selectKeys = join(keyColumns, column -> column.time()
                ? "extract(epoch FROM r." + column.name() + ")::int8" : "r." + column.name());
        String matches = keyColumns.stream()
                .map(column -> "r." + column.name() + " = " + column.fromArray().replace("k_", "u.k_"))
                .collect(Collectors.joining(" AND "));
        String values = countColumn + ", error_count, duration_sum_ns, root_count, latency_histogram";
        insertSql = """
                INSERT INTO %1$s AS r (%2$s, %3$s)
                SELECT %4$s, c, e, d, o, h
                FROM unnest(%5$s, ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::bytea[]) AS u(%6$s, c, e, d, o, h)
                ORDER BY %7$s
                ON CONFLICT DO NOTHING
                RETURNING %8$s"""
                .formatted(table, names, values, keyValues, keyArrays, unnestNames,
                        orderByPositions(keyColumns.size()), selectKeys);
        selectSql = """
                SELECT %1$s, r.%2$s, r.error_count, r.duration_sum_ns, r.root_count, r.latency_histogram
                FROM %3$s r JOIN unnest(%4$s) AS u(%5$s) ON %6$s
                ORDER BY %7$s
                FOR UPDATE OF r"""
                .formatted(selectKeys, countColumn, table, keyArrays, unnestNames, matches, keyOrder);
        updateSql = """
                UPDATE %1$s r SET %2$s = u.c, error_count = u.e, duration_sum_ns = u.d, root_count = u.o, latency_histogram = u.h
                FROM unnest(%3$s, ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::bytea[]) AS u(%4$s, c, e, d, o, h)
                WHERE %5$s"""
                .formatted(table, countColumn, keyArrays, unnestNames, matches);
    }

    /** @param table {@code operation_rollup_1m} (keyed by minute) or {@code operation_rollup_1h} (by hour) */
    static RollupMerger<OperationKey> forOperations(String table, String timeColumn) {
        return new RollupMerger<>(table, "span_count", List.of(
                new KeyColumn<OperationKey>("service_name", "text", OperationKey::service),
                KeyColumn.<OperationKey>time(timeColumn, OperationKey::minuteEpochSecond),
                new KeyColumn<OperationKey>("operation", "text", OperationKey::operation),
                new KeyColumn<OperationKey>("span_kind", "int2", key -> (short) key.kind())),
                row -> new OperationKey(row.getString(1), row.getLong(2), row.getString(3), row.getShort(4)));
    }

    /** @param table {@code service_rollup_1m} (keyed by minute) or {@code service_rollup_1h} (by hour) */
    static RollupMerger<ServiceKey> forServices(String table, String timeColumn) {
        return new RollupMerger<>(table, "request_count", List.of(
                new KeyColumn<ServiceKey>("service_name", "text", ServiceKey::service),
                KeyColumn.<ServiceKey>time(timeColumn, ServiceKey::minuteEpochSecond)),
                row -> new ServiceKey(row.getString(1), row.getLong(2)));
    }

    void merge(Connection connection, SortedMap<K, RollupCell> cells) throws SQLException {
        if (cells.isEmpty()) {
            return;
        }
        Map<K, RollupCell> pending = new HashMap<>(cells);
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
            bindKeysAndValues(connection, insert, List.copyOf(cells.keySet()), cells);
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    pending.remove(keyReader.read(inserted));
                }
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<K> existingKeys = cells.keySet().stream().filter(pending::containsKey).toList();
        Map<K, RollupCell> merged = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(selectSql)) {
            bindKeys(connection, select, existingKeys, 1);
            try (ResultSet rows = select.executeQuery()) {
                int keyCount = keyColumns.size();
                while (rows.next()) {
                    K key = keyReader.read(rows);
                    RollupCell stored = new RollupCell(LatencyHistogram.decode(rows.getBytes(keyCount + 5)));
                    stored.count = rows.getLong(keyCount + 1);
                    stored.errors = rows.getLong(keyCount + 2);
                    stored.durationSumNanos = rows.getLong(keyCount + 3);
                    stored.roots = rows.getLong(keyCount + 4);
                    stored.merge(pending.get(key));
                    merged.put(key, stored);
                }
            }
        }
        if (merged.size() != existingKeys.size()) {
            throw new SQLException("rollup rows vanished while merging (expected %d, locked %d)"
                    .formatted(existingKeys.size(), merged.size()), "40001");
        }
        try (PreparedStatement update = connection.prepareStatement(updateSql)) {
            bindKeysAndValues(connection, update, existingKeys, merged);
            update.executeUpdate();
        }
    }

    private int bindKeys(Connection connection, PreparedStatement statement, List<K> keys, int firstIndex)
            throws SQLException {
        int index = firstIndex;
        for (KeyColumn<K> column : keyColumns) {
            Object[] values = new Object[keys.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = column.value().apply(keys.get(i));
            }
            statement.setArray(index++, connection.createArrayOf(column.sqlType(), values));
        }
        return index;
    }

    private void bindKeysAndValues(Connection connection, PreparedStatement statement, List<K> keys,
            Map<K, RollupCell> cells) throws SQLException {
        int index = bindKeys(connection, statement, keys, 1);
        int n = keys.size();
        Object[] counts = new Object[n];
        Object[] errors = new Object[n];
        Object[] sums = new Object[n];
        Object[] roots = new Object[n];
        byte[][] histograms = new byte[n][];
        for (int i = 0; i < n; i++) {
            RollupCell cell = cells.get(keys.get(i));
            counts[i] = cell.count;
            errors[i] = cell.errors;
            sums[i] = cell.durationSumNanos;
            roots[i] = cell.roots;
            histograms[i] = cell.histogram.encode();
        }
        statement.setArray(index++, connection.createArrayOf("int8", counts));
        statement.setArray(index++, connection.createArrayOf("int8", errors));
        statement.setArray(index++, connection.createArrayOf("int8", sums));
        statement.setArray(index++, connection.createArrayOf("int8", roots));
        statement.setArray(index, connection.createArrayOf("bytea", histograms));
    }

    private static String orderByPositions(int count) {
        var positions = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            positions.add(String.valueOf(i));
        }
        return String.join(", ", positions);
    }

    private static <K> String join(List<KeyColumn<K>> columns, Function<KeyColumn<K>, String> part) {
        return columns.stream().map(part).collect(Collectors.joining(", "));
    }
}
