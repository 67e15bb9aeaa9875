package io.headroom.ingest.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** How one protocol words its answers; {@link HttpReceiver} decides which answer a request gets. */
public interface Answers {

    /** The 2xx answer, given once the request's records are committed; rejections names those left out. */
    ResponseEntity<byte[]> stored(Rejections rejections);

    /**
     * Completes a refusal whose status (and, for 503, {@code Retry-After}) is already set with
     * this protocol's error body.
     */
    ResponseEntity<byte[]> refused(ResponseEntity.BodyBuilder response, HttpStatus status, String message);
}
