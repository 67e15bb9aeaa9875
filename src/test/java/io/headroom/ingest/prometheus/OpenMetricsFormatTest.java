package io.headroom.ingest.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** OpenMetrics 1.0 text: families, timestamps in seconds, exemplars, # EOF. */
class OpenMetricsFormatTest {

    @Test
    void readsEveryFamilyTypeWithItsSampleNames() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("""
            # TYPE requests counter
            # HELP requests Requests served.
            requests_total{code="200"} 17 1520879607.789
            requests_created{code="200"} 1520872607.123
            # TYPE latency_seconds histogram
            # UNIT latency_seconds seconds
            latency_seconds_bucket{le="0.1"} 1
            latency_seconds_bucket{le="+Inf"} 3
            latency_seconds_count 3
            latency_seconds_sum 1.5
            latency_seconds_created 1520430001
            # TYPE queue gaugehistogram
            queue_bucket{le="+Inf"} 4
            queue_gcount 4
            queue_gsum 9
            # TYPE rpc summary
            rpc{quantile="0.99"} 150.0
            rpc_count 20
            rpc_sum 324789.5
            rpc_created 1520430003
            # TYPE build info
            build_info{version="1.2"} 1
            # TYPE state stateset
            state{state="on"} 1
            state{state="off"} 0
            # TYPE free_bytes gauge
            free_bytes 1e3 123.123
            # TYPE mystery unknown
            mystery 42
            # EOF
            """);

        assertThat(sink.samples).extracting(s -> s.name() + " " + s.type()).containsExactly(
            "requests_total counter", "requests_created counter",
            "latency_seconds_bucket histogram", "latency_seconds_bucket histogram", "latency_seconds_count histogram",
            "latency_seconds_sum histogram", "latency_seconds_created histogram",
            "queue_bucket gaugehistogram", "queue_gcount gaugehistogram", "queue_gsum gaugehistogram",
            "rpc summary", "rpc_count summary", "rpc_sum summary", "rpc_created summary",
            "build_info info", "state stateset", "state stateset", "free_bytes gauge", "mystery unknown");
        assertThat(sink.families).contains(
            new RecordingSink.Family("requests", "counter", "Requests served.", null),
            new RecordingSink.Family("latency_seconds", "histogram", null, "seconds"),
            new RecordingSink.Family("build", "info", null, null));
        assertThat(sink.sample("requests_total").timestamp()).isEqualTo(1520879607789L);
        assertThat(sink.sample("requests_created").value()).isEqualTo(1520872607.123);
        assertThat(sink.sample("free_bytes").timestamp()).isEqualTo(123123);
        assertThat(sink.sample("free_bytes").value()).isEqualTo(1000);
    }

    @Test
    void checksExemplarsAndDropsThem() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("""
            # TYPE hh histogram
            hh_bucket{le="+Inf"} 1 # {id="histogram-bucket-test"} 4
            hh_count 1 # {id="histogram-count-test"} 4
            # TYPE ggh gaugehistogram
            ggh_bucket{le="+Inf"} 1 # {id="gaugehistogram-bucket-test",xx="yy"} 4 123.123
            # TYPE foo counter
            foo_total 17.0 1520879607.789 # {id="counter-test"} 5
            foo_total{a="b"} 17.0 1520879607.789 # {} 5
            foo_total{a="c"} 1 # {trace_id="Grüße \\"quoted\\"",} -Inf
            # EOF""");

        assertThat(sink.samples).extracting(s -> s.name() + " " + s.labels() + " " + s.value() + " " + s.timestamp())
            .containsExactly(
                "hh_bucket {le=+Inf} 1.0 " + Long.MIN_VALUE,
                "hh_count {} 1.0 " + Long.MIN_VALUE,
                "ggh_bucket {le=+Inf} 1.0 " + Long.MIN_VALUE,
                "foo_total {} 17.0 1520879607789",
                "foo_total {a=b} 17.0 1520879607789",
                "foo_total {a=c} 1.0 " + Long.MIN_VALUE);
    }

    @Test
    void unescapesHelpWithQuotes() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("""
            # HELP help2 escape \\ \\n \\\\ \\" \\x chars
            # HELP nohelp1\s
            # EOF
            """);

        assertThat(sink.families).containsExactly(
            new RecordingSink.Family("help2", "unknown", "escape \\ \n \\ \" \\x chars", null),
            new RecordingSink.Family("nohelp1", "unknown", "", null));
    }

    @Test
    void startsAnUnknownFamilyForASampleOutsideTheDeclaredOne() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("""
            # TYPE a gauge
            a 1
            a_total 2
            b{x="1"} 3
            b{x="2"} 4
            # EOF
            """);

        assertThat(sink.samples).extracting(RecordingSink.Sample::type).containsExactly("gauge", "unknown", "unknown", "unknown");
        assertThat(sink.calls).containsExactly("family a", "sample a", "sample a_total", "sample b", "sample b");
    }

    @Test
    void reportsFamiliesWithoutSamplesWhenTheyEnd() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("""
            # TYPE a counter
            # HELP a Nothing counted yet.
            # TYPE b gauge
            b 1
            # UNIT c_bytes bytes
            # EOF
            """);

        assertThat(sink.calls).containsExactly("family a", "family b", "sample b", "family c_bytes");
        assertThat(sink.family("c_bytes")).isEqualTo(new RecordingSink.Family("c_bytes", "unknown", null, "bytes"));
    }

    @Test
    void acceptsTrailingCommasAndEmptyLabelSetsAsPrometheusDoes() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("a{x=\"1\",} 1\nb{} 2\n# EOF");

        assertThat(sink.sample("a").labels()).containsExactly(entry("x", "1"));
        assertThat(sink.sample("b").labels()).isEmpty();
    }

    @Test
    void convertsSecondsToMillisecondsAsPrometheusDoes() throws Exception {
        RecordingSink sink = RecordingSink.openMetrics("a 1 0.0005\nb 1 -1.5\nc 1 1e3\nd 1 1700000000\n# EOF\n");

        assertThat(sink.samples).extracting(RecordingSink.Sample::timestamp).containsExactly(0L, -1500L, 1_000_000L,
            1_700_000_000_000L);
    }

    @Test
    void anEmptyExpositionIsJustEof() throws Exception {
        assertThat(RecordingSink.openMetrics("# EOF").samples).isEmpty();
        assertThat(RecordingSink.openMetrics("# EOF\n").families).isEmpty();
    }
}
