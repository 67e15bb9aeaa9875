package io.headroom.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.springframework.http.HttpStatus;

/**
 * Reads a request body, inflating gzip, without ever holding more than the limit: the decoded
 * stream is read in chunks and abandoned as soon as it passes the limit, so a gzip bomb costs
 * at most {@code limit} bytes of memory.
 */
final class RequestBodyReader {

    private RequestBodyReader() {
    }

    static byte[] read(InputStream body, long declaredLength, boolean gzip, long limit) throws IOException, Refusal {
        if (declaredLength > limit) {
            throw tooLarge("request body of " + declaredLength + " bytes is over the limit of " + limit + " bytes");
        }
        byte[] raw = readBounded(body, limit, "request body");
        if (!gzip) {
            return raw;
        }
        try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(raw), 64 * 1024)) {
            return readBounded(inflated, limit, "decompressed request body");
        } catch (ZipException | EOFException e) {
            throw Refusal.undecodable("body is not valid gzip: " + e.getMessage());
        }
    }

    private static byte[] readBounded(InputStream in, long limit, String what) throws IOException, Refusal {
        var out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > limit) {
                throw tooLarge(what + " is over the limit of " + limit + " bytes");
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static Refusal tooLarge(String message) {
        return new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", message);
    }
}
