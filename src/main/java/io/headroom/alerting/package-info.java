/**
 * Alert rules on KPIs, their evaluation and the state of each alert (issue 7, being built). The
 * state machine ({@link io.headroom.alerting.AlertStateMachine}) is pure: it is given the
 * instant and whether the rule's condition held, and says what the alert becomes. Delivery is
 * another module's ({@code notify}), reached through past-tense events.
 */
package io.headroom.alerting;
