package io.headroom.store;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Registers resources (service plus attribute set) once and hands out their ids. */
@Component
public class ResourceRegistry {

    private final JdbcClient jdbc;
    private final IdCache<String, ResourceId> known = new IdCache<>(50_000);

    ResourceRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param attributesJson the resource attributes as canonical JSON (keys sorted), so the same
     *     resource always hashes to the same id
     */
    public ResourceId register(String serviceName, String attributesJson) {
        String cacheKey = serviceName + '\u0000' + attributesJson;
        ResourceId id = known.get(cacheKey);
        if (id != null) {
            return id;
        }
        if (cacheKey.indexOf('\u0000') != serviceName.length()) {
            throw new InvalidTelemetryException("resource contains a NUL character");
        }
        id = new ResourceId(Hashes.hash16(serviceName, attributesJson));
        jdbc.sql("""
                INSERT INTO resources (resource_id, service_name, attributes) VALUES (:id, :service, :attributes::jsonb)
                ON CONFLICT (resource_id) DO NOTHING""")
                .param("id", id.bytes())
                .param("service", serviceName)
                .param("attributes", attributesJson)
                .update();
        known.put(cacheKey, id);
        return id;
    }

}
