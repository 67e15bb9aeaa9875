package io.headroom.explore.jaeger;

import java.util.List;

import io.headroom.store.SpanSearch.SpanColumn;
import io.headroom.store.SpanSearch.TagFilter;

/**
 * The tags through which Jaeger shows what OTLP has fields for (the OpenTelemetry Collector's
 * OTLP-to-Jaeger rules), and the reverse for search: a tag that stands for a field also matches
 * spans by that field, so {@code error=true} finds spans with status ERROR.
 */
final class JaegerFields {

    static final String SPAN_KIND = "span.kind";
    static final String ERROR = "error";
    static final String STATUS_CODE = "otel.status_code";
    static final String STATUS_DESCRIPTION = "otel.status_description";
    static final String SCOPE_NAME = "otel.scope.name";
    static final String SCOPE_VERSION = "otel.scope.version";
    static final String TRACE_STATE = "w3c.tracestate";

    static final int STATUS_OK = 1;
    static final int STATUS_ERROR = 2;

    /** Jaeger's span.kind values, indexed by OTLP's SpanKind number (0, unspecified, has none). */
    private static final List<String> KINDS = List.of("", "internal", "server", "client", "producer", "consumer");

    private JaegerFields() {
    }

    /** @return the span.kind value, "" for an unspecified kind */
    static String kindName(int kind) {
        return kind > 0 && kind < KINDS.size() ? KINDS.get(kind) : "";
    }

    /** @return the OTLP kind number of a span.kind value, or null when it names no kind */
    static Integer kind(String name) {
        int kind = KINDS.indexOf(name);
        return kind > 0 ? kind : null;
    }

    static String kindNames() {
        return String.join(", ", KINDS.subList(1, KINDS.size()));
    }

    /** The search condition for a Jaeger tag: the attribute, or the field it stands for. */
    static TagFilter filter(String key, String value) {
        return switch (key) {
            case ERROR -> value.equals("true") ? column(key, value, SpanColumn.STATUS_CODE, STATUS_ERROR)
                    : TagFilter.attribute(key, value);
            case SPAN_KIND -> kind(value) != null ? column(key, value, SpanColumn.KIND, kind(value))
                    : TagFilter.attribute(key, value);
            case STATUS_CODE -> switch (value) {
                case "ERROR" -> column(key, value, SpanColumn.STATUS_CODE, STATUS_ERROR);
                case "OK" -> column(key, value, SpanColumn.STATUS_CODE, STATUS_OK);
                default -> TagFilter.attribute(key, value);
            };
            case STATUS_DESCRIPTION -> column(key, value, SpanColumn.STATUS_MESSAGE, value);
            case SCOPE_NAME -> column(key, value, SpanColumn.SCOPE_NAME, value);
            case SCOPE_VERSION -> column(key, value, SpanColumn.SCOPE_VERSION, value);
            case TRACE_STATE -> column(key, value, SpanColumn.TRACE_STATE, value);
            default -> TagFilter.attribute(key, value);
        };
    }

    private static TagFilter column(String key, String value, SpanColumn column, Object columnValue) {
        return new TagFilter(key, value, column, columnValue);
    }
}
