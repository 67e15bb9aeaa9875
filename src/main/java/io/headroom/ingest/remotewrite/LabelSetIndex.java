package io.headroom.ingest.remotewrite;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.headroom.ingest.prometheus.PrometheusSeries.Stored;

/**
 * Stored series by a 128-bit MurmurHash3 of their label bytes, in one flat array (open
 * addressing, four longs a slot: the hash, the series id and its service's number): a lookup
 * touches one cache line instead of chasing map nodes, keys, byte arrays and a record per
 * series, which profiles showed costing more than decoding the request. Service names are kept
 * once each, so consecutive samples of one service compare by reference downstream. Two label
 * sets with the same 128-bit hash are taken for the same series; at a million series the chance
 * of that is about 10^-27. Readers share a lock for a whole request; misses are added under the
 * write lock. Bounded: when full it starts empty again, as a miss only costs a registration.
 */
final class LabelSetIndex {

    private static final double MAX_LOAD = 0.5;
    private static final int STRIDE = 4;

    /** Per key looked up: the series id and its service, or -1 and null when the key is not known. */
    record Found(long[] seriesIds, String[] services) {
        boolean known(int key) {
            return services[key] != null;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final int capacity;
    /** h1, h2, series id, service number + 1 (0: an empty slot). */
    private long[] slots;
    private int size;
    private final List<String> services = new ArrayList<>();
    private final Map<String, Integer> serviceNumbers = new HashMap<>();

    /** @param capacity series remembered at most */
    LabelSetIndex(int capacity) {
        this.capacity = capacity;
        clear(64);
    }

    /** Hashes the label set at {@code bytes[offset, offset + length)} into {@code keys[2 * key]} and {@code keys[2 * key + 1]}. */
    static void hashInto(byte[] bytes, int offset, int length, long[] keys, int key) {
        Murmur3.hash128(bytes, offset, length, keys, 2 * key);
    }

    /** Looks up every hash ({@code keys} holds two longs each) in one read-locked pass. */
    Found find(long[] keys) {
        int count = keys.length / 2;
        var found = new Found(new long[count], new String[count]);
        lock.readLock().lock();
        try {
            int mask = slots.length / STRIDE - 1;
            for (int key = 0; key < count; key++) {
                long h1 = keys[2 * key];
                long h2 = keys[2 * key + 1];
                found.seriesIds[key] = -1;
                for (int slot = (int) h1 & mask; ; slot = (slot + 1) & mask) {
                    int at = slot * STRIDE;
                    long service = slots[at + 3];
                    if (service == 0) {
                        break;
                    }
                    if (slots[at] == h1 && slots[at + 1] == h2) {
                        found.seriesIds[key] = slots[at + 2];
                        found.services[key] = services.get((int) service - 1);
                        break;
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return found;
    }

    /** @return the service name as kept here, the same instance for every series of the service */
    String put(long h1, long h2, Stored stored) {
        lock.writeLock().lock();
        try {
            if (size >= capacity) {
                clear(64);
            }
            if (size + 1 > slots.length / STRIDE * MAX_LOAD) {
                grow();
            }
            Integer number = serviceNumbers.get(stored.serviceName());
            if (number == null) {
                number = services.size() + 1;
                services.add(stored.serviceName());
                serviceNumbers.put(stored.serviceName(), number);
            }
            insert(h1, h2, stored.seriesId(), number);
            return services.get(number - 1);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void insert(long h1, long h2, long seriesId, long service) {
        int mask = slots.length / STRIDE - 1;
        for (int slot = (int) h1 & mask; ; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            boolean empty = slots[at + 3] == 0;
            if (empty || slots[at] == h1 && slots[at + 1] == h2) {
                slots[at] = h1;
                slots[at + 1] = h2;
                slots[at + 2] = seriesId;
                slots[at + 3] = service;
                size += empty ? 1 : 0;
                return;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at + 3] != 0) {
                insert(old[at], old[at + 1], old[at + 2], old[at + 3]);
            }
        }
    }

    private void clear(int slotCount) {
        slots = new long[slotCount * STRIDE];
        size = 0;
        services.clear();
        serviceNumbers.clear();
    }

    /** MurmurHash3 x64 128 (Austin Appleby, public domain), seed 0. */
    static final class Murmur3 {
        private static final long C1 = 0x87c37b91114253d5L;
        private static final long C2 = 0x4cf5ad432745937fL;

        private Murmur3() {
        }

        private static final VarHandle LITTLE_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

        static void hash128(byte[] data, int offset, int length, long[] out, int at) {
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
            out[at] = h1;
            out[at + 1] = h2;
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
