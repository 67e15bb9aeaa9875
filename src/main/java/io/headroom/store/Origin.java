package io.headroom.store;

/** Where a record comes from: its service, its registered resource, and the instrumentation scope. */
public record Origin(String serviceName, ResourceId resourceId, String scopeName, String scopeVersion) {
}
