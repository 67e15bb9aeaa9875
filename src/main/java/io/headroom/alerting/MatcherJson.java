package io.headroom.alerting;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Matchers and label-name lists as the jsonb columns hold them: arrays of strings, matchers in their text form. */
@Component
class MatcherJson {

    private static final TypeReference<List<String>> TEXT_LIST = new TypeReference<>() {
    };

    private final ObjectMapper json;

    MatcherJson(ObjectMapper json) {
        this.json = json;
    }

    String writeMatchers(List<LabelMatcher> matchers) {
        return writeTexts(matchers.stream().map(LabelMatcher::toString).toList());
    }

    List<LabelMatcher> readMatchers(String text) {
        return readTexts(text).stream().map(LabelMatcher::parse).toList();
    }

    String writeTexts(List<String> texts) {
        try {
            return json.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> readTexts(String text) {
        try {
            return json.readValue(text, TEXT_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a matchers column holds something other than a JSON array of strings", e);
        }
    }
}
