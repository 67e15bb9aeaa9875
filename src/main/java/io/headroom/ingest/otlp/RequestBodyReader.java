package io.headroom.ingest.otlp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body, inflating gzip, without ever holding more than the limit: the decoded
 * stream is read in chunks and abandoned as soon as it passes the limit, so a gzip bomb costs
 * at most {@code limit} bytes of memory.
 */
final class RequestBodyReader {

    static final class TooLarge extends Exception {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private RequestBodyReader() {
    }

    static byte[] read(InputStream body, long declaredLength, boolean gzip, long limit)
            throws IOException, TooLarge, Malformed {
        if (declaredLength > limit) {
            throw new TooLarge("request body of " + declaredLength + " bytes is over the limit of " + limit + " bytes");
        }
        byte[] raw = readBounded(body, limit, "request body");
        if (!gzip) {
            return raw;
        }
        try (InputStream inflated = new GZIPInputStream(new java.io.ByteArrayInputStream(raw), 64 * 1024)) {
            return readBounded(inflated, limit, "decompressed request body");
        } catch (ZipException | java.io.EOFException e) {
            throw new Malformed("body is not valid gzip: " + e.getMessage());
        }
    }

    private static byte[] readBounded(InputStream in, long limit, String what) throws IOException, TooLarge {
        var out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > limit) {
                throw new TooLarge(what + " is over the limit of " + limit + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }
}
