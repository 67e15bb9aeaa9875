package io.headroom.chaos;

/**
 * The system that injects a fault could not be asked or failed (an application's actuator that
 * does not answer, an API server that refuses); the message says which and what it said. The API
 * answers 502: the fault is upstream of Headroom.
 */
public class FaultInjectorUnavailable extends IllegalStateException {

    public FaultInjectorUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
