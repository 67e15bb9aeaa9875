package io.headroom.ingest.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The 0.0.4 text format: what Prometheus's promparse accepts is accepted, and read the same way. */
class TextFormatTest {

    /** The input of Prometheus's TestPromParse, which exercises the lexer's leniency. */
    @Test
    void readsWhatPrometheusReads() throws Exception {
        String body = """
            # HELP go_gc_duration_seconds A summary of the GC invocation durations.
            # \tTYPE go_gc_duration_seconds summary
            go_gc_duration_seconds{quantile="0"} 4.9351e-05
            go_gc_duration_seconds{quantile="0.25",} 7.424100000000001e-05
            go_gc_duration_seconds{quantile="0.5",a="b"} 8.3835e-05
            go_gc_duration_seconds{quantile="0.8", a="b"} 8.3835e-05
            go_gc_duration_seconds{ quantile="0.9", a="b"} 8.3835e-05
            # Hrandom comment starting with prefix of HELP
            #
            wind_speed{A="2",c="3"} 12345
            # comment with escaped \\n newline
            # comment with escaped \\ escape character
            # HELP nohelp1
            # HELP nohelp2\s
            go_gc_duration_seconds{ quantile="1.0", a="b" } 8.3835e-05
            go_gc_duration_seconds { quantile="1.0", a="b" } 8.3835e-05
            go_gc_duration_seconds { quantile= "1.0", a= "b", } 8.3835e-05
            go_gc_duration_seconds { quantile = "1.0", a = "b" } 8.3835e-05
            go_gc_duration_seconds { quantile = "2.0" a = "b" } 8.3835e-05
            go_gc_duration_seconds_count 99
            some:aggregate:rate5m{a_b="c"}\t1
            # HELP go_goroutines Number of goroutines that currently exist.
            # TYPE go_goroutines gauge
            go_goroutines 33  \t123123
            _metric_starting_with_underscore 1
            testmetric{_label_starting_with_underscore="foo"} 1
            testmetric{label="\\"bar\\""} 1
            # HELP metric foo\u0000bar
            null_byte_metric{a="abc\u0000"} 1""";

        RecordingSink sink = RecordingSink.text(body);

        assertThat(sink.samples).hasSize(18);
        assertThat(sink.samples.get(0)).isEqualTo(new RecordingSink.Sample("go_gc_duration_seconds", "summary",
            java.util.Map.of("quantile", "0"), 4.9351e-05, Long.MIN_VALUE));
        assertThat(sink.samples.get(3).labels()).containsExactly(entry("a", "b"), entry("quantile", "0.8"));
        assertThat(sink.samples.get(5).labels()).containsExactly(entry("A", "2"), entry("c", "3"));
        assertThat(sink.samples.get(10).labels()).containsExactly(entry("a", "b"), entry("quantile", "2.0"));
        assertThat(sink.sample("go_gc_duration_seconds_count").value()).isEqualTo(99);
        assertThat(sink.sample("some:aggregate:rate5m").labels()).containsExactly(entry("a_b", "c"));
        assertThat(sink.sample("go_goroutines").timestamp()).isEqualTo(123123);
        assertThat(sink.sample("go_goroutines").type()).isEqualTo("gauge");
        assertThat(sink.sample("testmetric", "label", "\"bar\"").value()).isEqualTo(1);
        assertThat(sink.sample("null_byte_metric").label("a")).isEqualTo("abc\u0000");
        assertThat(sink.families).containsExactly(
            new RecordingSink.Family("go_gc_duration_seconds", "summary", "A summary of the GC invocation durations.", null),
            new RecordingSink.Family("nohelp1", "untyped", "", null),
            new RecordingSink.Family("nohelp2", "untyped", "", null),
            new RecordingSink.Family("go_goroutines", "gauge", "Number of goroutines that currently exist.", null),
            new RecordingSink.Family("metric", "untyped", "foo\u0000bar", null));
    }

    @Test
    void samplesTakeTheTypeOfTheirFamilyWithItsSuffixes() throws Exception {
        RecordingSink sink = RecordingSink.text("""
            # TYPE rpc_seconds histogram
            rpc_seconds_bucket{le="0.1"} 1
            rpc_seconds_bucket{le="+Inf"} 2
            rpc_seconds_sum 0.3
            rpc_seconds_count 2
            rpc_seconds_created 1.7e9
            # TYPE payload summary
            payload{quantile="0.5"} 10
            payload_sum 30
            payload_count 2
            # TYPE requests_total counter
            requests_total 7
            # TYPE errors counter
            errors_total 1
            errors 2
            # TYPE temperature gauge
            temperature_total 3
            """);

        assertThat(sink.samples).extracting(s -> s.name() + " " + s.type()).containsExactly(
            "rpc_seconds_bucket histogram", "rpc_seconds_bucket histogram", "rpc_seconds_sum histogram",
            "rpc_seconds_count histogram",
            // Prometheus's isSeriesPartOfFamily does not count _created in the 0.0.4 format.
            "rpc_seconds_created untyped",
            "payload summary", "payload_sum summary", "payload_count summary",
            "requests_total counter", "errors_total counter", "errors counter",
            "temperature_total untyped");
    }

    @Test
    void aSampleBelongsOnlyToTheFamilyOfTheLastTypeLine() throws Exception {
        RecordingSink sink = RecordingSink.text("""
            # TYPE a gauge
            # TYPE b counter
            a 1
            b 2
            c 3
            """);

        assertThat(sink.samples).extracting(RecordingSink.Sample::type).containsExactly("untyped", "counter", "untyped");
        assertThat(sink.families).extracting(RecordingSink.Family::type).containsExactly("gauge", "counter");
    }

    @Test
    void reportsEachFamilyOnceBeforeItsSamples() throws Exception {
        RecordingSink sink = RecordingSink.text("""
            # HELP a First.
            # TYPE a counter
            a 1
            # TYPE a counter
            # HELP a Again, ignored.
            a 2
            # HELP b Only help.
            # TYPE c gauge
            """);

        assertThat(sink.calls).containsExactly("family a", "sample a", "sample a", "family b", "family c");
        assertThat(sink.family("a")).isEqualTo(new RecordingSink.Family("a", "counter", "First.", null));
        assertThat(sink.family("b").type()).isEqualTo("untyped");
        assertThat(sink.family("c").help()).isNull();
    }

    @Test
    void readsValuesInGoSyntax() throws Exception {
        RecordingSink sink = RecordingSink.text("""
            a{v="NaN"} NaN
            a{v="nan"} nan
            a{v="+Inf"} +Inf
            a{v="-Inf"} -Inf
            a{v="Inf"} Inf
            a{v="-infinity"} -infinity
            a{v="exponent"} 1.5e3
            a{v="Exponent"} -2E-3
            a{v="point"} .5
            a{v="trailing point"} 5.
            a{v="zeros"} 007
            a{v="minus zero"} -0
            a{v="long"} 0.1000000000000000055511151231257827021181583404541015625
            a{v="max"} 1.7976931348623157e308
            a{v="tiny"} 1e-400
            a{v="integer"} 123456789012345678901234567890
            """);

        assertThat(sink.samples).extracting(RecordingSink.Sample::value).containsExactly(
            Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1500.0, -0.002, 0.5, 5.0, 7.0, -0.0, 0.1, Double.MAX_VALUE, 0.0, 1.2345678901234568e29);
    }

    @Test
    void readsShortDecimalsExactlyAsJavaDoes() throws Exception {
        java.util.Random random = new java.util.Random(42);
        StringBuilder body = new StringBuilder();
        java.util.List<Double> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String literal = switch (i % 4) {
                case 0 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
                case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
                case 2 -> String.format(java.util.Locale.ROOT, "%.6f", random.nextGaussian() * 1000);
                default -> (random.nextInt(999_999) + "e" + (random.nextInt(60) - 30));
            };
            body.append("m ").append(literal).append('\n');
            expected.add(Double.parseDouble(literal));
        }

        assertThat(RecordingSink.text(body.toString()).samples).extracting(RecordingSink.Sample::value)
            .containsExactlyElementsOf(expected);
    }

    @Test
    void unescapesLabelValuesAndHelpAsPrometheusDoes() throws Exception {
        RecordingSink sink = RecordingSink.text("""
            # HELP m Backslash \\\\, line\\nbreak, quote \\" and \\t stay.
            m{path="C:\\\\dir\\"x\\"\\nnext\\tkept",unicode="Grüße ✓ 😀"} 1
            """);

        assertThat(sink.family("m").help()).isEqualTo("Backslash \\, line\nbreak, quote \\\" and \\t stay.");
        assertThat(sink.sample("m").labels()).containsExactly(
            entry("path", "C:\\dir\"x\"\nnext\\tkept"), entry("unicode", "Grüße ✓ 😀"));
    }

    @Test
    void aLabelValueMaySpanLinesAndLineNumbersFollow() {
        String body = "a{v=\"one\ntwo\"} 1\nb 1\nc{ 1\n";

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> RecordingSink.text(body),
            ExpositionParseException.class).line()).isEqualTo(4);
    }

    @Test
    void acceptsBlankLinesMissingFinalLineBreakAndAnEmptyBody() throws Exception {
        assertThat(RecordingSink.text("").samples).isEmpty();
        assertThat(RecordingSink.text("\n\n  \t\n").samples).isEmpty();

        RecordingSink sink = RecordingSink.text("\n  a 1\n\n\tb{} 2 17");

        assertThat(sink.samples).extracting(s -> s.name() + "=" + s.value() + "@" + s.timestamp())
            .containsExactly("a=1.0@" + Long.MIN_VALUE, "b=2.0@17");
    }

    @Test
    void treatsHashLinesOtherThanHelpAndTypeAsComments() throws Exception {
        RecordingSink sink = RecordingSink.text("""
            #HELP a not metadata
            # HELP
            # TYPEX a counter
            # UNIT a seconds
            # EOF
            a 1
            """);

        assertThat(sink.families).isEmpty();
        assertThat(sink.sample("a").type()).isEqualTo("untyped");
    }

    @Test
    void keepsSamplesOfLabelsSortedWithoutTheMetricName() throws Exception {
        RecordingSink sink = RecordingSink.text("m{zeta=\"1\",alpha=\"2\",Mid=\"3\",_u=\"4\"} 1\n");

        assertThat(sink.sample("m").labels().keySet()).containsExactly("Mid", "_u", "alpha", "zeta");
    }

    @Test
    void sortsLargeLabelSets() throws Exception {
        StringBuilder body = new StringBuilder("m{");
        for (int i = 40; i > 0; i--) {
            body.append("l").append(i).append("=\"").append(i).append("\",");
        }
        RecordingSink sink = RecordingSink.text(body.append("} 1").toString());

        assertThat(sink.sample("m").labels()).hasSize(40).containsEntry("l7", "7");
    }
}
