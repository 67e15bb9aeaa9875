package io.headroom.ingest;

import io.headroom.store.InvalidTelemetryException;

/**
 * Writes text as a JSON string the way every protocol's attributes and labels are stored
 * (jsonb): control characters escaped, lone surrogates replaced, NUL refused because
 * PostgreSQL cannot store it.
 */
public final class JsonText {

    private JsonText() {
    }

    /** @throws InvalidTelemetryException if the text contains a NUL character */
    public static void writeString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case 0 -> throw new InvalidTelemetryException("text contains a NUL character");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !validSurrogatePair(text, i)) {
                        json.append('\uFFFD');
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    private static boolean validSurrogatePair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
