/**
 * Breaking services on purpose: the {@link io.headroom.chaos.FaultInjector} interface each
 * platform adapter implements (the demo fleet first), and {@link io.headroom.chaos.Chaos},
 * which validates, records and times every fault; and {@link io.headroom.chaos.Experiments}:
 * faults under a steady-state hypothesis, checked before, during and after by
 * {@code ExperimentRunner}, aborted and rolled back when it breaks, reported by
 * {@link io.headroom.chaos.RunReports}, all stopped at once by the kill switch.
 */
package io.headroom.chaos;
