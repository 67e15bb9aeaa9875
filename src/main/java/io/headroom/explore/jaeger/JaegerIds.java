package io.headroom.explore.jaeger;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Trace and span ids as Jaeger writes and reads them: hex, a trace id as 16 characters when its
 * high 64 bits are zero (a 64-bit Jaeger trace id) and 32 otherwise, a span id as 16.
 */
final class JaegerIds {

    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-fA-F]{1,32}");
    private static final HexFormat HEX = HexFormat.of();

    private JaegerIds() {
    }

    /**
     * Reads 1 to 32 hex characters as Jaeger's {@code TraceIDFromString} does: the last 16 are the
     * low 64 bits, any before them the high ones.
     *
     * @return the 16-byte id as stored
     * @throws BadParameter for anything else
     */
    static byte[] parseTraceId(String text) {
        if (text == null || !TRACE_ID.matcher(text).matches()) {
            throw new BadParameter("trace id must be 1 to 32 hexadecimal characters, was '" + text + "'");
        }
        return HEX.parseHex("0".repeat(32 - text.length()) + text.toLowerCase());
    }

    static String traceId(byte[] id) {
        if (id.length == 16 && Arrays.equals(id, 0, 8, new byte[8], 0, 8)) {
            return HEX.formatHex(id, 8, 16);
        }
        return HEX.formatHex(id);
    }

    static String spanId(byte[] id) {
        return HEX.formatHex(id);
    }
}
