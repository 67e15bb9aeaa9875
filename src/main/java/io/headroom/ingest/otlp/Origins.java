package io.headroom.ingest.otlp;

import io.headroom.store.Origin;
import io.headroom.store.ResourceId;
import io.headroom.store.ResourceRegistry;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;

/** Resolves an OTLP resource and scope into the {@link Origin} every stored record carries. */
final class Origins {

    /** What the OpenTelemetry specification says a service without {@code service.name} is called. */
    static final String UNKNOWN_SERVICE = "unknown_service";

    private final ResourceRegistry resources;

    Origins(ResourceRegistry resources) {
        this.resources = resources;
    }

    ResourceId resource(Resource resource) {
        return resources.register(serviceName(resource), AttributeJson.canonicalObject(resource.getAttributesList()));
    }

    static Origin origin(Resource resource, ResourceId resourceId, InstrumentationScope scope) {
        return new Origin(serviceName(resource), resourceId, emptyToNull(scope.getName()), emptyToNull(scope.getVersion()));
    }

    static String serviceName(Resource resource) {
        for (KeyValue attribute : resource.getAttributesList()) {
            if (attribute.getKey().equals("service.name") && attribute.getValue().hasStringValue()
                    && !attribute.getValue().getStringValue().isBlank()) {
                return attribute.getValue().getStringValue();
            }
        }
        return UNKNOWN_SERVICE;
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
