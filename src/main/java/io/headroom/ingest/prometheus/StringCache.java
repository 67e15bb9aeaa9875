package io.headroom.ingest.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Strings of metric names, label names and short label values, shared across scrapes: every
 * scrape of a fleet repeats the same few thousand, so reusing them spares an allocation per label
 * and gives the sink Strings whose hash is already computed.
 *
 * <p>Direct-mapped and bounded: a slot holds the last string that hashed there. Threads share the
 * table without locks; an {@link Entry} is immutable (final fields), so a racing reader sees either
 * a complete entry or another one, and a lost update only costs a miss.
 */
final class StringCache {

    private static final int SLOTS = 1 << 14;
    private static final int MAX_LENGTH = 128;
    private static final Entry[] TABLE = new Entry[SLOTS];

    private record Entry(int hash, byte[] key, String value) {
    }

    private StringCache() {
    }

    static String get(byte[] b, int from, int to, boolean ascii) {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return decode(b, from, length, ascii);
        }
        int hash = length;
        for (int p = from; p < to; p++) {
            hash = 31 * hash + b[p];
        }
        int slot = (hash ^ (hash >>> 14)) & (SLOTS - 1);
        Entry entry = TABLE[slot];
        if (entry != null && entry.hash == hash && Arrays.equals(entry.key, 0, entry.key.length, b, from, to)) {
            return entry.value;
        }
        String value = decode(b, from, length, ascii);
        TABLE[slot] = new Entry(hash, Arrays.copyOfRange(b, from, to), value);
        return value;
    }

    private static String decode(byte[] b, int from, int length, boolean ascii) {
        return new String(b, from, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
