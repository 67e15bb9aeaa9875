package io.headroom.ingest.prometheus;

/**
 * UTF-8 validation as Go's {@code utf8.Valid}, which Prometheus applies to label values and HELP
 * text: no overlong forms, no surrogates, nothing above U+10FFFF. Java's decoders would replace bad
 * bytes silently instead.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isValid(byte[] b, int from, int to) {
        for (int p = from; p < to; ) {
            if (b[p] >= 0) {
                p++;
            } else {
                int n = sequenceLength(b, p, to);
                if (n < 0) {
                    return false;
                }
                p += n;
            }
        }
        return true;
    }

    /** The length of the multi-byte sequence starting at {@code p}, or -1 when it is not valid UTF-8. */
    static int sequenceLength(byte[] b, int p, int end) {
        int lead = b[p] & 0xff;
        if (lead < 0xc2 || lead > 0xf4) {
            return -1;
        }
        if (lead < 0xe0) {
            return p + 1 < end && continuation(b[p + 1]) ? 2 : -1;
        }
        if (lead < 0xf0) {
            if (p + 2 >= end || !continuation(b[p + 1]) || !continuation(b[p + 2])) {
                return -1;
            }
            int second = b[p + 1] & 0xff;
            boolean overlong = lead == 0xe0 && second < 0xa0;
            boolean surrogate = lead == 0xed && second >= 0xa0;
            return overlong || surrogate ? -1 : 3;
        }
        if (p + 3 >= end || !continuation(b[p + 1]) || !continuation(b[p + 2]) || !continuation(b[p + 3])) {
            return -1;
        }
        int second = b[p + 1] & 0xff;
        boolean overlong = lead == 0xf0 && second < 0x90;
        boolean tooLarge = lead == 0xf4 && second >= 0x90;
        return overlong || tooLarge ? -1 : 4;
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }
}
