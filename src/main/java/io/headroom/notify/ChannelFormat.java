package io.headroom.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The body a webhook channel sends: what its receiver already understands. */
public enum ChannelFormat {
    /** Alertmanager's webhook payload, version 4, so receivers written for Alertmanager work unchanged. */
    ALERTMANAGER,
    /** A Slack incoming-webhook message (text and blocks, the runbook as a button). */
    SLACK,
    /** Headroom's own JSON: one object per alert with its value, runbook and link. */
    JSON;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChannelFormat of(String text) {
        return Arrays.stream(values()).filter(f -> f.key().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format must be one of "
                        + Arrays.stream(values()).map(ChannelFormat::key).collect(Collectors.joining(", ")) + "; was '" + text + "'"));
    }
}
