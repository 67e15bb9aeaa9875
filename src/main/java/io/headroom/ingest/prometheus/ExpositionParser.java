package io.headroom.ingest.prometheus;

import java.util.Objects;

/**
 * Reads a scrape body in the Prometheus text format 0.0.4 or OpenMetrics 1.0 text and hands its
 * metadata and samples to a {@link SampleSink} as it goes. What is accepted follows Prometheus's own
 * parsers (model/textparse promparse.go and openmetricsparse.go); the deliberate differences are in
 * this package's description.
 */
public final class ExpositionParser {

    private ExpositionParser() {
    }

    /**
     * Parses {@code body[0, length)}. The sink may have received part of the body when this throws;
     * the caller discards the scrape, as Prometheus does. Exceptions thrown by the sink pass through.
     *
     * @throws ExpositionParseException for any body that is not valid or breaks a limit, and only then
     * @throws IllegalArgumentException when {@code length} is outside the array
     */
    public static void parse(byte[] body, int length, ExpositionFormat format, ScrapeLimits limits, SampleSink sink)
        throws ExpositionParseException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sink, "sink");
        if (length < 0 || length > body.length) {
            throw new IllegalArgumentException("length " + length + " outside a body of " + body.length + " bytes");
        }
        Scanner scanner = new Scanner(body, length);
        if (format == ExpositionFormat.OPENMETRICS_1_0_0) {
            new OpenMetricsParser(scanner, limits, sink).parse();
        } else {
            new TextParser(scanner, limits, sink).parse();
        }
    }
}
