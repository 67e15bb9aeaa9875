package io.headroom.explore.jaeger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.explore.jaeger.JaegerModel.KeyValue;

/**
 * Stored attributes (a JSON object, as ingest wrote it) as typed Jaeger tags, sorted by key: text
 * is a string, true/false a bool, a whole number an int64 (as text beyond ±2^53−1, where
 * JavaScript would lose digits, as Jaeger does), any other number a float64; arrays and maps
 * become strings holding their JSON, as the OpenTelemetry Collector writes them.
 */
final class JaegerTags {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private JaegerTags() {
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** @param skip a key left out (service.name of a resource), or null */
    static List<KeyValue> of(JsonNode object, String skip) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        object.fields().forEachRemaining(field -> sorted.put(field.getKey(), field.getValue()));
        List<KeyValue> tags = new ArrayList<>(sorted.size());
        sorted.forEach((key, value) -> {
            if (!key.equals(skip)) {
                tags.add(tag(key, value));
            }
        });
        return tags;
    }

    static KeyValue tag(String key, JsonNode value) {
        if (value.isTextual()) {
            return string(key, value.textValue());
        }
        if (value.isBoolean()) {
            return new KeyValue(key, "bool", value.booleanValue());
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            long number = value.longValue();
            return new KeyValue(key, "int64", Math.abs(number) > MAX_SAFE_INTEGER ? Long.toString(number) : number);
        }
        if (value.isNumber()) {
            return new KeyValue(key, "float64", value.doubleValue());
        }
        return string(key, value.isNull() || value.isMissingNode() ? "" : value.toString());
    }

    static KeyValue string(String key, String value) {
        return new KeyValue(key, "string", value);
    }
}
