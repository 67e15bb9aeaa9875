/** Helpers for Headroom's own HTTP calls to other systems (scrapes, webhooks, platforms it acts on). */
package io.headroom.http;
