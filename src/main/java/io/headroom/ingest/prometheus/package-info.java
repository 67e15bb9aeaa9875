/**
 * Reads Prometheus scrape bodies: the text format 0.0.4 and OpenMetrics 1.0 text, from bytes, into
 * a {@link io.headroom.ingest.prometheus.SampleSink}. Public face: {@code ExpositionParser},
 * {@code ExpositionFormat}, {@code ScrapeLimits}, {@code SampleSink}, {@code ExpositionParseException};
 * the rest is internal.
 *
 * <p>What is accepted follows Prometheus's model/textparse (promparse.go, openmetricsparse.go, and
 * isSeriesPartOfFamily for a sample's type), with these deliberate differences:
 * <ul>
 * <li>OpenMetrics family rules the specification states and Prometheus leaves unchecked are
 *     enforced: metadata before samples and once per kind, a family's lines together, sample
 *     names the family's type allows ({@code _total}/{@code _created} for counters, {@code _info}
 *     for info), no unit on info and stateset families.</li>
 * <li>In 0.0.4 text, a second TYPE line that contradicts the first for the same family is refused
 *     (Prometheus lets the last one win; the sink would already have been told the first). Repeated
 *     HELP lines are ignored after the first.</li>
 * <li>Quoted UTF-8 metric and label names ({@code {"my.metric"}}), which need the escaping=allow-utf-8
 *     content negotiation that {@code SCRAPE_ACCEPT} does not ask for, are refused.</li>
 * <li>A metric name in HELP/TYPE must be followed by a blank or the end of the line; Prometheus
 *     takes the text to start one byte after the name whatever that byte is.</li>
 * <li>A NUL byte at the start of a 0.0.4 line is an error; Prometheus's lexer treats it as the end
 *     of the body and silently drops the rest.</li>
 * <li>{@code le} and {@code quantile} label values are passed on as written; Prometheus 3 rewrites
 *     them to OpenMetrics float form ({@code 1} becomes {@code 1.0}). NaN is Java's NaN, not
 *     Prometheus's "normal NaN" bit pattern.</li>
 * <li>No value-level checks Prometheus does not make either: histogram buckets need not be
 *     cumulative or end in {@code +Inf}, counters may be negative, exemplars may sit on any sample.</li>
 * </ul>
 */
package io.headroom.ingest.prometheus;
