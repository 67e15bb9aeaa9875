package io.headroom.ingest.prometheus;

/**
 * The Prometheus text format 0.0.4, accepting what Prometheus's promparse accepts: blanks (spaces
 * and tabs) around every token, comments, HELP and TYPE in any order, a trailing comma (or none
 * between labels) in a label set, values in Go's float syntax, optional integer millisecond
 * timestamps. A carriage return is not a blank, so Windows line endings are refused, as there.
 */
final class TextParser {

    private static final String[] TYPES = {Family.COUNTER, Family.GAUGE, Family.HISTOGRAM, Family.SUMMARY, Family.UNTYPED};

    private final Scanner s;
    private final SampleReader reader;
    private final TextFamilies families;

    TextParser(Scanner s, ScrapeLimits limits, SampleSink sink) {
        this.s = s;
        this.reader = new SampleReader(s, limits, sink);
        this.families = new TextFamilies(sink);
    }

    void parse() throws ExpositionParseException {
        while (true) {
            s.skipBlanks();
            if (s.atEnd()) {
                break;
            }
            int c = s.peek();
            if (c == '\n') {
                s.endLine();
            } else if (c == '#') {
                comment();
            } else {
                sample(c);
            }
        }
        families.flush();
    }

    private void comment() throws ExpositionParseException {
        s.pos++;
        int c = s.peek();
        if (c == ' ' || c == '\t') {
            s.skipBlanks();
            if (keyword("HELP")) {
                metadata(true);
                return;
            }
            if (keyword("TYPE")) {
                metadata(false);
                return;
            }
        }
        s.pos = s.lineEnd(s.pos);
        s.endLine();
    }

    /** HELP or TYPE followed by a blank; anything else after '#' is a comment. */
    private boolean keyword(String word) {
        if (!s.startsWith(word) || s.pos + word.length() >= s.end) {
            return false;
        }
        byte next = s.b[s.pos + word.length()];
        return next == ' ' || next == '\t';
    }

    private void metadata(boolean help) throws ExpositionParseException {
        String keyword = help ? "HELP" : "TYPE";
        s.pos += keyword.length();
        s.skipBlanks();
        if (!Scanner.isMetricStart(s.peek())) {
            throw s.error("expected a metric name after " + keyword + ", found " + s.found());
        }
        int nameStart = s.pos;
        int nameEnd = s.scanMetricName();
        // Prometheus takes the text to start one byte after the name, whatever that byte is; here it must be a blank.
        if (!s.atLineEnd()) {
            int c = s.peek();
            if (c != ' ' && c != '\t') {
                throw s.error("expected a blank after the metric name in " + keyword + ", found " + s.found());
            }
            s.pos++;
        }
        int textEnd = s.lineEnd(s.pos);
        String name = s.name(nameStart, nameEnd);
        if (help) {
            families.help(name, s.helpText(s.pos, textEnd, false));
        } else {
            families.type(s, name, type(s.pos, textEnd));
        }
        s.pos = textEnd;
        s.endLine();
    }

    private String type(int from, int to) throws ExpositionParseException {
        String type = s.oneOf(from, to, TYPES);
        if (type == null) {
            throw s.invalid("metric type", from, to, " (the 0.0.4 text format knows counter, gauge, histogram, summary and untyped)");
        }
        return type;
    }

    private void sample(int c) throws ExpositionParseException {
        String name = reader.startSample(c, "a metric name");
        s.skipBlanks();
        if (s.peekIs('{')) {
            s.pos++;
            labels();
            s.skipBlanks();
        }
        int valueStart = s.pos;
        while (!s.atLineEnd() && s.b[s.pos] != ' ' && s.b[s.pos] != '\t' && s.b[s.pos] != '{') {
            s.pos++;
        }
        if (s.pos == valueStart) {
            throw s.error("expected a value after " + name + ", found " + s.found());
        }
        double value = Numbers.parse(s, valueStart, s.pos, "value");
        s.skipBlanks();
        long timestamp = Long.MIN_VALUE;
        if (!s.atLineEnd()) {
            int timestampStart = s.pos;
            while (!s.atLineEnd() && s.b[s.pos] != ' ' && s.b[s.pos] != '\t') {
                s.pos++;
            }
            timestamp = Numbers.integerTimestamp(s, timestampStart, s.pos);
            s.skipBlanks();
            if (!s.atLineEnd()) {
                throw s.error("expected the end of the line after the timestamp, found " + s.found());
            }
        }
        families.flush();
        reader.emit(name, families.typeOf(s.b, reader.nameStart, reader.nameEnd), value, timestamp);
        s.endLine();
    }

    private void labels() throws ExpositionParseException {
        while (true) {
            s.skipBlanks();
            int c = s.peek();
            if (c == '}') {
                s.pos++;
                return;
            }
            if (!Scanner.isLabelStart(c)) {
                throw s.error("expected a label name or '}', found " + s.found());
            }
            String name = reader.labelName();
            s.skipBlanks();
            if (!s.peekIs('=')) {
                throw s.error("expected '=' after label name " + name + ", found " + s.found());
            }
            s.pos++;
            s.skipBlanks();
            if (!s.peekIs('"')) {
                throw s.error("expected a quoted value for label " + name + ", found " + s.found());
            }
            reader.labels.add(s, name, reader.labelValue(name, true));
            s.skipBlanks();
            if (s.peekIs(',')) {
                s.pos++;
            }
        }
    }
}
