package io.headroom.explore.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headroom.explore.Trace;
import io.headroom.store.Origin;
import io.headroom.store.ResourceId;
import io.headroom.store.SpanRow;
import io.headroom.store.StoredResource;
import org.junit.jupiter.api.Test;

/** The OTLP-to-Jaeger rules on stored rows, for what the Jaeger client cannot send (OTLP-only fields, odd values). */
class JaegerTracesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final ResourceId SHOP = new ResourceId(new byte[16]);
    private static final ResourceId WORKER = new ResourceId(HEX.parseHex("0102030405060708090a0b0c0d0e0f10"));

    @Test
    void otlpFieldsBecomeTagsInTheCollectorsOrder() {
        var span = row(SHOP, "00000000000000a1", null, 1, "scope-lib", "1.2.0", 1, "fine",
                "{\"zeta\": \"z\", \"big\": 9007199254740993, \"small\": -9007199254740991, \"ratio\": 0.25,"
                        + " \"whole\": 3.0, \"list\": [1, \"a\"], \"map\": {\"k\": true}, \"none\": null}",
                null, null);
        JsonNode tags = jaeger(span).at("/spans/0/tags");

        assertThat(tags).isEqualTo(json("""
                [{"key": "otel.scope.name", "type": "string", "value": "scope-lib"},
                 {"key": "otel.scope.version", "type": "string", "value": "1.2.0"},
                 {"key": "big", "type": "int64", "value": "9007199254740993"},
                 {"key": "list", "type": "string", "value": "[1,\\"a\\"]"},
                 {"key": "map", "type": "string", "value": "{\\"k\\":true}"},
                 {"key": "none", "type": "string", "value": ""},
                 {"key": "ratio", "type": "float64", "value": 0.25},
                 {"key": "small", "type": "int64", "value": -9007199254740991},
                 {"key": "whole", "type": "float64", "value": 3.0},
                 {"key": "zeta", "type": "string", "value": "z"},
                 {"key": "span.kind", "type": "string", "value": "internal"},
                 {"key": "otel.status_code", "type": "string", "value": "OK"},
                 {"key": "otel.status_description", "type": "string", "value": "fine"},
                 {"key": "w3c.tracestate", "type": "string", "value": "vendor=1"}]"""));
    }

    @Test
    void parentAndLinksBecomeReferencesWithALinkToTheParentSettingItsType() {
        String links = """
                [{"traceId": "%s", "spanId": "00000000000000a1", "traceState": "", "attributes": {"opentracing.ref_type": "follows_from"}},
                 {"traceId": "0000000000000000000000000000002a", "spanId": "0000000000000007", "traceState": "", "attributes": {"opentracing.ref_type": "child_of"}},
                 {"traceId": "%s", "spanId": "00000000000000b2", "traceState": "", "attributes": {}},
                 {"traceId": "abc", "spanId": "", "traceState": "", "attributes": {}}]""".formatted(TRACE, TRACE);
        var span = row(SHOP, "00000000000000c3", "00000000000000a1", 0, null, null, 0, null, "{}", null, links);

        assertThat(jaeger(span).at("/spans/0/references")).isEqualTo(json("""
                [{"refType": "FOLLOWS_FROM", "traceID": "%s", "spanID": "00000000000000a1"},
                 {"refType": "CHILD_OF", "traceID": "000000000000002a", "spanID": "0000000000000007"},
                 {"refType": "FOLLOWS_FROM", "traceID": "%s", "spanID": "00000000000000b2"}]""".formatted(TRACE, TRACE)));
    }

    @Test
    void eventsBecomeLogsNamedByAnEventFieldUnlessTheyHaveOne() {
        String events = """
                [{"timeUnixNano": 1700000000123456789, "name": "exception", "attributes": {"exception.type": "IOException"}},
                 {"timeUnixNano": 1700000000200000000, "name": "ignored", "attributes": {"event": "own", "b": 1}}]""";
        var span = row(SHOP, "00000000000000a1", null, 2, null, null, 2, null, "{}", events, null);
        JsonNode converted = jaeger(span);

        assertThat(converted.at("/spans/0/logs")).isEqualTo(json("""
                [{"timestamp": 1700000000123456, "fields": [{"key": "event", "type": "string", "value": "exception"},
                                                            {"key": "exception.type", "type": "string", "value": "IOException"}]},
                 {"timestamp": 1700000000200000, "fields": [{"key": "b", "type": "int64", "value": 1},
                                                            {"key": "event", "type": "string", "value": "own"}]}]"""));
        assertThat(converted.at("/spans/0/tags")).isEqualTo(json("""
                [{"key": "span.kind", "type": "string", "value": "server"},
                 {"key": "otel.status_code", "type": "string", "value": "ERROR"},
                 {"key": "error", "type": "bool", "value": true}]"""));
    }

    @Test
    void resourcesBecomeProcessesNumberedInSpanOrder() {
        var first = row(WORKER, "00000000000000a1", null, 0, null, null, 0, null, "{}", null, null);
        var second = row(SHOP, "00000000000000a2", "00000000000000a1", 0, null, null, 0, null, "{}", null, null);
        var third = row(WORKER, "00000000000000a3", "00000000000000a1", 0, null, null, 0, null, "{}", null, null);
        var trace = new Trace(HEX.parseHex(TRACE), List.of(first, second, third), Map.of(
                SHOP, new StoredResource(SHOP, "shop", "{\"service.name\": \"shop\", \"host.name\": \"h1\", \"cores\": 4}"),
                WORKER, new StoredResource(WORKER, "worker", "{\"service.name\": \"worker\"}")));
        JsonNode converted = written(trace);

        assertThat(converted.get("processes")).isEqualTo(json("""
                {"p1": {"serviceName": "worker", "tags": []},
                 "p2": {"serviceName": "shop", "tags": [{"key": "cores", "type": "int64", "value": 4},
                                                        {"key": "host.name", "type": "string", "value": "h1"}]}}"""));
        assertThat(converted.findValuesAsText("processID")).containsExactly("p1", "p2", "p1");
        assertThat(converted.get("spans").get(0).get("references")).isEmpty();
        assertThat(converted.get("spans").get(0).get("warnings").isNull()).isTrue();
    }

    private static SpanRow row(ResourceId resource, String spanId, String parent, int kind, String scope, String version,
            int status, String message, String attributes, String events, String links) {
        return new SpanRow(new Origin("shop", resource, scope, version), HEX.parseHex(TRACE), HEX.parseHex(spanId),
                parent == null ? null : HEX.parseHex(parent), "work", kind, 1_700_000_000_000_001_000L, 2_500_999L,
                new SpanRow.SpanStatus(status, message), kind == 1 ? "vendor=1" : null, attributes, events, links);
    }

    private static JsonNode jaeger(SpanRow span) {
        var trace = new Trace(HEX.parseHex(TRACE), List.of(span),
                Map.of(SHOP, new StoredResource(SHOP, "shop", "{\"service.name\": \"shop\"}")));
        JsonNode converted = written(trace);
        assertThat(converted.at("/spans/0/startTime").asLong()).isEqualTo(1_700_000_000_000_001L);
        assertThat(converted.at("/spans/0/duration").asLong()).as("whole microseconds").isEqualTo(2_500L);
        return converted;
    }

    /** As the API writes it: numbers typed by their text, as a client reads them. */
    private static JsonNode written(Trace trace) {
        try {
            return JSON.readTree(JSON.writeValueAsString(JaegerTraces.toJaeger(trace)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
