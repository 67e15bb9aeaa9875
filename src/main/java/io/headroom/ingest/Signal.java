package io.headroom.ingest;

/** The kinds of telemetry Headroom takes in, as named in metrics and errors. */
public enum Signal {
    TRACES("spans"), LOGS("log_records"), METRICS("samples");

    private final String recordName;

    Signal(String recordName) {
        this.recordName = recordName;
    }

    public String recordName() {
        return recordName;
    }

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
