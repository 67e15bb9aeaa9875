package io.headroom.ingest.http;

import org.springframework.http.HttpStatus;

/** A request refused as a whole, before any of its records could be counted: its status, metric reason and message. */
public final class Refusal extends Exception {

    private final HttpStatus status;
    private final String reason;

    Refusal(HttpStatus status, String reason, String message) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    public static Refusal undecodable(String message) {
        return new Refusal(HttpStatus.BAD_REQUEST, "undecodable", message);
    }

    public static Refusal unsupportedMediaType(String message) {
        return new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", message);
    }

    HttpStatus status() {
        return status;
    }

    /** A short stable word for the metric: undecodable, too_large, ... */
    String reason() {
        return reason;
    }
}
