package io.headroom.ingest.remotewrite;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.headroom.ingest.prometheus.PrometheusSeries.Stored;

/**
 * Stored series by a 128-bit MurmurHash3 of their label bytes, in flat arrays (open addressing):
 * a lookup touches one run of {@code long}s instead of chasing map nodes, keys and byte arrays,
 * which a profile showed costing more than decoding the request. Two label sets with the same
 * 128-bit hash are taken for the same series; at a million series the chance of that is about
 * 10^-27. Readers share a lock for a whole request; misses are added under the write lock.
 * Bounded: when full it starts empty again, as a miss only costs a registration.
 */
final class LabelSetIndex {

    private static final double MAX_LOAD = 0.5;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int capacity;
    private long[] hashes;
    private Stored[] values;
    private int size;

    /** @param capacity series remembered at most */
    LabelSetIndex(int capacity) {
        this.capacity = capacity;
        clear(64);
    }

    /** The 128-bit hash of a label set, as two longs. */
    static long[] hash(byte[] labels) {
        return Murmur3.hash128(labels, 0, labels.length);
    }

    /** The 128-bit hash of the label set at {@code bytes[offset, offset + length)}, as two longs. */
    static long[] hash(byte[] bytes, int offset, int length) {
        return Murmur3.hash128(bytes, offset, length);
    }

    /** Looks up every hash in one read-locked pass; misses come back null. */
    Stored[] find(long[][] keys) {
        var found = new Stored[keys.length];
        lock.readLock().lock();
        try {
            for (int i = 0; i < keys.length; i++) {
                found[i] = get(keys[i][0], keys[i][1]);
            }
        } finally {
            lock.readLock().unlock();
        }
        return found;
    }

    void put(long[] key, Stored stored) {
        lock.writeLock().lock();
        try {
            if (size >= capacity) {
                clear(64);
            }
            if (size + 1 > values.length * MAX_LOAD) {
                grow();
            }
            insert(key[0], key[1], stored);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Stored get(long h1, long h2) {
        int mask = values.length - 1;
        for (int slot = (int) h1 & mask; ; slot = (slot + 1) & mask) {
            Stored value = values[slot];
            if (value == null) {
                return null;
            }
            if (hashes[2 * slot] == h1 && hashes[2 * slot + 1] == h2) {
                return value;
            }
        }
    }

    private void insert(long h1, long h2, Stored stored) {
        int mask = values.length - 1;
        for (int slot = (int) h1 & mask; ; slot = (slot + 1) & mask) {
            if (values[slot] == null) {
                hashes[2 * slot] = h1;
                hashes[2 * slot + 1] = h2;
                values[slot] = stored;
                size++;
                return;
            }
            if (hashes[2 * slot] == h1 && hashes[2 * slot + 1] == h2) {
                values[slot] = stored;
                return;
            }
        }
    }

    private void grow() {
        long[] oldHashes = hashes;
        Stored[] oldValues = values;
        clear(values.length * 2);
        for (int slot = 0; slot < oldValues.length; slot++) {
            if (oldValues[slot] != null) {
                insert(oldHashes[2 * slot], oldHashes[2 * slot + 1], oldValues[slot]);
            }
        }
    }

    private void clear(int slots) {
        hashes = new long[2 * slots];
        values = new Stored[slots];
        size = 0;
    }

    /** MurmurHash3 x64 128 (Austin Appleby, public domain), seed 0. */
    static final class Murmur3 {
        private static final long C1 = 0x87c37b91114253d5L;
        private static final long C2 = 0x4cf5ad432745937fL;

        private Murmur3() {
        }

        private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        static long[] hash128(byte[] data, int offset, int length) {
            long h1 = 0;
            long h2 = 0;
            int blocks = length / 16;
            for (int i = 0; i < blocks; i++) {
                long k1 = (long) LITTLE_ENDIAN_LONG.get(data, offset + i * 16);
                long k2 = (long) LITTLE_ENDIAN_LONG.get(data, offset + i * 16 + 8);
                h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
                h1 = (Long.rotateLeft(h1, 27) + h2) * 5 + 0x52dce729;
                h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
                h2 = (Long.rotateLeft(h2, 31) + h1) * 5 + 0x38495ab5;
            }
            long k1 = 0;
            long k2 = 0;
            int tail = offset + blocks * 16;
            int end = offset + length;
            for (int i = end - 1; i >= tail + 8; i--) {
                k2 = (k2 << 8) | (data[i] & 0xFF);
            }
            for (int i = Math.min(end, tail + 8) - 1; i >= tail; i--) {
                k1 = (k1 << 8) | (data[i] & 0xFF);
            }
            if (end - tail > 8) {
                h2 ^= Long.rotateLeft(k2 * C2, 33) * C1;
            }
            if (end > tail) {
                h1 ^= Long.rotateLeft(k1 * C1, 31) * C2;
            }
            h1 ^= length;
            h2 ^= length;
            h1 += h2;
            h2 += h1;
            h1 = mix(h1);
            h2 = mix(h2);
            h1 += h2;
            h2 += h1;
            return new long[] {h1, h2};
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            k ^= k >>> 33;
            return k;
        }
    }
}
