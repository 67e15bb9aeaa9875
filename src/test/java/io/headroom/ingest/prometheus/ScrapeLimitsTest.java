package io.headroom.ingest.prometheus;

import static io.headroom.ingest.prometheus.ExpositionFormat.OPENMETRICS_1_0_0;
import static io.headroom.ingest.prometheus.ExpositionFormat.PROMETHEUS_TEXT_0_0_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A body over a limit is refused as a whole, and the exception says it was a limit. */
class ScrapeLimitsTest {

    private static final ScrapeLimits UNLIMITED = new ScrapeLimits(0, 0, 0, 0);

    @Test
    void refusesTheSampleAfterTheLast() throws Exception {
        ScrapeLimits three = new ScrapeLimits(3, 0, 0, 0);

        assertThat(RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, "a 1\nb 2\n# a comment\nc 3\n", three).samples).hasSize(3);
        ExpositionParseException e = refused(PROMETHEUS_TEXT_0_0_4, "a 1\nb 2\nc 3\nd 4\n", three);
        assertThat(e.getMessage()).isEqualTo("line 4: sample limit 3 exceeded");
        assertThat(refused(OPENMETRICS_1_0_0, "a 1\nb 2\nc 3\nd 4\n# EOF\n", three).line()).isEqualTo(4);
    }

    @Test
    void refusesTooManyLabels() throws Exception {
        ScrapeLimits two = new ScrapeLimits(0, 2, 0, 0);

        assertThat(RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, "a{x=\"1\",y=\"2\"} 1", two).samples).hasSize(1);
        assertThat(refused(PROMETHEUS_TEXT_0_0_4, "a{x=\"1\",y=\"2\",z=\"3\"} 1", two).reason())
            .isEqualTo("label limit 2 exceeded on one sample");
        assertThat(refused(OPENMETRICS_1_0_0, "a{x=\"1\",y=\"2\",z=\"3\"} 1\n# EOF", two).limitExceeded()).isTrue();
    }

    @Test
    void refusesLongLabelNamesAndValuesCountingUnescapedUtf8Bytes() throws Exception {
        ScrapeLimits five = new ScrapeLimits(0, 0, 5, 5);

        // a\b\c is 5 bytes once unescaped; ü is 2 bytes.
        assertThat(RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, "a{abcde=\"a\\\\b\\\\c\",x=\"üüx\"} 1", five).samples)
            .hasSize(1);
        assertThat(refused(PROMETHEUS_TEXT_0_0_4, "a{abcdef=\"1\"} 1", five).reason())
            .isEqualTo("label name longer than 5 bytes: \"abcdef\"");
        assertThat(refused(PROMETHEUS_TEXT_0_0_4, "a{x=\"üüü\"} 1", five).reason())
            .isEqualTo("value of label x longer than 5 bytes");
        assertThat(refused(OPENMETRICS_1_0_0, "a{x=\"a\\\\b\\\\cd\"} 1\n# EOF", five).limitExceeded()).isTrue();
    }

    @Test
    void holdsMetricNamesToTheValueLengthAsPrometheusDoes() throws Exception {
        ScrapeLimits names5Values8 = new ScrapeLimits(0, 0, 5, 8);

        assertThat(RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, "abcdefgh 1", names5Values8).samples).hasSize(1);
        assertThat(refused(PROMETHEUS_TEXT_0_0_4, "abcdefghi 1", names5Values8).reason())
            .isEqualTo("metric name longer than 8 bytes: \"abcdefghi\"");
    }

    @Test
    void zeroMeansNoLimit() throws Exception {
        String body = "a{" + "x".repeat(5000) + "=\"" + "y".repeat(50_000) + "\"} 1\n" + "b 1\n".repeat(60_000);

        assertThat(RecordingSink.parse(PROMETHEUS_TEXT_0_0_4, body, UNLIMITED).samples).hasSize(60_001);
    }

    @Test
    void malformedBodiesAreNotLimitErrors() {
        assertThat(refused(PROMETHEUS_TEXT_0_0_4, "a{", ScrapeLimits.DEFAULT).limitExceeded()).isFalse();
    }

    @Test
    void limitsCannotBeNegative() {
        assertThatThrownBy(() -> new ScrapeLimits(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ScrapeLimits.DEFAULT).isEqualTo(new ScrapeLimits(50_000, 64, 256, 2048));
    }

    private static ExpositionParseException refused(ExpositionFormat format, String body, ScrapeLimits limits) {
        ExpositionParseException e = catchThrowableOfType(() -> RecordingSink.parse(format, body, limits),
            ExpositionParseException.class);
        assertThat(e).as("refused").isNotNull();
        return e;
    }
}
