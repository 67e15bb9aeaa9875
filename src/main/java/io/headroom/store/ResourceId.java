package io.headroom.store;

import java.util.Arrays;
import java.util.HexFormat;

/** Identifies a resource (its attribute set) by a hash, so rows carry 16 bytes instead of the attributes. */
public record ResourceId(byte[] bytes) {

    public ResourceId {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("resource id must be 16 bytes");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceId id && Arrays.equals(bytes, id.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
