package io.headroom.ingest.prometheus;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the body and the lexical pieces both formats share: names, quoted strings,
 * numbers, error messages. Works on the bytes directly; Strings are made only for what the sink
 * receives.
 */
final class Scanner {

    private static final byte METRIC_START = 1;
    private static final byte METRIC_PART = 2;
    private static final byte LABEL_START = 4;
    private static final byte LABEL_PART = 8;
    private static final byte[] CLASSES = new byte[256];

    static {
        for (int c = 0; c < 256; c++) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            CLASSES[c] = (byte) ((letter || c == ':' ? METRIC_START : 0) | (letter || digit || c == ':' ? METRIC_PART : 0)
                | (letter ? LABEL_START : 0) | (letter || digit ? LABEL_PART : 0));
        }
    }

    final byte[] b;
    final int end;
    int pos;
    int line = 1;

    /** Where the content of the last quoted string starts and ends (without the quotes). */
    int quotedStart;
    int quotedEnd;
    /** Whether the last quoted string holds a backslash (so must be unescaped) or non-ASCII bytes. */
    boolean quotedEscaped;
    boolean quotedAscii;

    /** The hash (see {@link StringCache#hash}) of the last name or quoted string scanned. */
    private int scannedHash;
    private byte[] scratch;

    Scanner(byte[] body, int length) {
        this.b = body;
        this.end = length;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** The byte at the cursor, or -1 at the end. */
    int peek() {
        return pos < end ? b[pos] & 0xff : -1;
    }

    boolean peekIs(char c) {
        return pos < end && b[pos] == c;
    }

    boolean atLineEnd() {
        return pos >= end || b[pos] == '\n';
    }

    /** Consumes the line break at the cursor, if any. */
    void endLine() {
        if (pos < end) {
            pos++;
            line++;
        }
    }

    void skipBlanks() {
        while (pos < end && (b[pos] == ' ' || b[pos] == '\t')) {
            pos++;
        }
    }

    /** The index of the next line break at or after {@code from}, or the end. */
    int lineEnd(int from) {
        int p = from;
        while (p < end && b[p] != '\n') {
            p++;
        }
        return p;
    }

    boolean startsWith(String word) {
        return end - pos >= word.length() && regionMatches(pos, word);
    }

    private boolean regionMatches(int from, String word) {
        for (int i = 0; i < word.length(); i++) {
            if (b[from + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The one of {@code words} that {@code [from, to)} holds exactly, or null. */
    String oneOf(int from, int to, String[] words) {
        for (String word : words) {
            if (word.length() == to - from && regionMatches(from, word)) {
                return word;
            }
        }
        return null;
    }

    static boolean isMetricStart(int c) {
        return c >= 0 && (CLASSES[c] & METRIC_START) != 0;
    }

    static boolean isLabelStart(int c) {
        return c >= 0 && (CLASSES[c] & LABEL_START) != 0;
    }

    /** At a metric name's first character: returns the index after its last one and moves there. */
    int scanMetricName() {
        return scanName(METRIC_PART);
    }

    /** At a label name's first character: returns the index after its last one and moves there. */
    int scanLabelName() {
        return scanName(LABEL_PART);
    }

    private int scanName(byte part) {
        int p = pos;
        int hash = 0;
        while (p < end) {
            byte c = b[p];
            if ((CLASSES[c & 0xff] & part) == 0) {
                break;
            }
            hash = 31 * hash + c;
            p++;
        }
        scannedHash = hash;
        pos = p;
        return p;
    }

    /** The name just scanned, {@code [from, to)}, reusing the hash computed while scanning it. */
    String scannedName(int from, int to) {
        return StringCache.get(b, from, to, true, scannedHash);
    }

    /**
     * At an opening quote: finds the closing one, checking that every backslash escapes something
     * other than a line break (so a value cannot end in an escaped quote) and that the bytes are
     * UTF-8, as Prometheus does. Only the 0.0.4 text format lets a label value span lines.
     */
    void scanQuoted(boolean lineBreaksAllowed, String what, String labelName) throws ExpositionParseException {
        int p = pos + 1;
        int startLine = line;
        boolean escaped = false;
        boolean ascii = true;
        int hash = 0;
        while (true) {
            if (p >= end) {
                throw new ExpositionParseException(startLine, quotedWhat(what, labelName) + " not closed", false);
            }
            int c = b[p] & 0xff;
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                escaped = true;
                if (p + 1 >= end) {
                    throw new ExpositionParseException(startLine, quotedWhat(what, labelName) + " not closed", false);
                }
                int next = b[p + 1] & 0xff;
                if (next == '\n') {
                    throw error("backslash before a line break in " + quotedWhat(what, labelName));
                }
                // An escaped non-ASCII character is kept as written; its bytes are checked next round.
                p += next < 0x80 ? 2 : 1;
            } else if (c < 0x80) {
                if (c == '\n') {
                    if (!lineBreaksAllowed) {
                        throw error(quotedWhat(what, labelName) + " not closed before the end of the line");
                    }
                    line++;
                }
                hash = 31 * hash + c;
                p++;
            } else {
                int n = Utf8.sequenceLength(b, p, end);
                if (n < 0) {
                    throw error("invalid UTF-8 in " + quotedWhat(what, labelName));
                }
                ascii = false;
                for (int i = 0; i < n; i++) {
                    hash = 31 * hash + b[p + i];
                }
                p += n;
            }
        }
        quotedStart = pos + 1;
        quotedEnd = p;
        quotedEscaped = escaped;
        quotedAscii = ascii;
        scannedHash = hash;
        pos = p + 1;
    }

    /** "value of label x": built only for a message, as a label value is read on every line. */
    private static String quotedWhat(String what, String labelName) {
        return labelName == null ? what : what + " " + labelName;
    }

    /** The last quoted string as the sink sees it; null when it is longer than {@code maxLength} bytes. */
    String quotedValue(int maxLength) {
        if (!quotedEscaped) {
            if (ScrapeLimits.exceeds(quotedEnd - quotedStart, maxLength)) {
                return null;
            }
            return StringCache.get(b, quotedStart, quotedEnd, quotedAscii, scannedHash);
        }
        int n = unescape(quotedStart, quotedEnd, true);
        return ScrapeLimits.exceeds(n, maxLength) ? null : new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * HELP text with its escapes resolved: {@code \\} and {@code \n}, plus {@code \"} in OpenMetrics.
     * Other backslashes stay as written, as Prometheus's replacer leaves them.
     */
    String helpText(int from, int to, boolean quoteEscape) throws ExpositionParseException {
        if (!Utf8.isValid(b, from, to)) {
            throw error("HELP text is not valid UTF-8");
        }
        int n = unescape(from, to, quoteEscape);
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
    }

    private int unescape(int from, int to, boolean quoteEscape) {
        if (scratch == null || scratch.length < to - from) {
            scratch = new byte[Math.max(64, to - from)];
        }
        int n = 0;
        for (int p = from; p < to; p++) {
            byte c = b[p];
            if (c == '\\' && p + 1 < to) {
                byte next = b[p + 1];
                if (next == '\\' || next == 'n' || (next == '"' && quoteEscape)) {
                    scratch[n++] = next == 'n' ? (byte) '\n' : next;
                    p++;
                    continue;
                }
            }
            scratch[n++] = c;
        }
        return n;
    }

    String name(int from, int to) {
        return StringCache.get(b, from, to, true);
    }

    /** "invalid value "1\x0d"", with a hint when the token ends in a carriage return. */
    ExpositionParseException invalid(String what, int from, int to) {
        return invalid(what, from, to, "");
    }

    ExpositionParseException invalid(String what, int from, int to, String explanation) {
        boolean carriageReturn = to > from && b[to - 1] == '\r';
        return error("invalid " + what + " " + quote(from, to)
            + (carriageReturn ? " (Windows line endings are not accepted)" : explanation));
    }

    ExpositionParseException error(String reason) {
        return new ExpositionParseException(line, reason, false);
    }

    ExpositionParseException limit(String reason) {
        return new ExpositionParseException(line, reason, true);
    }

    /** What is at the cursor, for "expected X, found Y" messages. */
    String found() {
        if (pos >= end) {
            return "end of input";
        }
        int c = b[pos] & 0xff;
        return switch (c) {
            case '\n' -> "end of line";
            case '\r' -> "a carriage return (Windows line endings are not accepted)";
            case ' ' -> "a space";
            case '\t' -> "a tab";
            default -> c > ' ' && c < 0x7f ? "'" + (char) c + "'" : String.format("byte 0x%02x", c);
        };
    }

    /** Bytes of the body quoted for a message: printable ASCII as is, the rest as \xNN, at most 40. */
    String quote(int from, int to) {
        StringBuilder s = new StringBuilder("\"");
        int stop = Math.min(to, from + 40);
        for (int p = from; p < stop; p++) {
            int c = b[p] & 0xff;
            if (c >= ' ' && c < 0x7f && c != '"' && c != '\\') {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.append(stop < to ? "...\"" : "\"").toString();
    }
}
