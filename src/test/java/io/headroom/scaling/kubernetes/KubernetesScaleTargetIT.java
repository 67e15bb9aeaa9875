package io.headroom.scaling.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.headroom.scaling.ScaleRefused;
import io.headroom.scaling.ScaleTarget;
import io.headroom.scaling.ScaleTargetContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes scale target against fabric8's Kubernetes mock server (an API server cannot run
 * here) in CRUD mode: the scale subresource of a Deployment, a stand-in for the Deployment
 * controller that brings status.replicas to spec.replicas, and an HPA that makes Headroom refuse.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesScaleTargetIT extends ScaleTargetContract {

    static KubernetesMockServer server;
    static KubernetesClient client;
    private static ScheduledExecutorService controller;
    private static KubernetesScaleTarget target;

    @BeforeAll
    static void cluster() {
        client.apps().deployments().inNamespace("shop").resource(deployment("checkout")).create();
        client.apps().deployments().inNamespace("shop").resource(deployment("payments")).create();
        client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("shop").resource(new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName("payments-hpa").endMetadata()
                .withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName("payments").endScaleTargetRef()
                .withMinReplicas(1).withMaxReplicas(5).endSpec().build()).create();
        // What the Deployment controller does in a cluster: run as many pods as the spec asks for.
        controller = Executors.newSingleThreadScheduledExecutor();
        controller.scheduleWithFixedDelay(() -> client.apps().deployments().inNamespace("shop").list().getItems().forEach(d -> {
            if (!d.getSpec().getReplicas().equals(d.getStatus().getReplicas())) {
                d.getStatus().setReplicas(d.getSpec().getReplicas());
                client.apps().deployments().inNamespace("shop").resource(d).updateStatus();
            }
        }), 100, 200, TimeUnit.MILLISECONDS);
        target = new KubernetesScaleTarget(new KubernetesProperties(null, Map.of(
                "checkout", new KubernetesProperties.Workload("shop", "Deployment", "checkout", 1, 10),
                "payments", new KubernetesProperties.Workload("shop", null, "payments", null, null))), client);
    }

    @AfterAll
    static void stopController() {
        controller.shutdownNow();
    }

    private static Deployment deployment(String name) {
        return new DeploymentBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName(name).withImage("shop/" + name + ":1").endContainer().endSpec().endTemplate()
                .endSpec().withNewStatus().withReplicas(1).endStatus().build();
    }

    @Override
    protected ScaleTarget target() {
        return target;
    }

    @Override
    protected String service() {
        return "checkout";
    }

    @Test
    void theScaleSubresourceCarriesTheCountAndTheBoundsComeFromTheConfiguration() {
        target.scaleTo("checkout", 3);
        assertThat(client.apps().deployments().inNamespace("shop").withName("checkout").get().getSpec().getReplicas()).isEqualTo(3);
        assertThat(target.instances("checkout").min()).isEqualTo(1);
        assertThat(target.instances("checkout").max()).isEqualTo(10);
    }

    @Test
    void aWorkloadAnHpaManagesIsNotScaledAndTheRefusalNamesTheHpa() {
        assertThatThrownBy(() -> target.scaleTo("payments", 3)).isInstanceOf(ScaleRefused.class)
                .hasMessageContaining("HorizontalPodAutoscaler 'payments-hpa'");
        assertThat(client.apps().deployments().inNamespace("shop").withName("payments").get().getSpec().getReplicas()).isEqualTo(1);
        assertThat(target.instances("payments").desired()).as("reading is fine").isEqualTo(1);
    }
}
