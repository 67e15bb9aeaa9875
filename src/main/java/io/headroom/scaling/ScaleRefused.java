package io.headroom.scaling;

/** The platform will not take the change as things stand (another autoscaler manages the target, say); the message says why. */
public class ScaleRefused extends RuntimeException {

    public ScaleRefused(String message) {
        super(message, null, false, false);
    }
}
