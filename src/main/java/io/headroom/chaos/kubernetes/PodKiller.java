package io.headroom.chaos.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.headroom.kubernetes.KubernetesClients;
import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultInjectorUnavailable;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Kill faults on Kubernetes: deletes that many running pods of the service at random, at once
 * (no grace period, as a node failure would), and leaves their replacement to the workload's
 * controller, as a ReplicaSet does; stopping the fault has nothing to undo. Latency, errors and
 * CPU burn need something inside the pod (Chaos Monkey for Spring Boot, a service mesh) and are
 * refused here with that reason.
 */
@Component
public class PodKiller implements FaultInjector {

    private static final Logger log = LoggerFactory.getLogger(PodKiller.class);

    private final PodChaosProperties properties;
    private final Supplier<KubernetesClient> client;

    @Autowired
    public PodKiller(PodChaosProperties properties, KubernetesClients clients) {
        this.properties = properties;
        this.client = () -> clients.forMasterUrl(properties.masterUrl());
    }

    /** For a test's client (the fabric8 mock server's). */
    PodKiller(PodChaosProperties properties, KubernetesClient client) {
        this.properties = properties;
        this.client = () -> client;
    }

    @Override
    public Set<String> services() {
        return properties.services().keySet();
    }

    @Override
    public void start(String faultId, String service, FaultSpec spec) {
        PodChaosProperties.Pods pods = properties.services().get(service);
        if (pods == null) {
            throw new IllegalArgumentException("no Kubernetes pods are configured as '" + service + "'");
        }
        if (spec.type() != FaultType.KILL) {
            throw new IllegalArgumentException(spec.type().name().toLowerCase(java.util.Locale.ROOT) + " faults need something inside "
                    + service + "'s pods (Chaos Monkey for Spring Boot, a service mesh): on Kubernetes Headroom deletes pods only");
        }
        int count = (int) spec.magnitude();
        List<Pod> running = new ArrayList<>(call(() -> client().pods().inNamespace(pods.namespace()).withLabels(pods.labels()).list())
                .getItems().stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null).toList());
        if (count > running.size()) {
            throw new IllegalArgumentException("cannot kill %d pods of %s: %d run".formatted(count, service, running.size()));
        }
        Collections.shuffle(running, ThreadLocalRandom.current());
        for (Pod victim : running.subList(0, count)) {
            call(() -> client().pods().inNamespace(pods.namespace()).withName(victim.getMetadata().getName()).withGracePeriod(0).delete());
        }
        log.info("Fault {}: deleted {} pod(s) of {} in {}", faultId, count, service, pods.namespace());
    }

    @Override
    public void stop(String faultId) {
        // Deleted pods are replaced by their controller; nothing to undo.
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw new FaultInjectorUnavailable("Kubernetes refused or failed: " + e.getMessage(), e);
        }
    }

    private KubernetesClient client() {
        return client.get();
    }
}
