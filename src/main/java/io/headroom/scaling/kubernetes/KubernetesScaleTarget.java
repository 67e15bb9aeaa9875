package io.headroom.scaling.kubernetes;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.headroom.kubernetes.KubernetesClients;
import io.fabric8.kubernetes.client.dsl.Scalable;
import io.headroom.scaling.Instances;
import io.headroom.scaling.ScaleRefused;
import io.headroom.scaling.ScaleTarget;
import io.headroom.scaling.ScaleTargetUnavailable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Scales Deployments and StatefulSets through their {@code scale} subresource, as
 * {@code kubectl scale} does. A workload that a HorizontalPodAutoscaler manages is refused with
 * the HPA's name: two autoscalers on one target fight each other (each undoing the other's
 * change), so Headroom leaves it to the HPA. The client comes from {@link KubernetesClients}.
 */
@Component
public class KubernetesScaleTarget implements ScaleTarget {

    private final KubernetesProperties properties;
    private final Supplier<KubernetesClient> client;

    @Autowired
    public KubernetesScaleTarget(KubernetesProperties properties, KubernetesClients clients) {
        this.properties = properties;
        this.client = () -> clients.forMasterUrl(properties.masterUrl());
    }

    /** For a test's client (the fabric8 mock server's). */
    KubernetesScaleTarget(KubernetesProperties properties, KubernetesClient client) {
        this.properties = properties;
        this.client = () -> client;
    }

    @Override
    public Set<String> services() {
        return properties.services().keySet();
    }

    @Override
    public Instances instances(String service) {
        KubernetesProperties.Workload workload = workload(service);
        Scale scale = call(workload, () -> scalable(workload).scale());
        return instances(service, workload, scale);
    }

    @Override
    public Instances scaleTo(String service, int desired) {
        KubernetesProperties.Workload workload = workload(service);
        managingAutoscaler(workload).ifPresent(hpa -> {
            throw new ScaleRefused("%s %s/%s is managed by the HorizontalPodAutoscaler '%s': Headroom will not fight it "
                    .formatted(workload.kind(), workload.namespace(), workload.name(), hpa.getMetadata().getName())
                    + "(remove the HPA, or change its minReplicas/maxReplicas instead)");
        });
        call(workload, () -> scalable(workload).scale(desired));
        return instances(service);
    }

    private static Instances instances(String service, KubernetesProperties.Workload workload, Scale scale) {
        int desired = scale.getSpec() == null || scale.getSpec().getReplicas() == null ? 0 : scale.getSpec().getReplicas();
        int current = scale.getStatus() == null || scale.getStatus().getReplicas() == null ? 0 : scale.getStatus().getReplicas();
        return new Instances(service, current, desired, workload.minInstances(), workload.maxInstances());
    }

    private Optional<HorizontalPodAutoscaler> managingAutoscaler(KubernetesProperties.Workload workload) {
        return call(workload, () -> client().autoscaling().v2().horizontalPodAutoscalers().inNamespace(workload.namespace()).list())
                .getItems().stream()
                .filter(hpa -> hpa.getSpec() != null && hpa.getSpec().getScaleTargetRef() != null)
                .filter(hpa -> workload.kind().equals(hpa.getSpec().getScaleTargetRef().getKind())
                        && workload.name().equals(hpa.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    private Scalable<?> scalable(KubernetesProperties.Workload workload) {
        return workload.kind().equals("StatefulSet")
                ? client().apps().statefulSets().inNamespace(workload.namespace()).withName(workload.name())
                : client().apps().deployments().inNamespace(workload.namespace()).withName(workload.name());
    }

    private KubernetesProperties.Workload workload(String service) {
        KubernetesProperties.Workload workload = properties.services().get(service);
        if (workload == null) {
            throw new IllegalArgumentException("no Kubernetes workload is configured as '" + service + "'");
        }
        return workload;
    }

    private static <T> T call(KubernetesProperties.Workload workload, Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw new ScaleTargetUnavailable("Kubernetes refused or failed for %s %s/%s: %s".formatted(workload.kind(),
                    workload.namespace(), workload.name(), e.getMessage()), e);
        }
    }

    private KubernetesClient client() {
        return client.get();
    }
}
