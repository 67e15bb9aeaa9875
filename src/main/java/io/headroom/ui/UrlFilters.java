package io.headroom.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.router.QueryParameters;

/** A search view's filters in its URL beside the time range, so a link reproduces the search. */
public final class UrlFilters {

    private UrlFilters() {
    }

    /** Adds a field's value, trimmed, unless it is empty. */
    public static void putIfSet(Map<String, String> filters, String key, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(key, value.trim());
        }
    }

    /** The range and refresh, then the filters. */
    public static QueryParameters query(TimeControls.Choice choice, Map<String, String> filters) {
        var parameters = new LinkedHashMap<String, List<String>>(choice.query().getParameters());
        filters.forEach((key, value) -> parameters.put(key, List.of(value)));
        return new QueryParameters(parameters);
    }

    /** The first non-blank value of each of {@code keys} the URL has, in that order. */
    public static Map<String, String> read(QueryParameters query, List<String> keys) {
        var filters = new LinkedHashMap<String, String>();
        for (String key : keys) {
            List<String> values = query.getParameters().getOrDefault(key, List.of());
            if (!values.isEmpty() && !values.get(0).isBlank()) {
                filters.put(key, values.get(0));
            }
        }
        return filters;
    }
}
