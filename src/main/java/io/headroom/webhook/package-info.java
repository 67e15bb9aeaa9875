/** Signing outgoing webhooks (Standard Webhooks), shared by notifications and the webhook scale target. */
package io.headroom.webhook;
