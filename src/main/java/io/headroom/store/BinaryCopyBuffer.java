package io.headroom.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Tuples in PostgreSQL's binary COPY format. Request threads encode their rows here in
 * parallel, so the single writer only streams bytes; binary avoids PostgreSQL parsing text
 * numbers and timestamps.
 */
final class BinaryCopyBuffer {

    /** Writes the tuples of one COPY, between the header and trailer {@link #copyIn} adds. */
    interface Tuples {
        void writeTo(CopyIn copy) throws SQLException;
    }

    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final byte JSONB_VERSION = 1;

    /** One bounds check and one store per number: ingest writes several per sample. */
    private static final VarHandle INT_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int size;
    private int rowStart = -1;

    BinaryCopyBuffer(int initialCapacity) {
        bytes = new byte[Math.max(64, initialCapacity)];
    }

    void beginRow(int fieldCount) {
        rowStart = size;
        int16(fieldCount);
    }

    /** Forgets the row being written, after one of its fields turned out invalid. */
    void abandonRow() {
        if (rowStart >= 0) {
            size = rowStart;
            rowStart = -1;
        }
    }

    void endRow() {
        rowStart = -1;
    }

    void nullField() {
        int32(-1);
    }

    void text(String value) {
        if (value == null) {
            nullField();
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        rejectNul(utf8);
        int32(utf8.length);
        raw(utf8);
    }

    void jsonb(String json) {
        if (json == null) {
            nullField();
            return;
        }
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        rejectNul(utf8);
        int32(utf8.length + 1);
        ensure(1);
        bytes[size++] = JSONB_VERSION;
        raw(utf8);
    }

    void bytea(byte[] value) {
        if (value == null) {
            nullField();
            return;
        }
        int32(value.length);
        raw(value);
    }

    void int2(int value) {
        int32(2);
        int16(value);
    }

    void int4(int value) {
        int32(4);
        int32(value);
    }

    void int8(long value) {
        field8(value);
    }

    void float8(double value) {
        field8(Double.doubleToRawLongBits(value));
    }

    void timestamptz(long epochNanos) {
        field8(Math.floorDiv(epochNanos, 1000L) - PG_EPOCH_MICROS);
    }

    /** Runs one binary {@code COPY ... FROM STDIN}, cancelling it if writing the tuples fails. */
    static void copyIn(CopyManager copies, String sql, Tuples tuples) throws SQLException {
        CopyIn copy = copies.copyIn(sql);
        try {
            copy.writeToCopy(HEADER, 0, HEADER.length);
            tuples.writeTo(copy);
            copy.writeToCopy(TRAILER, 0, TRAILER.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A timestamp already in PostgreSQL's microseconds since 2000-01-01. */
    void timestamptzMicros(long pgMicros) {
        field8(pgMicros);
    }

    /** A field whose bytes are already in PostgreSQL's binary form; null writes SQL NULL. */
    void rawField(byte[] value) {
        if (value == null) {
            nullField();
            return;
        }
        int32(value.length);
        raw(value);
    }

    /** A bare 32-bit integer, not a field: for headers of composite values such as arrays. */
    void int4Raw(int value) {
        int32(value);
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    private static void rejectNul(byte[] utf8) {
        for (byte b : utf8) {
            if (b == 0) {
                throw new InvalidTelemetryException("text contains a NUL byte, which PostgreSQL cannot store");
            }
        }
    }

    private void raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void int16(int value) {
        ensure(2);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void int32(int value) {
        ensure(4);
        INT_BIG_ENDIAN.set(bytes, size, value);
        size += 4;
    }

    /** An 8-byte field: its length, then the value. */
    private void field8(long value) {
        ensure(12);
        INT_BIG_ENDIAN.set(bytes, size, 8);
        LONG_BIG_ENDIAN.set(bytes, size + 4, value);
        size += 12;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
