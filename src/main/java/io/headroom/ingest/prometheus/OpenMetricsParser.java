package io.headroom.ingest.prometheus;

/**
 * OpenMetrics 1.0 text, accepting what Prometheus's openmetricsparse accepts lexically (single
 * spaces, no comments but HELP/TYPE/UNIT, no blank lines, {@code # EOF} last) plus the family
 * rules of {@link OpenMetricsFamilies}. Timestamps are float seconds; exemplars are checked and
 * dropped.
 */
final class OpenMetricsParser {

    private static final String[] TYPES = {Family.COUNTER, Family.GAUGE, Family.HISTOGRAM, Family.GAUGEHISTOGRAM,
        Family.SUMMARY, Family.INFO, Family.STATESET, Family.UNKNOWN};
    private static final String EXEMPLAR_START = "# {";

    private final Scanner s;
    private final SampleReader reader;
    private final OpenMetricsFamilies families;

    OpenMetricsParser(Scanner s, ScrapeLimits limits, SampleSink sink) {
        this.s = s;
        this.reader = new SampleReader(s, limits, sink);
        this.families = new OpenMetricsFamilies(sink);
    }

    void parse() throws ExpositionParseException {
        while (true) {
            if (s.atEnd()) {
                throw missingEof();
            }
            int c = s.peek();
            if (c == '#') {
                if (descriptor()) {
                    break;
                }
            } else {
                sample(c);
            }
        }
        families.finish();
    }

    private ExpositionParseException missingEof() {
        return s.error("missing # EOF at the end (OpenMetrics requires it)");
    }

    /** A '#' line; true for {@code # EOF}, which must end the body (one line break may follow). */
    private boolean descriptor() throws ExpositionParseException {
        if (!s.startsWith("# ")) {
            throw s.error("expected '# ' (OpenMetrics allows only # HELP, # TYPE, # UNIT and # EOF lines)");
        }
        s.pos += 2;
        if (s.startsWith("EOF")) {
            s.pos += 3;
            if (s.peekIs('\n')) {
                s.endLine();
            }
            if (!s.atEnd()) {
                throw s.error("unexpected data after # EOF");
            }
            return true;
        }
        String keyword = s.startsWith("HELP ") ? "HELP" : s.startsWith("TYPE ") ? "TYPE" : s.startsWith("UNIT ") ? "UNIT" : null;
        if (keyword == null) {
            throw s.error("expected HELP, TYPE, UNIT or EOF after '# ' (OpenMetrics has no other comments)");
        }
        s.pos += 5;
        if (!Scanner.isMetricStart(s.peek())) {
            throw s.error("expected a metric name after " + keyword + ", found " + s.found());
        }
        int nameStart = s.pos;
        int nameEnd = s.scanMetricName();
        if (!s.peekIs(' ')) {
            throw s.error("expected a space and text after the metric name in " + keyword + ", found " + s.found());
        }
        int textStart = s.pos + 1;
        int textEnd = s.lineEnd(textStart);
        if (textEnd == s.end) {
            throw missingEof();
        }
        String name = s.name(nameStart, nameEnd);
        String text = switch (keyword) {
            case "HELP" -> s.helpText(textStart, textEnd, true);
            case "TYPE" -> type(textStart, textEnd);
            default -> unit(name, textStart, textEnd);
        };
        families.metadata(s, keyword, name, text);
        s.pos = textEnd;
        s.endLine();
        return false;
    }

    private String type(int from, int to) throws ExpositionParseException {
        String type = s.oneOf(from, to, TYPES);
        if (type == null) {
            throw s.invalid("metric type", from, to, " (OpenMetrics knows counter, gauge, histogram, gaugehistogram,"
                + " summary, info, stateset and unknown)");
        }
        return type;
    }

    /** A unit must end the family's name after an underscore, as Prometheus checks. */
    private String unit(String name, int from, int to) throws ExpositionParseException {
        String unit = s.name(from, to);
        if (!unit.isEmpty() && !name.endsWith("_" + unit)) {
            throw s.error("unit " + s.quote(from, to) + " is not a suffix of metric " + name);
        }
        return unit;
    }

    private void sample(int c) throws ExpositionParseException {
        String name = reader.startSample(c, "a metric name or '#'");
        if (s.peekIs('{')) {
            s.pos++;
            labels(true);
        }
        if (!s.peekIs(' ')) {
            throw s.error("expected a space and a value after " + name + ", found " + s.found());
        }
        s.pos++;
        double value = Numbers.parse(s, s.pos, token(), "value");
        long timestamp = Long.MIN_VALUE;
        if (s.peekIs(' ')) {
            s.pos++;
            if (!s.startsWith(EXEMPLAR_START)) {
                timestamp = Numbers.secondsTimestamp(s, s.pos, token(), "timestamp");
                if (s.peekIs(' ')) {
                    s.pos++;
                    if (!s.startsWith(EXEMPLAR_START)) {
                        throw s.error("expected ' # {' (an exemplar) or the end of the line after the timestamp");
                    }
                }
            }
            if (s.startsWith(EXEMPLAR_START)) {
                exemplar();
            }
        }
        endOfSampleLine();
        String type = families.sampleType(s, reader.nameStart, reader.nameEnd, name);
        reader.emit(name, type, value, timestamp);
        s.endLine();
    }

    /** Moves past a run of bytes up to a space or line break, which must not be empty; returns its end. */
    private int token() throws ExpositionParseException {
        int start = s.pos;
        while (!s.atLineEnd() && s.b[s.pos] != ' ') {
            s.pos++;
        }
        if (s.pos == start) {
            throw s.error("expected a value or timestamp, found " + s.found());
        }
        return s.pos;
    }

    private void endOfSampleLine() throws ExpositionParseException {
        if (s.atEnd()) {
            throw missingEof();
        }
        if (!s.peekIs('\n')) {
            throw s.error("expected the end of the line, found " + s.found());
        }
    }

    /** {@code # {labels} value [timestamp]}: checked as Prometheus checks it, then dropped. */
    private void exemplar() throws ExpositionParseException {
        s.pos += EXEMPLAR_START.length();
        labels(false);
        if (!s.peekIs(' ')) {
            throw s.error("expected a space and a value after the exemplar's labels, found " + s.found());
        }
        s.pos++;
        Numbers.parse(s, s.pos, token(), "exemplar value");
        if (s.peekIs(' ')) {
            s.pos++;
            Numbers.secondsTimestamp(s, s.pos, token(), "exemplar timestamp");
        }
    }

    /** After '{': labels without blanks, separated by commas (a trailing one allowed, as in Prometheus). */
    private void labels(boolean keep) throws ExpositionParseException {
        if (s.peekIs('}')) {
            s.pos++;
            return;
        }
        while (true) {
            if (!Scanner.isLabelStart(s.peek())) {
                throw s.error("expected a label name, found " + s.found());
            }
            String name = keep ? reader.labelName() : null;
            if (!keep) {
                s.scanLabelName();
            }
            if (!s.peekIs('=')) {
                throw s.error("expected '=' after a label name, found " + s.found());
            }
            s.pos++;
            if (!s.peekIs('"')) {
                throw s.error("expected a quoted label value, found " + s.found());
            }
            if (keep) {
                reader.labels.add(s, name, reader.labelValue(name, false));
            } else {
                s.scanQuoted(false, "exemplar label value", null);
            }
            if (s.peekIs(',')) {
                s.pos++;
                if (s.peekIs('}')) {
                    s.pos++;
                    return;
                }
            } else if (s.peekIs('}')) {
                s.pos++;
                return;
            } else {
                throw s.error("expected ',' or '}' after a label value, found " + s.found());
            }
        }
    }
}
