package io.headroom.ingest.otlp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

import io.headroom.ingest.JsonText;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

/**
 * Writes OTLP attributes as a JSON object ({@code {"http.route": "/cart", "retries": 2}}), the
 * form they are stored in (jsonb). Integers stay exact; non-finite doubles and bytes become
 * strings. Text with a NUL character is refused, because PostgreSQL cannot store it.
 */
final class AttributeJson {

    private static final Comparator<KeyValue> BY_KEY = Comparator.comparing(KeyValue::getKey);

    private AttributeJson() {
    }

    static String object(List<KeyValue> attributes) {
        var json = new StringBuilder(32 + attributes.size() * 32);
        writeObject(json, attributes);
        return json.toString();
    }

    /** Keys sorted, so that equal attribute sets give equal text (resources are identified by a hash of it). */
    static String canonicalObject(List<KeyValue> attributes) {
        var sorted = new ArrayList<>(attributes);
        sorted.sort(BY_KEY);
        return object(sorted);
    }

    static String value(AnyValue value) {
        var json = new StringBuilder();
        writeValue(json, value);
        return json.toString();
    }

    static void writeObject(StringBuilder json, List<KeyValue> attributes) {
        json.append('{');
        for (int i = 0; i < attributes.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            KeyValue attribute = attributes.get(i);
            JsonText.writeString(json, attribute.getKey());
            json.append(':');
            writeValue(json, attribute.getValue());
        }
        json.append('}');
    }

    static void writeValue(StringBuilder json, AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE -> JsonText.writeString(json, value.getStringValue());
            case BOOL_VALUE -> json.append(value.getBoolValue());
            case INT_VALUE -> json.append(value.getIntValue());
            case DOUBLE_VALUE -> writeDouble(json, value.getDoubleValue());
            case BYTES_VALUE -> JsonText.writeString(json, Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
            case ARRAY_VALUE -> {
                json.append('[');
                List<AnyValue> values = value.getArrayValue().getValuesList();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    writeValue(json, values.get(i));
                }
                json.append(']');
            }
            case KVLIST_VALUE -> writeObject(json, value.getKvlistValue().getValuesList());
            case VALUE_NOT_SET -> json.append("null");
        }
    }

    /**
     * Whole numbers of 10^7 and more are written in plain notation with a fraction digit: Java
     * writes 1.0E7, which jsonb stores as the integer 10000000, and the value would read back as
     * an integer (a Jaeger float64 tag would come back as int64).
     */
    static void writeDouble(StringBuilder json, double value) {
        if (Double.isFinite(value) && Math.abs(value) >= 1e7 && value == Math.rint(value)) {
            json.append(new BigDecimal(value).toPlainString()).append(".0");
        } else if (Double.isFinite(value)) {
            json.append(value);
        } else {
            JsonText.writeString(json, Double.isNaN(value) ? "NaN" : value > 0 ? "+Inf" : "-Inf");
        }
    }
}
