package io.headroom.ingest.otlp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

/**
 * OTLP's JSON encoding. It differs from protobuf's canonical JSON in one way that matters:
 * trace and span ids are hex, not base64. Protobuf's parser would read hex as base64 and
 * silently store the wrong bytes, so ids are converted before parsing.
 */
final class OtlpJson {

    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private OtlpJson() {
    }

    static <B extends Message.Builder> B parse(byte[] json, B builder) throws InvalidProtocolBufferException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new InvalidProtocolBufferException("body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidProtocolBufferException("body must be a JSON object");
        }
        convertIds(tree);
        try {
            PARSER.merge(MAPPER.writeValueAsString(tree), builder);
        } catch (JsonProcessingException e) {
            throw new InvalidProtocolBufferException(e.getMessage());
        } catch (RuntimeException e) {
            // JsonFormat reports some malformed input (e.g. wrong value types) as unchecked exceptions.
            throw new InvalidProtocolBufferException("body is not a valid OTLP JSON message: " + firstLine(e.getMessage()));
        }
        return builder;
    }

    static byte[] print(Message message) {
        try {
            return PRINTER.print(message).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("response messages always print", e);
        }
    }

    /**
     * Hex ids become base64 for protobuf's parser. Text that is not hex cannot be an id; it is
     * passed on as raw bytes, which then fail the per-item length check and are rejected alone.
     */
    private static void convertIds(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (var fields = object.fields(); fields.hasNext(); ) {
                var field = fields.next();
                JsonNode value = field.getValue();
                if (ID_FIELDS.contains(field.getKey()) && value.isTextual()) {
                    field.setValue(object.textNode(Base64.getEncoder().encodeToString(idBytes(value.textValue()))));
                } else {
                    convertIds(value);
                }
            }
        } else if (node.isArray()) {
            node.forEach(OtlpJson::convertIds);
        }
    }

    private static byte[] idBytes(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return hex.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
