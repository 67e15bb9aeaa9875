package io.headroom.alerting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An alert's identity from its labels, computed as Prometheus's {@code model.LabelSet.Fingerprint}
 * (64-bit FNV-1a over the sorted names and values, each followed by 0xff, printed as 16 hex
 * digits), so an alert that also arrives from an Alertmanager with the same labels is the same alert.
 */
public final class Fingerprints {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final byte SEPARATOR = (byte) 0xff;

    private Fingerprints() {
    }

    public static String of(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return String.format("%016x", OFFSET);
        }
        long hash = OFFSET;
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            hash = add(hash, label.getKey().getBytes(StandardCharsets.UTF_8));
            hash = add(hash, new byte[] {SEPARATOR});
            hash = add(hash, label.getValue().getBytes(StandardCharsets.UTF_8));
            hash = add(hash, new byte[] {SEPARATOR});
        }
        return String.format("%016x", hash);
    }

    private static long add(long hash, byte[] bytes) {
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        return hash;
    }
}
