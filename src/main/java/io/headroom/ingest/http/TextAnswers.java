package io.headroom.ingest.http;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Answers in plain text, as the Jaeger collector and Prometheus's receivers write them; protocols decide the 2xx. */
public abstract class TextAnswers implements Answers {

    @Override
    public ResponseEntity<byte[]> refused(ResponseEntity.BodyBuilder response, HttpStatus status, String message) {
        return text(response, message);
    }

    protected static ResponseEntity<byte[]> text(ResponseEntity.BodyBuilder response, String message) {
        return response.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(message.getBytes(StandardCharsets.UTF_8));
    }
}
