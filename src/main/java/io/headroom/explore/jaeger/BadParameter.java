package io.headroom.explore.jaeger;

/** A request parameter the query API cannot use; answered 400 in Jaeger's error envelope with this message. */
final class BadParameter extends RuntimeException {

    BadParameter(String message) {
        super(message, null, false, false);
    }
}
