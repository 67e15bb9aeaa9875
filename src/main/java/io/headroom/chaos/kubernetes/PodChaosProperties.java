package io.headroom.chaos.kubernetes;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Services whose pods Headroom may delete, by name: their namespace and the label selector of
 * their pods ({@code headroom.chaos.kubernetes.services.checkout.namespace=shop},
 * {@code ….selector=app=checkout}); the cluster is reached as the client finds it unless
 * {@code master-url} says otherwise.
 */
@ConfigurationProperties("headroom.chaos.kubernetes")
public record PodChaosProperties(String masterUrl, Map<String, Pods> services) {

    /** @param selector labels as {@code key=value[,key=value]} */
    public record Pods(String namespace, String selector) {

        public Pods {
            namespace = namespace == null ? "default" : namespace;
            if (selector == null || selector.isBlank()) {
                throw new IllegalArgumentException("a Kubernetes chaos service needs the label selector of its pods, such as app=checkout");
            }
        }

        Map<String, String> labels() {
            var labels = new java.util.LinkedHashMap<String, String>();
            for (String pair : selector.split(",")) {
                String[] keyValue = pair.split("=", 2);
                if (keyValue.length != 2 || keyValue[0].isBlank()) {
                    throw new IllegalArgumentException("selector must be key=value[,key=value]; was '" + selector + "'");
                }
                labels.put(keyValue[0].strip(), keyValue[1].strip());
            }
            return labels;
        }
    }

    public PodChaosProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
    }
}
