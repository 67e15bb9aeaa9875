package io.headroom.store;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers ids already registered in the database. Bounded by clearing when full: a miss only
 * costs an idempotent insert, while an unbounded map would grow with series churn.
 */
final class IdCache<K, V> {

    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();
    private final int capacity;

    IdCache(int capacity) {
        this.capacity = capacity;
    }

    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, value);
    }
}
