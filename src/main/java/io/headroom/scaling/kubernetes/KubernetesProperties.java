package io.headroom.scaling.kubernetes;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Services that run as Kubernetes workloads, by name
 * ({@code headroom.scaling.kubernetes.services.checkout.namespace=shop},
 * {@code ….kind=Deployment}, {@code ….name=checkout}, {@code ….max-instances=20}); the
 * cluster is reached as the client finds it (in-cluster service account or kubeconfig) unless
 * {@code master-url} says otherwise.
 */
@ConfigurationProperties("headroom.scaling.kubernetes")
public record KubernetesProperties(String masterUrl, Map<String, Workload> services) {

    /** @param kind Deployment (default) or StatefulSet */
    public record Workload(String namespace, String kind, String name, Integer minInstances, Integer maxInstances) {

        public Workload {
            namespace = namespace == null ? "default" : namespace;
            kind = kind == null ? "Deployment" : kind;
            minInstances = minInstances == null ? 0 : minInstances;
            maxInstances = maxInstances == null ? 100 : maxInstances;
            if (!kind.equals("Deployment") && !kind.equals("StatefulSet")) {
                throw new IllegalArgumentException("kind must be Deployment or StatefulSet; was '" + kind + "'");
            }
        }
    }

    public KubernetesProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }
}
