package io.headroom.chaos.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultInjectorContract;
import io.headroom.chaos.FaultSpec;
import io.headroom.chaos.FaultType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pod deletion against fabric8's Kubernetes mock server (an API server cannot run here) in CRUD
 * mode, where no controller replaces pods: what is checked is which pods Headroom deletes.
 */
@EnableKubernetesMockClient(crud = true)
class PodKillerIT extends FaultInjectorContract {

    static KubernetesMockServer server;
    static KubernetesClient client;
    private PodKiller killer;

    @BeforeEach
    void pods() {
        client.pods().inNamespace("shop").delete();
        for (String name : new String[] {"checkout-a", "cart-a", "cart-b", "cart-c"}) {
            client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName(name)
                    .addToLabels("app", name.substring(0, name.indexOf('-'))).endMetadata().build()).create();
        }
        killer = new PodKiller(new PodChaosProperties(null, Map.of(
                "checkout", new PodChaosProperties.Pods("shop", "app=checkout"), "cart", new PodChaosProperties.Pods("shop", "app=cart"))),
                client);
    }

    @Override
    protected FaultInjector injector() {
        return killer;
    }

    @Override
    protected String service() {
        return "checkout";
    }

    @Override
    protected Set<FaultType> injects() {
        return EnumSet.of(FaultType.KILL);
    }

    @Test
    void aKillDeletesThatManyOfTheServicesPodsAndNoOther() {
        killer.start(UUID.randomUUID().toString(), "cart", new FaultSpec(FaultType.KILL, 2, 0, 100, Duration.ofMinutes(1)));
        assertThat(client.pods().inNamespace("shop").withLabel("app", "cart").list().getItems()).hasSize(1);
        assertThat(client.pods().inNamespace("shop").withLabel("app", "checkout").list().getItems()).as("other services' pods stay")
                .hasSize(1);
    }
}
