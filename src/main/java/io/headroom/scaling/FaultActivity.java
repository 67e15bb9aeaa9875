package io.headroom.scaling;

/**
 * Whether a fault is being injected into a service now, so a chaos-aware policy holds rather
 * than scaling an experiment's effects away. The chaos module answers; scaling does not depend on it.
 */
public interface FaultActivity {

    boolean faultInjected(String service);
}
