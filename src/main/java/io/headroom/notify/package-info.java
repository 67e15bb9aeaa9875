/**
 * Notifications of alert state changes: channels (webhooks in Alertmanager, Slack or generic JSON
 * form, routed by label matchers, grouped as Alertmanager groups), a transactional outbox, signed
 * delivery with retries, and the delivery log. It hears of alerts through
 * {@link io.headroom.alerting.AlertStateChanged}, inside the evaluation's transaction, so a change
 * and the record that it must be notified commit together; it asks alerting only which alerts
 * are muted ({@link io.headroom.alerting.Muting}) when a group goes out.
 */
package io.headroom.notify;
