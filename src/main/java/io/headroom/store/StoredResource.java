package io.headroom.store;

/** A resource as stored: its service and its attributes (service.name among them) as a JSON object. */
public record StoredResource(ResourceId id, String serviceName, String attributesJson) {
}
