package io.headroom.explore.jaeger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headroom.store.SpanSearch;
import io.headroom.store.SpanSearch.TagFilter;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of {@code GET /api/traces} as Jaeger's {@code query_parser.go} reads them: service,
 * operation, start and end in unix microseconds, minDuration and maxDuration as Go durations,
 * limit, tags as repeated {@code tag=key:value} and as a JSON object {@code tags={"key":"value"}},
 * and repeated traceID for a lookup by ids. Headroom also takes {@code lookback} (such as 1h or 2d)
 * for the window's length when start is absent; the Jaeger UI sends it beside start, where it is ignored.
 *
 * @param traceIds ids to look up instead of searching, or empty
 */
record JaegerSearchParameters(SpanSearch search, List<byte[]> traceIds) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1500;
    static final Duration DEFAULT_LOOKBACK = Duration.ofHours(1);

    /** @throws BadParameter naming the parameter and what is wrong with it */
    static JaegerSearchParameters parse(MultiValueMap<String, String> params, Instant now) {
        List<byte[]> traceIds = new ArrayList<>();
        for (String id : params.getOrDefault("traceID", List.of())) {
            try {
                traceIds.add(JaegerIds.parseTraceId(id));
            } catch (BadParameter e) {
                throw new BadParameter("cannot parse traceID param: " + e.getMessage());
            }
        }
        String service = text(params, "service");
        if (service == null && traceIds.isEmpty()) {
            throw new BadParameter("parameter 'service' is required");
        }
        Instant end = micros(params, "end", now);
        Instant start = micros(params, "start", null);
        if (start == null) {
            start = end.minus(lookback(text(params, "lookback")));
        }
        if (start.isAfter(end)) {
            throw new BadParameter("'start' must not be after 'end'");
        }
        Duration min = duration(params, "minDuration");
        Duration max = duration(params, "maxDuration");
        if (min != null && max != null && max.compareTo(min) < 0) {
            throw new BadParameter("'maxDuration' should be greater than 'minDuration'");
        }
        var search = new SpanSearch(service, text(params, "operation"), tags(params), start, end, min, max, limit(params));
        return new JaegerSearchParameters(search, traceIds);
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static Instant micros(MultiValueMap<String, String> params, String name, Instant fallback) {
        String value = text(params, name);
        if (value == null) {
            return fallback;
        }
        long micros;
        try {
            micros = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadParameter("unable to parse param '" + name + "': unix microseconds expected, was '" + value + "'");
        }
        if (micros < 0) {
            throw new BadParameter("'" + name + "' must not be negative, was " + micros);
        }
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static Duration lookback(String value) {
        if (value == null || value.equals("custom")) {
            return DEFAULT_LOOKBACK;
        }
        try {
            Duration lookback = GoDuration.parseWithDays(value);
            if (lookback.isNegative() || lookback.isZero()) {
                throw new BadParameter("'lookback' must be longer than zero, was '" + value + "'");
            }
            return lookback;
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cannot parse lookback: " + e.getMessage() + " (a duration such as 1h, 90m or 2d)");
        }
    }

    /** @return the duration, or null when absent or zero (Jaeger's "no bound") */
    private static Duration duration(MultiValueMap<String, String> params, String name) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        Duration duration;
        try {
            duration = GoDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cannot parse " + name + ": " + e.getMessage() + " (a duration such as 1.2s, 100ms or 500us)");
        }
        if (duration.isNegative()) {
            throw new BadParameter("'" + name + "' must not be negative, was '" + value + "'");
        }
        return duration.isZero() ? null : duration;
    }

    private static int limit(MultiValueMap<String, String> params) {
        String value = text(params, "limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadParameter("unable to parse param 'limit': a whole number expected, was '" + value + "'");
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new BadParameter("'limit' must be 0 to " + MAX_LIMIT + " (0 means " + DEFAULT_LIMIT + "), was " + limit);
        }
        return limit == 0 ? DEFAULT_LIMIT : limit;
    }

    private static List<TagFilter> tags(MultiValueMap<String, String> params) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String tag : params.getOrDefault("tag", List.of())) {
            int colon = tag.indexOf(':');
            if (colon < 0) {
                throw new BadParameter("malformed 'tag' parameter, expecting key:value, received: " + tag);
            }
            tags.put(tag.substring(0, colon), tag.substring(colon + 1));
        }
        for (String json : params.getOrDefault("tags", List.of())) {
            tags.putAll(jsonTags(json));
        }
        return tags.entrySet().stream().map(tag -> JaegerFields.filter(tag.getKey(), tag.getValue())).toList();
    }

    /** A JSON object of tags; numbers and booleans are taken as their text, as the UI's logfmt field would give them. */
    private static Map<String, String> jsonTags(String json) {
        JsonNode object;
        try {
            object = JaegerTags.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadParameter("malformed 'tags' parameter, cannot unmarshal JSON: " + e.getOriginalMessage());
        }
        if (object == null || !object.isObject()) {
            throw new BadParameter("malformed 'tags' parameter, expecting a JSON object such as {\"error\":\"true\"}, received: " + json);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new BadParameter("malformed 'tags' parameter, the value of '" + field.getKey() + "' is not text");
            }
            tags.put(field.getKey(), field.getValue().asText());
        });
        return tags;
    }
}
