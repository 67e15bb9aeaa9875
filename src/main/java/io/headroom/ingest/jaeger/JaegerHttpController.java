package io.headroom.ingest.jaeger;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.headroom.ingest.Signal;
import io.headroom.ingest.http.Answers;
import io.headroom.ingest.http.HttpReceiver;
import io.headroom.ingest.http.Refusal;
import io.headroom.ingest.http.Rejections;
import io.headroom.ingest.http.TextAnswers;
import io.headroom.ingest.otlp.TraceMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Jaeger collector's Thrift-over-HTTP endpoint, where Jaeger clients' {@code HttpSender}
 * ({@code JAEGER_ENDPOINT}) posts one {@code Batch} per request. Answers 202 Accepted, as
 * Jaeger's collector does, but only once the spans are committed; errors are plain text.
 */
@RestController
class JaegerHttpController {

    private static final Set<String> THRIFT = Set.of("application/x-thrift", "application/vnd.apache.thrift.binary");
    private static final Answers ANSWERS = new Answered();

    private final HttpReceiver receiver;
    private final TraceMapper traces;

    JaegerHttpController(HttpReceiver receiver, TraceMapper traces) {
        this.receiver = receiver;
        this.traces = traces;
    }

    /** The sender appends {@code ?format=jaeger.thrift}; like Jaeger's collector, the content type decides. */
    @PostMapping("/api/traces")
    CompletableFuture<ResponseEntity<byte[]>> traces(HttpServletRequest request) {
        if (!THRIFT.contains(HttpReceiver.mediaType(request.getContentType()))) {
            return receiver.refuse(Signal.TRACES, Refusal.unsupportedMediaType(
                    "Content-Type must be application/x-thrift or application/vnd.apache.thrift.binary, was "
                            + request.getContentType()), ANSWERS);
        }
        return receiver.receive(request, Signal.TRACES, ANSWERS,
                body -> JaegerTranslator.toOtlp(JaegerThrift.decode(body.decoded())), traces::map);
    }

    /** 202 with no body when every span was stored, else the rejections in words; refusals as text. */
    private static final class Answered extends TextAnswers {

        @Override
        public ResponseEntity<byte[]> stored(Rejections rejections) {
            return rejections.total() == 0 ? ResponseEntity.accepted().build()
                    : text(ResponseEntity.accepted(), rejections.message("spans"));
        }
    }
}
