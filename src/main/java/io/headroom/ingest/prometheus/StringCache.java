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
        return get(b, from, to, ascii, hash(b, from, to));
    }

    /** The polynomial hash {@code h = 31 * h + byte} over the range, which scanners compute as they go. */
    static int hash(byte[] b, int from, int to) {
        int hash = 0;
        for (int p = from; p < to; p++) {
            hash = 31 * hash + b[p];
        }
        return hash;
    }

    /** {@code hash} must be {@link #hash} of the range. */
    static String get(byte[] b, int from, int to, boolean ascii, int hash) {
        int length = to - from;
        if (length == 0) {
            return "";
        }
        if (length > MAX_LENGTH) {
            return decode(b, from, length, ascii);
        }
        int slot = (hash ^ (hash >>> 14) ^ length) & (SLOTS - 1);
        Entry entry = TABLE[slot];
        if (entry != null && entry.hash == hash && sameBytes(entry.key, b, from, length)) {
            return entry.value;
        }
        String value = decode(b, from, length, ascii);
        TABLE[slot] = new Entry(hash, Arrays.copyOfRange(b, from, to), value);
        return value;
    }

    /** A plain loop: for keys this short it beats Arrays.equals, whose range checks and call cost dominate. */
    static boolean sameBytes(byte[] key, byte[] b, int from, int length) {
        if (key.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static String decode(byte[] b, int from, int length, boolean ascii) {
        return new String(b, from, length, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
}
