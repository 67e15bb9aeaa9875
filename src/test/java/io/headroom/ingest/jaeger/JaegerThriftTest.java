package io.headroom.ingest.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import io.headroom.TestObjects;
import io.headroom.ingest.http.Refusal;
import org.junit.jupiter.api.Test;

/** Forged Thrift is refused with a reason, before libthrift allocates what the body only claims to hold. */
class JaegerThriftTest {

    @Test
    void decodesWhatAJaegerClientSends() throws Refusal {
        var span = TestObjects.jaegerSpan("GET /", TestObjects.nowMicros(), 1_500);
        var batch = JaegerThrift.decode(TestObjects.thrift("billing", span));
        assertThat(batch.getProcess().getServiceName()).isEqualTo("billing");
        assertThat(batch.getSpans()).containsExactly(span);
    }

    @Test
    void aForgedListLengthIsRefusedWithoutAllocatingIt() {
        // Unguarded, libthrift 0.15 calls new ArrayList<>(2^31 - 1) here: OutOfMemoryError.
        assertThatThrownBy(() -> JaegerThrift.decode(forgedSpanCount(Integer.MAX_VALUE)))
                .isInstanceOf(Refusal.class).hasMessageContaining("Length exceeded max allowed: 2147483647");
    }

    @Test
    void aForgedStringLengthIsRefused() {
        for (int length : new int[] {Integer.MAX_VALUE, -5}) {
            byte[] body = ByteBuffer.allocate(16).put((byte) 12).putShort((short) 1)   // process: struct
                    .put((byte) 11).putShort((short) 1).putInt(length)                  // serviceName: string of `length` bytes
                    .array();
            assertThatThrownBy(() -> JaegerThrift.decode(body)).as("length %d", length).isInstanceOf(Refusal.class);
        }
    }

    @Test
    void deepNestingIsRefusedBeforeTheStackRunsOut() {
        // An unknown field (id 99) holding a struct holding a struct ...: libthrift skips it recursively.
        var body = new ByteArrayOutputStream();
        for (int i = 0; i < 1_000_000; i++) {
            body.writeBytes(new byte[] {12, 0, 99});
        }
        assertThatThrownBy(() -> JaegerThrift.decode(body.toByteArray()))
                .isInstanceOf(Refusal.class).hasMessageContaining("nested deeper than 64 levels");
    }

    @Test
    void garbageAndMissingRequiredFieldsAreRefused() {
        assertThatThrownBy(() -> JaegerThrift.decode("{\"spans\": []}".getBytes())).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("cannot decode a Jaeger Thrift Batch");
        assertThatThrownBy(() -> JaegerThrift.decode(new byte[0])).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> JaegerThrift.decode(new byte[] {0})).as("a Batch without its process and spans")
                .isInstanceOf(Refusal.class).hasMessageContaining("Required field");
    }

    /** A Batch whose process is {serviceName: "x"} and whose span list claims {@code count} spans it does not have. */
    static byte[] forgedSpanCount(int count) {
        return ByteBuffer.allocate(20)
                .put((byte) 12).putShort((short) 1)                                 // field 1, process: struct
                .put((byte) 11).putShort((short) 1).putInt(1).put((byte) 'x')       //   field 1, serviceName: "x"
                .put((byte) 0)                                                      //   end of process
                .put((byte) 15).putShort((short) 2).put((byte) 12).putInt(count)     // field 2, spans: list<struct>
                .array();
    }
}
