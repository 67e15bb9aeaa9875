package io.headroom.ingest.http;

/**
 * A request body as it arrived and with its {@code Content-Encoding} undone (the same array when
 * there was none). A sender retrying a request resends the bytes as sent, so those are what a
 * retry is recognised by: fewer of them to hash than decoded.
 */
public record ReceivedBody(byte[] asSent, byte[] decoded) {
}
