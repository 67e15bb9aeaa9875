package io.headroom.ingest.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.protobuf.CodedOutputStream;
import io.headroom.ingest.JsonText;

/**
 * The {@code google.rpc.Status} message OTLP/HTTP puts in error responses. Written by hand:
 * two fields do not justify a dependency on the common protos.
 */
final class RpcStatus {

    static final int INVALID_ARGUMENT = 3;
    static final int RESOURCE_EXHAUSTED = 8;
    static final int UNAVAILABLE = 14;

    private RpcStatus() {
    }

    static byte[] protobuf(int code, String message) {
        try {
            var bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            out.writeInt32(1, code);
            out.writeString(2, message);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] json(int code, String message) {
        var json = new StringBuilder("{\"code\":").append(code).append(",\"message\":");
        JsonText.writeString(json, message.replace('\u0000', '?'));
        return json.append('}').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
