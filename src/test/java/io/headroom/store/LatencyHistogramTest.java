package io.headroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyHistogramTest {

    private static final int SAMPLES = 200_000;
    private static final int MINUTES_PER_DAY = 1_440;
    private static final double[] QUANTILES = {0, 0.5, 0.95, 0.99, 0.999, 1};
    /** The bound is met exactly at bucket edges, so allow only floating-point noise on top of it. */
    private static final double TOLERANCE = LatencyHistogram.RELATIVE_ERROR * (1 + 1e-9);

    enum Distribution {
        LOG_NORMAL(random -> logNormal(random, 20e6, 1.0)),
        PARETO(random -> Math.round(1e6 / Math.pow(1 - random.nextDouble(), 1 / 1.2))),
        BIMODAL(random -> random.nextDouble() < 0.9 ? logNormal(random, 1e6, 0.15) : logNormal(random, 800e6, 0.1));

        private final ToLongFunction<Random> sampler;

        Distribution(ToLongFunction<Random> sampler) {
            this.sampler = sampler;
        }

        long[] samples() {
            Random random = new Random(42 + ordinal());
            long[] samples = new long[SAMPLES];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = sampler.applyAsLong(random);
            }
            return samples;
        }

        private static long logNormal(Random random, double median, double sigma) {
            return Math.round(median * Math.exp(sigma * random.nextGaussian()));
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void quantilesAreWithinTheRelativeErrorOfExactNearestRankPercentiles(Distribution distribution) {
        long[] samples = distribution.samples();
        var histogram = new LatencyHistogram();
        for (long sample : samples) {
            histogram.recordNanos(sample);
        }

        assertThat(histogram.count()).isEqualTo(SAMPLES);
        assertWithinRelativeError(histogram, samples);
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void mergingEncodedMinutesEqualsRecordingEverythingIntoOne(Distribution distribution) {
        long[] samples = distribution.samples();
        var single = new LatencyHistogram();
        var minutes = new LatencyHistogram[MINUTES_PER_DAY];
        Arrays.setAll(minutes, i -> new LatencyHistogram());
        for (int i = 0; i < samples.length; i++) {
            single.recordNanos(samples[i]);
            minutes[i % MINUTES_PER_DAY].recordNanos(samples[i]);
        }

        var merged = new LatencyHistogram();
        for (LatencyHistogram minute : minutes) {
            merged.mergeEncoded(minute.encode());
        }

        assertSameHistogram(merged, single);
        assertWithinRelativeError(merged, samples);
    }

    @Test
    void mergeEqualsRecordingEverythingIntoOne() {
        var fast = new LatencyHistogram();
        var slow = new LatencyHistogram();
        var all = new LatencyHistogram();
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            long fastNanos = 1_000 + random.nextInt(50_000);
            long slowNanos = 1_000_000_000L + random.nextInt(1_000_000_000);
            fast.recordNanos(fastNanos);
            slow.recordNanos(slowNanos);
            all.recordNanos(fastNanos);
            all.recordNanos(slowNanos);
        }
        fast.recordNanos(0, 3);
        all.recordNanos(0, 3);

        // Merging the low range into the high one grows the bucket window downwards, the other way round upwards.
        var slowThenFast = new LatencyHistogram();
        slowThenFast.merge(slow);
        slowThenFast.merge(fast);
        slow.merge(fast);
        fast.merge(new LatencyHistogram());

        assertSameHistogram(slowThenFast, all);
        assertSameHistogram(slow, all);
        assertThat(fast.count()).isEqualTo(10_003);
    }

    @Test
    void mergingIntoItselfDoublesEveryBucket() {
        var histogram = new LatencyHistogram();
        var doubled = new LatencyHistogram();
        for (long nanos = 1; nanos < 10_000_000_000L; nanos *= 3) {
            histogram.recordNanos(nanos);
            doubled.recordNanos(nanos, 2);
        }

        histogram.merge(histogram);

        assertSameHistogram(histogram, doubled);
    }

    @Test
    void encodeDecodeRoundTrips() {
        var histogram = new LatencyHistogram();
        histogram.recordNanos(0, 5);
        histogram.recordNanos(1);
        histogram.recordNanos(1_500_000, 1_000_000_000_000L);
        histogram.recordNanos(42_000_000_000L);

        LatencyHistogram decoded = LatencyHistogram.decode(histogram.encode());

        assertSameHistogram(decoded, histogram);
        assertThat(decoded.count()).isEqualTo(1_000_000_000_007L);
    }

    @Test
    void emptyHistogram() {
        var empty = new LatencyHistogram();

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.count()).isZero();
        assertThat(empty.quantileNanos(0.5)).isNaN();
        assertThat(empty.encode()).hasSizeLessThanOrEqualTo(3);
        LatencyHistogram decoded = LatencyHistogram.decode(empty.encode());
        assertThat(decoded.isEmpty()).isTrue();
        assertThat(decoded.quantileNanos(1)).isNaN();

        var histogram = new LatencyHistogram();
        histogram.recordNanos(1_000);
        histogram.mergeEncoded(empty.encode());
        assertThat(histogram.count()).isEqualTo(1);
        assertThat(histogram.isEmpty()).isFalse();
    }

    @Test
    void zeroAndNegativeDurationsCountAsZero() {
        var histogram = new LatencyHistogram();
        histogram.recordNanos(0);
        histogram.recordNanos(-5);
        histogram.recordNanos(Long.MIN_VALUE);
        histogram.recordNanos(1);

        assertThat(histogram.count()).isEqualTo(4);
        assertThat(histogram.quantileNanos(0)).isZero();
        assertThat(histogram.quantileNanos(0.75)).isZero();
        assertThat(histogram.quantileNanos(1)).isCloseTo(1, within(TOLERANCE));
        assertThat(LatencyHistogram.decode(histogram.encode()).quantileNanos(0.75)).isZero();
    }

    @Test
    void hugeDurationsClampInsteadOfGrowingWithoutBound() {
        var histogram = new LatencyHistogram();
        histogram.recordNanos(Long.MAX_VALUE);
        histogram.recordNanos(10_000_000_000_000L);

        assertThat(histogram.quantileNanos(0)).isCloseTo(1e13, within(1e13 * TOLERANCE));
        assertThat(histogram.quantileNanos(1)).isEqualTo(histogram.quantileNanos(0));
        assertThat(histogram.encode()).hasSizeLessThan(16);
    }

    @Test
    void quantilesUseTheNearestRank() {
        var histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 100; millis++) {
            histogram.recordNanos(millis * 1_000_000L);
        }

        // 0.07 * 100 is 7.000000000000001 in doubles; the nearest rank is still the 7th value, not the 8th.
        assertThat(histogram.quantileNanos(0.07)).isCloseTo(7e6, within(7e6 * TOLERANCE));
        assertThat(histogram.quantileNanos(0.071)).isCloseTo(8e6, within(8e6 * TOLERANCE));
        assertThat(histogram.quantileNanos(0)).isCloseTo(1e6, within(1e6 * TOLERANCE));
        assertThat(histogram.quantileNanos(1)).isCloseTo(100e6, within(100e6 * TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsQuantilesOutsideZeroToOne(double q) {
        var histogram = new LatencyHistogram();
        assertThatThrownBy(() -> histogram.quantileNanos(q)).isInstanceOf(IllegalArgumentException.class);
        histogram.recordNanos(1_000);
        assertThatThrownBy(() -> histogram.quantileNanos(q)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeRecordCounts() {
        assertThatThrownBy(() -> new LatencyHistogram().recordNanos(1_000, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodeRejectsMalformedInput() {
        var histogram = new LatencyHistogram();
        histogram.recordNanos(0);
        histogram.recordNanos(2_000_000, 300);
        histogram.recordNanos(9_000_000_000L);
        byte[] valid = histogram.encode();

        for (int length = 0; length < valid.length; length++) {
            assertRejected(Arrays.copyOf(valid, length), "");
        }
        assertRejected(null, "empty");
        assertRejected(new byte[] {2, 0, 0}, "version 2");
        assertRejected(new byte[] {(byte) 0xFF}, "version 255");
        assertRejected(Arrays.copyOf(valid, valid.length + 1), "trailing");
        assertRejected(bytes(1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F), "buckets");
        assertRejected(bytes(1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0), "overlong");
        assertRejected(bytes(1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0), "count");
        assertRejected(bytes(1, 0, 1, 0xE0, 0xD4, 0x01, 1), "index");
        assertRejected(bytes(1, 0, 1, 0x01, 1), "index");
        assertRejected(bytes(1, 0, 2, 20, 1, 0, 1), "index");
        assertRejected(bytes(1, 0, 1, 20, 0), "count");
        assertRejected(bytes(1, 0x80, 0x00, 0), "padded");
    }

    @Test
    void decodeOfRandomGarbageFailsCleanlyOrYieldsAConsistentHistogram() {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] garbage = new byte[1 + random.nextInt(24)];
            random.nextBytes(garbage);
            garbage[0] = 1;
            Throwable thrown = catchThrowable(() -> {
                LatencyHistogram decoded = LatencyHistogram.decode(garbage);
                assertThat(decoded.encode()).isEqualTo(garbage);
            });
            if (thrown != null) {
                assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void failedMergeEncodedLeavesTheHistogramUntouched() {
        var histogram = new LatencyHistogram();
        histogram.recordNanos(5_000_000, 10);
        byte[] before = histogram.encode();
        var other = new LatencyHistogram();
        other.recordNanos(1_000, 4);
        other.recordNanos(7_000_000_000L, 4);
        byte[] truncated = Arrays.copyOf(other.encode(), other.encode().length - 1);

        assertThatThrownBy(() -> histogram.mergeEncoded(truncated)).isInstanceOf(IllegalArgumentException.class);

        assertThat(histogram.encode()).isEqualTo(before);
        assertThat(histogram.count()).isEqualTo(10);
    }

    private static void assertWithinRelativeError(LatencyHistogram histogram, long[] samples) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        for (double q : QUANTILES) {
            double exact = exactNearestRank(sorted, q);
            assertThat(Math.abs(histogram.quantileNanos(q) - exact) / exact).as("relative error at q=%s", q)
                    .isLessThanOrEqualTo(TOLERANCE)
                    .isLessThan(0.01);
        }
    }

    /** Rank ceil(q * n) computed in decimal, so the reference does not share the implementation's rounding. */
    private static double exactNearestRank(long[] sorted, double q) {
        long rank = BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(sorted.length))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        return sorted[(int) Math.max(1, rank) - 1];
    }

    private static void assertSameHistogram(LatencyHistogram actual, LatencyHistogram expected) {
        assertThat(actual.encode()).as("buckets").isEqualTo(expected.encode());
        assertThat(actual.count()).isEqualTo(expected.count());
        for (double q = 0; q <= 1; q += 0.001) {
            assertThat(actual.quantileNanos(q)).as("q=%s", q).isEqualTo(expected.quantileNanos(q));
        }
    }

    private static void assertRejected(byte[] encoded, String messagePart) {
        assertThatThrownBy(() -> LatencyHistogram.decode(encoded)).as(Arrays.toString(encoded))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(messagePart);
        var histogram = new LatencyHistogram();
        assertThatThrownBy(() -> histogram.mergeEncoded(encoded)).isInstanceOf(IllegalArgumentException.class);
        assertThat(histogram.isEmpty()).isTrue();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void countAtMostMatchesExactCountingUpToTheBucketHoldingTheThreshold(Distribution distribution) {
        long[] samples = distribution.samples();
        var histogram = new LatencyHistogram();
        for (long sample : samples) {
            histogram.recordNanos(sample);
        }
        for (long threshold : new long[] {1_000_000, 20_000_000, 300_000_000, 1_000_000_000}) {
            long exactBelow = Arrays.stream(samples).filter(d -> d <= threshold).count();
            long withinError = Arrays.stream(samples).filter(d -> d <= threshold * 1.02 * (1 + 1e-9)).count();
            assertThat(histogram.countAtMostNanos(threshold)).as("threshold %d", threshold).isBetween(exactBelow, withinError);
        }
        assertThat(histogram.countAtMostNanos(Long.MAX_VALUE)).isEqualTo(samples.length);
        assertThat(histogram.countAtMostNanos(0)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void countAtMostReadFromTheEncodingEqualsTheDecodedHistograms(Distribution distribution) {
        var histogram = new LatencyHistogram();
        for (long sample : distribution.samples()) {
            histogram.recordNanos(sample);
        }
        histogram.recordNanos(0, 3);
        byte[] encoded = histogram.encode();
        for (long threshold : new long[] {-1, 0, 1, 999_999, 1_000_000, 20_000_000, 300_000_000, 1_000_000_000, Long.MAX_VALUE}) {
            assertThat(LatencyHistogram.countAtMostNanos(encoded, threshold)).as("threshold %d", threshold)
                    .isEqualTo(histogram.countAtMostNanos(threshold));
        }
        assertThatThrownBy(() -> LatencyHistogram.countAtMostNanos(Arrays.copyOf(encoded, encoded.length - 1), 1_000_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
