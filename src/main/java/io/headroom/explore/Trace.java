package io.headroom.explore;

import java.util.List;
import java.util.Map;

import io.headroom.store.ResourceId;
import io.headroom.store.SpanRow;
import io.headroom.store.StoredResource;

/**
 * One whole trace as stored.
 *
 * @param traceId 16 bytes
 * @param spans every span of the trace, in start order
 * @param resources the resources the spans come from (possibly more: traces fetched together share one map)
 */
public record Trace(byte[] traceId, List<SpanRow> spans, Map<ResourceId, StoredResource> resources) {
}
