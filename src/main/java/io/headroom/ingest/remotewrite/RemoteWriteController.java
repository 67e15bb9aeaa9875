package io.headroom.ingest.remotewrite;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.headroom.ingest.Signal;
import io.headroom.ingest.http.Answers;
import io.headroom.ingest.http.BodyEncodings;
import io.headroom.ingest.http.HttpReceiver;
import io.headroom.ingest.http.Refusal;
import io.headroom.ingest.http.Rejections;
import io.headroom.ingest.http.TextAnswers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus remote-write 1.0 receiver. Answers as the specification asks: 204 once every
 * sample is committed; 400 when some were invalid (the valid ones are committed first, and a
 * sender does not retry a 400, which could not help); 415 for another content type, encoding or
 * protobuf message; 413 and 503 from {@link HttpReceiver}. Errors are plain text, as
 * Prometheus's own receiver writes them.
 */
@RestController
class RemoteWriteController {

    private static final String PROTOBUF = "application/x-protobuf";
    /** Remote write 2.0 names its message in the content type; only 1.0's is understood here. */
    private static final String WRITE_REQUEST_1_0 = "prometheus.WriteRequest";
    private static final Answers ANSWERS = new Answered();

    private final HttpReceiver receiver;
    private final RemoteWriteMapper mapper;

    RemoteWriteController(HttpReceiver receiver, RemoteWriteMapper mapper) {
        this.receiver = receiver;
        this.mapper = mapper;
    }

    @PostMapping("/api/v1/write")
    CompletableFuture<ResponseEntity<byte[]>> write(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!PROTOBUF.equals(HttpReceiver.mediaType(contentType)) || !isWriteRequest1(contentType)) {
            return receiver.refuse(Signal.METRICS, Refusal.unsupportedMediaType(
                    "Content-Type must be application/x-protobuf (remote write 1.0, proto=prometheus.WriteRequest), was "
                            + contentType), ANSWERS);
        }
        return receiver.receive(request, Signal.METRICS, ANSWERS, BodyEncodings.SNAPPY, WriteRequestDecoder::decode,
                mapper::map);
    }

    private static boolean isWriteRequest1(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("proto")) {
                return pair[1].trim().replace("\"", "").equals(WRITE_REQUEST_1_0);
            }
        }
        return true;
    }

    private static final class Answered extends TextAnswers {

        @Override
        public ResponseEntity<byte[]> stored(Rejections rejections) {
            return rejections.total() == 0 ? ResponseEntity.noContent().build()
                    : text(ResponseEntity.badRequest(), rejections.message("samples")
                            + "; the other samples of this request were stored");
        }
    }
}
