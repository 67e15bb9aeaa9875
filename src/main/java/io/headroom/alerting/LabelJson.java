package io.headroom.alerting;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Labels and annotations as the jsonb columns hold them. */
@Component
class LabelJson {

    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;

    LabelJson(ObjectMapper json) {
        this.json = json;
    }

    String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> read(String text) {
        try {
            return json.readValue(text, TEXT_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a labels column holds something other than a JSON object of strings", e);
        }
    }
}
