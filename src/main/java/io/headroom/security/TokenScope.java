package io.headroom.security;

import java.util.Locale;

/** What a machine's token lets it do: send telemetry, read the API, or post Alertmanager's webhooks. */
public enum TokenScope {
    INGEST,
    READ,
    ALERTMANAGER;

    /** The authority a token of this scope carries, as access rules name it. */
    public String authority() {
        return "SCOPE_" + name().toLowerCase(Locale.ROOT);
    }

    public static TokenScope parse(String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scope is one of ingest, read, alertmanager; was '" + text + "'");
        }
    }
}
