/**
 * Notifications of alert state changes: channels (webhooks in Alertmanager, Slack or generic JSON
 * form, routed by label matchers, grouped as Alertmanager groups), a transactional outbox, signed
 * delivery with retries, and the delivery log. It hears alerting only through
 * {@link io.headroom.alerting.AlertStateChanged}, inside the evaluation's transaction, so a change
 * and the record that it must be notified commit together.
 */
package io.headroom.notify;
