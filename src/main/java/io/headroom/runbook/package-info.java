/**
 * Runbooks: Markdown pages with a title, an owner and steps, rendered safely, versioned and
 * searchable, each at a stable {@code /runbooks/{slug}}. An alert whose {@code runbook_url} points
 * at one shows it inline: this module answers alerting's
 * {@link io.headroom.alerting.RunbookSource}.
 */
package io.headroom.runbook;
