package io.headroom.ingest;

/** The kinds of telemetry Headroom takes in, as named in metrics and errors. */
public enum Signal {
    TRACES, LOGS, METRICS;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
