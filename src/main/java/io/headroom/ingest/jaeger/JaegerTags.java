package io.headroom.ingest.jaeger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import io.jaegertracing.thriftjava.Tag;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * Jaeger tags and log fields as OTLP attributes, typed as they were sent (string, long, double,
 * bool, binary). Kept in a map in arrival order so the translation can take out the tags that
 * become span fields; a repeated key keeps its last value, as the collector's {@code Put} does.
 */
final class JaegerTags {

    private JaegerTags() {
    }

    static Map<String, AnyValue> attributes(List<Tag> tags) {
        var attributes = new LinkedHashMap<String, AnyValue>();
        putAll(attributes, tags);
        return attributes;
    }

    static void putAll(Map<String, AnyValue> attributes, List<Tag> tags) {
        if (tags != null) {
            for (Tag tag : tags) {
                attributes.put(tag.getKey(), value(tag));
            }
        }
    }

    static List<KeyValue> keyValues(Map<String, AnyValue> attributes) {
        var keyValues = new ArrayList<KeyValue>(attributes.size());
        attributes.forEach((key, value) -> keyValues.add(KeyValue.newBuilder().setKey(key).setValue(value).build()));
        return keyValues;
    }

    static AnyValue string(String text) {
        return AnyValue.newBuilder().setStringValue(text).build();
    }

    /** The text of a string attribute; "" for a missing or other-typed one. */
    static String text(AnyValue value) {
        return value != null && value.hasStringValue() ? value.getStringValue() : "";
    }

    private static AnyValue value(Tag tag) {
        // vType is required (Thrift refuses a tag without it); the value fields are optional.
        return switch (tag.getVType()) {
            case STRING -> string(tag.getVStr() == null ? "" : tag.getVStr());
            case BOOL -> AnyValue.newBuilder().setBoolValue(tag.isVBool()).build();
            case LONG -> AnyValue.newBuilder().setIntValue(tag.getVLong()).build();
            case DOUBLE -> AnyValue.newBuilder().setDoubleValue(tag.getVDouble()).build();
            case BINARY -> AnyValue.newBuilder()
                    .setBytesValue(tag.getVBinary() == null ? ByteString.EMPTY : ByteString.copyFrom(tag.getVBinary())).build();
        };
    }
}
