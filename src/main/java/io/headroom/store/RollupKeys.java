package io.headroom.store;

import java.util.Comparator;

/**
 * Keys of the two rollup tables. Writers lock rollup rows in key order, so the comparators here
 * are what keeps concurrent writers from deadlocking.
 */
final class RollupKeys {

    private RollupKeys() {
    }

    record OperationKey(String service, long minuteEpochSecond, String operation, int kind) {
        static final Comparator<OperationKey> ORDER = Comparator.comparing(OperationKey::service)
                .thenComparingLong(OperationKey::minuteEpochSecond)
                .thenComparing(OperationKey::operation)
                .thenComparingInt(OperationKey::kind);
    }

    record ServiceKey(String service, long minuteEpochSecond) {
        static final Comparator<ServiceKey> ORDER = Comparator.comparing(ServiceKey::service)
                .thenComparingLong(ServiceKey::minuteEpochSecond);
    }
}
