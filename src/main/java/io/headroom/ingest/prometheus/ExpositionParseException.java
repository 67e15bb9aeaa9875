package io.headroom.ingest.prometheus;

/**
 * A body that is not valid in the given format, or breaks a limit; message names the line number
 * and the reason, e.g. "line 12: label value not closed" or "line 50001: sample limit 50000
 * exceeded". The whole scrape is refused, as Prometheus refuses it.
 */
public class ExpositionParseException extends Exception {

    private final int line;
    private final String reason;
    private final boolean limitExceeded;

    public ExpositionParseException(int line, String reason, boolean limitExceeded) {
        // No stack trace: this is a verdict on a target's data, and a target that is broken stays
        // broken for every scrape; walking the stack each time would buy nothing.
        super("line " + line + ": " + reason, null, false, false);
        this.line = line;
        this.reason = reason;
        this.limitExceeded = limitExceeded;
    }

    /** The 1-based line of the body where parsing stopped. */
    public int line() {
        return line;
    }

    /** The message without the line number. */
    public String reason() {
        return reason;
    }

    /** True when the body broke one of the {@link ScrapeLimits}, false when it is malformed. */
    public boolean limitExceeded() {
        return limitExceeded;
    }
}
