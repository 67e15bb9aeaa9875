package io.headroom.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.headroom.ingest.http.BodyEncodings.Encoding;
import org.springframework.http.HttpStatus;
import org.xerial.snappy.Snappy;

/**
 * Reads a request body, decompressing it, without ever holding more than the limit: a gzip
 * stream is read in chunks and abandoned as soon as it passes the limit, so a gzip bomb costs
 * at most {@code limit} bytes of memory; a snappy block declares its decoded length up front,
 * which is checked before anything is allocated for it.
 */
final class RequestBodyReader {

    private RequestBodyReader() {
    }

    static ReceivedBody read(InputStream body, long declaredLength, Encoding encoding, long limit) throws IOException, Refusal {
        if (declaredLength > limit) {
            throw tooLarge("request body of " + declaredLength + " bytes is over the limit of " + limit + " bytes");
        }
        byte[] raw = readBounded(body, limit, "request body");
        return new ReceivedBody(raw, switch (encoding) {
            case IDENTITY -> raw;
            case GZIP -> gunzip(raw, limit);
            case SNAPPY -> unsnappy(raw, limit);
        });
    }

    private static byte[] unsnappy(byte[] raw, long limit) throws Refusal {
        int length;
        try {
            length = Snappy.uncompressedLength(raw);
        } catch (IOException e) {
            throw Refusal.undecodable("body is not a snappy block: " + e.getMessage());
        }
        if (length < 0 || length > limit) {
            throw tooLarge("snappy block declares " + Integer.toUnsignedString(length)
                    + " decoded bytes, over the limit of " + limit + " bytes");
        }
        byte[] decoded = new byte[length];
        try {
            int written = Snappy.uncompress(raw, 0, raw.length, decoded, 0);
            if (written != length) {
                throw Refusal.undecodable("snappy block decoded to " + written + " bytes, not the " + length + " it declares");
            }
        } catch (IOException e) {
            throw Refusal.undecodable("body is not a valid snappy block: " + e.getMessage());
        }
        return decoded;
    }

    private static byte[] gunzip(byte[] raw, long limit) throws IOException, Refusal {
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
