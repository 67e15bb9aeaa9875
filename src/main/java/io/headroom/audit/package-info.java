/**
 * The audit log: who did what, when, from where, on which service, with which parameters, and
 * how it ended. An action marked {@link io.headroom.audit.Audited} is written before it runs
 * (even when it is then refused) and completed after; sign-ins are written as they happen.
 * Entries are only ever added and completed: nothing in Headroom edits or deletes them.
 */
package io.headroom.audit;
