/**
 * Breaking services on purpose: the {@link io.headroom.chaos.FaultInjector} interface each
 * platform adapter implements (the demo fleet first), and {@link io.headroom.chaos.Chaos},
 * which validates, records and times every fault. Experiments with steady-state checks build
 * on this.
 */
package io.headroom.chaos;
