package io.headroom.store;

import java.util.Comparator;

/**
 * Keys of the rollup tables; {@code minuteEpochSecond} is the start of the row's minute, or of its
 * hour in the hourly tables. Writers lock rollup rows in key order, so the comparators here
 * are what keeps concurrent writers from deadlocking.
 */
final class RollupKeys {

    private RollupKeys() {
    }

    /**
     * A class rather than a record: it is looked up once per ingested span, and a hash computed
     * once (instead of by the record's generic hashCode on every lookup) showed in profiles.
     */
    static final class OperationKey {
        static final Comparator<OperationKey> ORDER = Comparator.comparing(OperationKey::service)
                .thenComparingLong(OperationKey::minuteEpochSecond)
                .thenComparing(OperationKey::operation)
                .thenComparingInt(OperationKey::kind);

        private final String service;
        private final long minuteEpochSecond;
        private final String operation;
        private final int kind;
        private final int hash;

        OperationKey(String service, long minuteEpochSecond, String operation, int kind) {
            this.service = service;
            this.minuteEpochSecond = minuteEpochSecond;
            this.operation = operation;
            this.kind = kind;
            this.hash = ((service.hashCode() * 31 + Long.hashCode(minuteEpochSecond)) * 31 + operation.hashCode()) * 31 + kind;
        }

        String service() {
            return service;
        }

        long minuteEpochSecond() {
            return minuteEpochSecond;
        }

        String operation() {
            return operation;
        }

        int kind() {
            return kind;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof OperationKey key && hash == key.hash
                    && minuteEpochSecond == key.minuteEpochSecond && kind == key.kind
                    && service.equals(key.service) && operation.equals(key.operation);
        }

        @Override
        public String toString() {
            return service + "/" + operation + "/" + kind + "@" + minuteEpochSecond;
        }
    }

    record ServiceKey(String service, long minuteEpochSecond) {
        static final Comparator<ServiceKey> ORDER = Comparator.comparing(ServiceKey::service)
                .thenComparingLong(ServiceKey::minuteEpochSecond);
    }
}
