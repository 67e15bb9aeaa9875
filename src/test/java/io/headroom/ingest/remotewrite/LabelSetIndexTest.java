package io.headroom.ingest.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.headroom.ingest.prometheus.PrometheusSeries.Stored;
import org.junit.jupiter.api.Test;

class LabelSetIndexTest {

    @Test
    void murmur3MatchesTheReferenceVectors() {
        // Reference values as Guava's Hashing.murmur3_128() prints them (little-endian h1 then h2).
        assertThat(hash(new byte[0])).containsExactly(0L, 0L);
        assertThat(hash("hello".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(0xcbd8a7b341bd9b02L, 0x5b1e906a48ae1d19L);
        assertThat(hash("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L);
    }

    @Test
    void aSliceHashesAsItsCopyDoes() {
        byte[] text = "xx The quick brown fox jumps over the lazy dog yy".getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length <= 43; length++) {
            assertThat(hash(text, 3, length)).containsExactly(hash(Arrays.copyOfRange(text, 3, 3 + length)));
        }
        assertThat(hash(text, 3, 43)).containsExactly(0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L);
    }

    @Test
    void findsWhatWasPutAcrossGrowthAndForgetsAllWhenFull() {
        var index = new LabelSetIndex(1_000);
        long[] keys = new long[2 * 900];
        for (int i = 0; i < 900; i++) {
            byte[] labels = ("series-" + i).getBytes(StandardCharsets.UTF_8);
            LabelSetIndex.hashInto(labels, 0, labels.length, keys, i);
            index.put(keys[2 * i], keys[2 * i + 1], new Stored(new String("svc-" + i % 3), i));
        }
        LabelSetIndex.Found found = index.find(keys);
        for (int i = 0; i < 900; i++) {
            assertThat(found.seriesIds()[i]).isEqualTo(i);
            assertThat(found.services()[i]).isEqualTo("svc-" + i % 3);
        }
        assertThat(found.services()[0]).as("one instance per service name").isSameAs(found.services()[3]);
        LabelSetIndex.Found unknown = index.find(hash("unknown".getBytes(StandardCharsets.UTF_8)));
        assertThat(unknown.known(0)).isFalse();
        assertThat(unknown.seriesIds()).containsExactly(-1L);

        for (int i = 900; i <= 1_000; i++) {
            long[] key = hash(("series-" + i).getBytes(StandardCharsets.UTF_8));
            index.put(key[0], key[1], new Stored("svc", i));
        }
        assertThat(index.find(new long[] {keys[0], keys[1]}).known(0)).isFalse();
    }

    @Test
    void putAgainReplacesTheSeries() {
        var index = new LabelSetIndex(10);
        long[] key = hash("a".getBytes(StandardCharsets.UTF_8));
        index.put(key[0], key[1], new Stored("svc", 1));
        index.put(key[0], key[1], new Stored("svc", 2));
        assertThat(index.find(key).seriesIds()).containsExactly(2L);
    }

    private static long[] hash(byte[] labels) {
        return hash(labels, 0, labels.length);
    }

    /** The 128-bit hash of {@code bytes[offset, offset + length)} as the index stores it: two longs. */
    private static long[] hash(byte[] bytes, int offset, int length) {
        long[] key = new long[2];
        LabelSetIndex.hashInto(bytes, offset, length, key, 0);
        return key;
    }
}
