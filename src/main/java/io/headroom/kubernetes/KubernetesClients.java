package io.headroom.kubernetes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * fabric8 clients, one per API server, made on first use: a Headroom without Kubernetes
 * services never looks for a cluster. Without a master URL the client finds the cluster as
 * kubectl does (in-cluster service account, then kubeconfig).
 */
@Component
public class KubernetesClients {

    private static final String DEFAULT = "";

    private final Map<String, KubernetesClient> clients = new ConcurrentHashMap<>();

    /** @param masterUrl null for the cluster the environment names */
    public KubernetesClient forMasterUrl(String masterUrl) {
        return clients.computeIfAbsent(Optional.ofNullable(masterUrl).orElse(DEFAULT), url -> url.isEmpty()
                ? new KubernetesClientBuilder().build()
                : new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url).build()).build());
    }

    @PreDestroy
    void close() {
        clients.values().forEach(KubernetesClient::close);
    }
}
