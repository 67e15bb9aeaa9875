package io.headroom.store;

/** One record cannot be stored as given; the caller rejects that record and keeps the rest. */
public final class InvalidTelemetryException extends RuntimeException {

    public InvalidTelemetryException(String reason) {
        super(reason, null, false, false);
    }
}
