package io.headroom.scaling;

/**
 * The platform could not be asked or did not answer sensibly (unreachable, timed out, an error
 * status, an answer that is not what the adapter expects); the message says which, and where.
 * The API answers 502: the fault is upstream of Headroom.
 */
public class ScaleTargetUnavailable extends IllegalStateException {

    public ScaleTargetUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
