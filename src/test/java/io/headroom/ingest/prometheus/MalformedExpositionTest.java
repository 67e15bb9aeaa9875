package io.headroom.ingest.prometheus;

import static io.headroom.ingest.prometheus.ExpositionFormat.OPENMETRICS_1_0_0;
import static io.headroom.ingest.prometheus.ExpositionFormat.PROMETHEUS_TEXT_0_0_4;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies each format refuses, with the line and reason the exception gives. Most come from
 * Prometheus's own TestPromParseErrors and TestOpenMetricsParseErrors; the OpenMetrics family
 * rules are the specification's.
 */
class MalformedExpositionTest {

    static Stream<Arguments> text() {
        return Stream.of(
            bad("a", 1, "expected a value after a, found end of input"),
            bad("a\n", 1, "expected a value after a, found end of line"),
            bad("a{b='c'} 1\n", 1, "expected a quoted value for label b, found '''"),
            bad("a{b=\n", 1, "expected a quoted value for label b, found end of line"),
            bad("a{\u00ff=\"foo\"} 1\n", 1, "expected a label name or '}', found byte 0xc3"),
            bad("a{b=\"\\xff\"} 1\n", 1, "invalid UTF-8 in value of label b"),
            bad("a{b=\"\\xed\\xa0\\x80\"} 1\n", 1, "invalid UTF-8 in value of label b"),
            bad("a{b=\"\\xc0\\xaf\"} 1\n", 1, "invalid UTF-8 in value of label b"),
            bad("a true\n", 1, "invalid value \"true\""),
            bad("something_weird{problem=\"", 1, "value of label problem not closed"),
            bad("x 1\nsomething_weird{problem=\"\n\n", 2, "value of label problem not closed"),
            bad("empty_label_name{=\"\"} 0", 1, "expected a label name or '}', found '='"),
            bad("foo 1_2\n", 1, "invalid value \"1_2\""),
            bad("foo 0x1p-3\n", 1, "invalid value \"0x1p-3\""),
            bad("foo +nan\n", 1, "invalid value \"+nan\""),
            bad("foo 1e\n", 1, "invalid value \"1e\""),
            bad("foo 1e+\n", 1, "invalid value \"1e+\""),
            bad("foo ++1\n", 1, "invalid value \"++1\""),
            bad("foo infinit\n", 1, "invalid value \"infinit\""),
            bad("foo 1.5d\n", 1, "invalid value \"1.5d\""),
            bad("a{0b=\"c\"} 1\n", 1, "expected a label name or '}', found '0'"),
            bad("a{b:c=\"d\"} 1\n", 1, "expected '=' after label name b, found ':'"),
            bad("foo .\n", 1, "invalid value \".\""),
            bad("foo 1e400\n", 1, "value out of range: \"1e400\""),
            bad("foo 0 1_2\n", 1, "invalid timestamp (integer milliseconds expected) \"1_2\""),
            bad("foo 0 -5\n", 1, "invalid timestamp"),
            bad("foo 0 1.5\n", 1, "invalid timestamp"),
            bad("foo 0 99999999999999999999\n", 1, "timestamp out of range"),
            bad("foo 0 1 2\n", 1, "expected the end of the line after the timestamp, found '2'"),
            bad("{a=\"ok\"} 1", 1, "metric name missing before '{'"),
            bad("9 1\n", 1, "expected a metric name, found '9'"),
            bad("\u0000a 1\n", 1, "expected a metric name, found byte 0x00"),
            bad("# TYPE #\n", 1, "expected a metric name after TYPE, found '#'"),
            bad("# HELP #\n", 1, "expected a metric name after HELP, found '#'"),
            bad("# HELP foo-bar x\n", 1, "expected a blank after the metric name in HELP, found '-'"),
            bad("# TYPE foo counter \n", 1, "invalid metric type \"counter \""),
            bad("# TYPE foo  counter\n", 1, "invalid metric type \" counter\""),
            bad("# TYPE foo info\n", 1, "invalid metric type \"info\""),
            bad("# TYPE foo\n", 1, "invalid metric type \"\""),
            bad("a 1\r\n", 1, "invalid value \"1\\x0d\" (Windows line endings are not accepted)"),
            bad("# TYPE a gauge\r\n", 1, "(Windows line endings are not accepted)"),
            bad("a{b=\"c\"}\r\n", 1, "invalid value \"\\x0d\" (Windows line endings are not accepted)"),
            bad("a{b=\"c\",,d=\"e\"} 1", 1, "expected a label name or '}', found ','"),
            bad("a{,b=\"c\"} 1", 1, "expected a label name or '}', found ','"),
            bad("a{b=\"c\",b=\"d\"} 1", 1, "duplicate label name b"),
            bad("a{__name__=\"b\"} 1", 1, "label __name__ repeats the metric name"),
            bad("a{b=\"c\\\nd\"} 1", 1, "backslash before a line break in value of label b"),
            bad("a{b=\"c\"}} 1", 1, "invalid value \"}\""),
            bad("a{b 1", 1, "expected '=' after label name b, found '1'"),
            bad("a{b=\"c\"} 1 {", 1, "invalid timestamp"),
            bad("# TYPE a counter\n# TYPE a gauge\n", 2, "second TYPE line for a says gauge, the first said counter"),
            bad("# HELP a x\na 1\n# TYPE a counter\n", 3, "TYPE line for a after samples that followed its HELP line"),
            bad("a 1\n\nb 2\nc{d=\"e\" 3\n", 4, "expected a label name or '}', found '3'"));
    }

    static Stream<Arguments> openMetrics() {
        return Stream.of(
            bad("", 1, "missing # EOF at the end"),
            bad("\n", 1, "expected a metric name or '#', found end of line"),
            bad("metric", 1, "expected a space and a value after metric, found end of input"),
            bad("metric 1", 1, "missing # EOF at the end"),
            bad("metric 1\n", 2, "missing # EOF at the end"),
            bad("metric_total 1 # {aa=\"bb\"} 4", 1, "missing # EOF at the end"),
            bad("a\n# EOF\n", 1, "expected a space and a value after a, found end of line"),
            bad("\n\n# EOF\n", 1, "expected a metric name or '#', found end of line"),
            bad(" a 1\n# EOF\n", 1, "expected a metric name or '#', found a space"),
            bad("a 1\n\n# EOF\n", 2, "expected a metric name or '#', found end of line"),
            bad("# TYPE u untyped\n# EOF\n", 1, "invalid metric type \"untyped\""),
            bad("# TYPE c counter \n# EOF\n", 1, "invalid metric type \"counter \""),
            bad("# TYPE c  counter\n# EOF\n", 1, "invalid metric type \" counter\""),
            bad("#  TYPE c counter\n# EOF\n", 1, "expected HELP, TYPE, UNIT or EOF after '# '"),
            bad("# random comment\n# EOF\n", 1, "expected HELP, TYPE, UNIT or EOF after '# '"),
            bad("#\tTYPE c counter\n# EOF\n", 1, "expected '# '"),
            bad("a 1\n#\n# EOF\n", 2, "expected '# '"),
            bad("# TYPE \n# EOF\n", 1, "expected a metric name after TYPE, found end of line"),
            bad("# TYPE m\n# EOF\n", 1, "expected a space and text after the metric name in TYPE, found end of line"),
            bad("# HELP m\n# EOF\n", 1, "expected a space and text after the metric name in HELP"),
            bad("# HELP m text", 1, "missing # EOF at the end"),
            bad("# UNIT metric suffix\n# EOF\n", 1, "unit \"suffix\" is not a suffix of metric metric"),
            bad("# UNIT metricsuffix suffix\n# EOF\n", 1, "unit \"suffix\" is not a suffix of metric metricsuffix"),
            bad("# UNIT m suffix\n# EOF\n", 1, "unit \"suffix\" is not a suffix of metric m"),
            bad("a\t1\n# EOF\n", 1, "expected a space and a value after a, found a tab"),
            bad("a 1\t2\n# EOF\n", 1, "invalid value \"1\\x092\""),
            bad("a  1\n# EOF\n", 1, "expected a value or timestamp, found a space"),
            bad("a 1 2 \n# EOF\n", 1, "expected ' # {' (an exemplar) or the end of the line after the timestamp"),
            bad("a 1 2 #\n# EOF\n", 1, "expected ' # {' (an exemplar) or the end of the line after the timestamp"),
            bad("a 1 1z\n# EOF\n", 1, "invalid timestamp \"1z\""),
            bad("a 1 1 1\n# EOF\n", 1, "expected ' # {' (an exemplar) or the end of the line after the timestamp"),
            bad("a 1 NaN\n# EOF\n", 1, "invalid timestamp \"NaN\""),
            bad("a 1 -Inf\n# EOF\n", 1, "invalid timestamp \"-Inf\""),
            bad("a 1 1e300\n# EOF\n", 1, "invalid timestamp \"1e300\""),
            bad("a 1\r\n# EOF\n", 1, "invalid value \"1\\x0d\" (Windows line endings are not accepted)"),
            bad(" # EOF\n", 1, "expected a metric name or '#', found a space"),
            bad("# EOF\na 1", 2, "unexpected data after # EOF"),
            bad("# EOF\n\n", 2, "unexpected data after # EOF"),
            bad("# EOFa 1", 1, "unexpected data after # EOF"),
            bad("# EOF \n", 1, "unexpected data after # EOF"),
            bad("a{b='c'} 1\n# EOF\n", 1, "expected a quoted label value, found '''"),
            bad("a{,b=\"c\"} 1\n# EOF\n", 1, "expected a label name, found ','"),
            bad("a{b=\"c\"d=\"e\"} 1\n# EOF\n", 1, "expected ',' or '}' after a label value, found 'd'"),
            bad("a{b=\"c\",,d=\"e\"} 1\n# EOF\n", 1, "expected a label name, found ','"),
            bad("a{b=\"c\", d=\"e\"} 1\n# EOF\n", 1, "expected a label name, found a space"),
            bad("a{b=\n# EOF\n", 1, "expected a quoted label value, found end of line"),
            bad("a{b=\"c\nd\"} 1\n# EOF\n", 1, "value of label b not closed before the end of the line"),
            bad("a{\"b\"} 1\n# EOF\n", 1, "expected a label name, found '\"'"),
            bad("{\"a\",b=\"c\"} 1\n# EOF\n", 1, "metric name missing before '{'"),
            bad("a{b=\"\\xff\"} 1\n# EOF\n", 1, "invalid UTF-8 in value of label b"),
            bad("a true\n# EOF\n", 1, "invalid value \"true\""),
            bad("foo 1_2\n\n# EOF\n", 1, "invalid value \"1_2\""),
            bad("foo 0x1p-3\n\n# EOF\n", 1, "invalid value \"0x1p-3\""),
            bad("a_total 1 # {aa=bb}\n# EOF\n", 1, "expected a quoted label value, found 'b'"),
            bad("a_total 1 # {aa=\"bb\"}\n# EOF\n", 1,
                "expected a space and a value after the exemplar's labels, found end of line"),
            bad("a_total 1 # {aa=\"bb\"}", 1, "expected a space and a value after the exemplar's labels, found end of input"),
            bad("a_total 1 # {bb}\n# EOF\n", 1, "expected '=' after a label name, found '}'"),
            bad("a_total 1 # {aa=\"bb\",,cc=\"dd\"} 1\n# EOF\n", 1, "expected a label name, found ','"),
            bad("a_total 1 # {aa=\"bb\"} 1_2\n# EOF\n", 1, "invalid exemplar value \"1_2\""),
            bad("a_total 1 # {aa=\"bb\"} true\n# EOF\n", 1, "invalid exemplar value \"true\""),
            bad("a_total 1 # {aa=\"bb\",cc=}\n# EOF\n", 1, "expected a quoted label value, found '}'"),
            bad("a_total 1 # {aa=\"\\xff\"} 9.0\n# EOF\n", 1, "invalid UTF-8 in exemplar label value"),
            bad("a_total 1 # {aa=\"bb\"} 4 NaN\n# EOF\n", 1, "invalid exemplar timestamp \"NaN\""),
            bad("a_total 1 # {aa=\"bb\"} 4 -Inf\n# EOF\n", 1, "invalid exemplar timestamp \"-Inf\""),
            bad("a_total 1 # {aa=\"bb\"} 4 1 2\n# EOF\n", 1, "expected the end of the line, found a space"),
            bad("a 1 # x\n# EOF\n", 1, "invalid timestamp \"#\""),
            bad("a{b=\"c\",b=\"d\"} 1\n# EOF\n", 1, "duplicate label name b"),
            bad("# TYPE foo counter\nfoo 1\n# EOF\n", 2,
                "sample foo does not fit counter family foo, expected foo_total or foo_created"),
            bad("# TYPE foo_total counter\nfoo_total 1\n# EOF\n", 2,
                "sample foo_total does not fit counter family foo_total, expected foo_total_total or foo_total_created"),
            bad("# TYPE foo info\nfoo{v=\"1\"} 1\n# EOF\n", 2, "sample foo does not fit info family foo, expected foo_info"),
            bad("# TYPE h histogram\nh 1\n# EOF\n", 2, "expected h_bucket or h_count or h_sum or h_created"),
            bad("a 1\nb 1\na 2\n# EOF\n", 3, "sample a of metric family a after other families"),
            bad("# TYPE foo counter\nfoo_total 1\nbar 1\nfoo_created 1\n# EOF\n", 4,
                "sample foo_created of metric family foo after other families"),
            bad("# HELP foo x\n# HELP foo y\n# EOF\n", 2, "second HELP line for foo"),
            bad("# TYPE foo gauge\n# TYPE foo counter\n# EOF\n", 2, "second TYPE line for foo"),
            bad("# UNIT foo_s s\n# UNIT foo_s s\n# EOF\n", 2, "second UNIT line for foo_s"),
            bad("# TYPE foo gauge\nfoo 1\n# HELP foo x\n# EOF\n", 3, "HELP line for foo after its samples"),
            bad("foo 1\n# TYPE foo gauge\n# EOF\n", 2, "TYPE line for foo after its samples"),
            bad("# TYPE foo gauge\n# TYPE bar gauge\n# TYPE foo gauge\n# EOF\n", 3,
                "metric family foo appears twice; OpenMetrics keeps a family's lines together"),
            bad("# TYPE flags_seconds stateset\n# UNIT flags_seconds seconds\n# EOF\n", 2,
                "stateset family flags_seconds cannot have a unit"),
            bad("# UNIT v_seconds seconds\n# TYPE v_seconds info\n# EOF\n", 2, "info family v_seconds cannot have a unit"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void text(String body, int line, String reason) {
        assertRefused(PROMETHEUS_TEXT_0_0_4, body, line, reason);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource
    void openMetrics(String body, int line, String reason) {
        assertRefused(OPENMETRICS_1_0_0, body, line, reason);
    }

    private static void assertRefused(ExpositionFormat format, String body, int line, String reason) {
        byte[] bytes = bytes(body);
        ExpositionParseException e = catchThrowableOfType(
            () -> ExpositionParser.parse(bytes, bytes.length, format, ScrapeLimits.DEFAULT, new RecordingSink()),
            ExpositionParseException.class);

        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).contains(reason);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).isEqualTo("line " + line + ": " + e.reason());
        assertThat(e.limitExceeded()).isFalse();
    }

    /** The body as UTF-8, except that "\xNN" stands for the byte NN, to write invalid UTF-8. */
    private static byte[] bytes(String body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith("\\x", i) && i + 4 <= body.length() && body.substring(i + 2, i + 4).matches("[0-9a-f]{2}")) {
                out.write(Integer.parseInt(body.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                int end = Character.charCount(body.codePointAt(i));
                out.writeBytes(body.substring(i, i + end).getBytes(StandardCharsets.UTF_8));
                i += end - 1;
            }
        }
        return out.toByteArray();
    }

    private static Arguments bad(String body, int line, String reason) {
        return Arguments.of(body, line, reason);
    }
}
