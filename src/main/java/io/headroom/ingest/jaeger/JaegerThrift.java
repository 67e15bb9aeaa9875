package io.headroom.ingest.jaeger;

import io.headroom.ingest.http.Refusal;
import io.jaegertracing.thriftjava.Batch;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMap;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TSet;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransport;

/**
 * Decodes the one {@link Batch} (Thrift binary protocol, no message envelope) a Jaeger client
 * posts, refusing what a forged body could use to exhaust memory or stack. libthrift 0.15 sizes
 * a list's {@code ArrayList} from the length the body declares, and counts a struct element as
 * zero bytes when it checks that length against the message, so 20 bytes can ask for a
 * 2^31-element list. Here no container or string may declare more elements than the body has
 * bytes (each takes at least one), the message is the body ({@link TConfiguration}), and
 * nesting stops at 64 levels (skipping an unknown field recurses, and 0.15 sets no limit).
 */
final class JaegerThrift {

    static final int MAX_DEPTH = TConfiguration.DEFAULT_RECURSION_DEPTH;

    private JaegerThrift() {
    }

    static Batch decode(byte[] body) throws Refusal {
        try {
            int size = Math.max(1, body.length);
            var transport = new TMemoryInputTransport(new TConfiguration(size, size, MAX_DEPTH), body);
            var batch = new Batch();
            batch.read(new BoundedProtocol(transport, size));
            return batch;
        } catch (TException | RuntimeException e) {
            // libthrift also fails with unchecked exceptions on some forged lengths (a negative string length).
            throw Refusal.undecodable("cannot decode a Jaeger Thrift Batch (binary protocol): " + e);
        }
    }

    private static final class BoundedProtocol extends TBinaryProtocol {

        private int depth;

        BoundedProtocol(TTransport transport, long maxLength) {
            super(transport, maxLength, maxLength);
        }

        @Override
        public TStruct readStructBegin() throws TException {
            enter();
            return super.readStructBegin();
        }

        @Override
        public void readStructEnd() throws TException {
            depth--;
            super.readStructEnd();
        }

        @Override
        public TList readListBegin() throws TException {
            enter();
            return super.readListBegin();
        }

        @Override
        public void readListEnd() throws TException {
            depth--;
            super.readListEnd();
        }

        @Override
        public TSet readSetBegin() throws TException {
            enter();
            return super.readSetBegin();
        }

        @Override
        public void readSetEnd() throws TException {
            depth--;
            super.readSetEnd();
        }

        @Override
        public TMap readMapBegin() throws TException {
            enter();
            return super.readMapBegin();
        }

        @Override
        public void readMapEnd() throws TException {
            depth--;
            super.readMapEnd();
        }

        private void enter() throws TProtocolException {
            if (++depth > MAX_DEPTH) {
                throw new TProtocolException(TProtocolException.DEPTH_LIMIT, "nested deeper than " + MAX_DEPTH + " levels");
            }
        }
    }
}
