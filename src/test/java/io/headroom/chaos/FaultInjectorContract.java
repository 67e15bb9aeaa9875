package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every {@link FaultInjector} adapter must do, whatever platform it drives: faults show in
 * the service's answers and end when stopped. An adapter's test extends this and says which of
 * its services (running one instance) it may break briefly, and how a client calls it.
 */
public abstract class FaultInjectorContract {

    protected abstract FaultInjector injector();

    /** A service the injector reaches, running exactly one instance. */
    protected abstract String service();

    /** How one request to the service went, sent as its clients send it. */
    public record Answer(int status, Duration took) {
    }

    /** Sends one request to the service; needed when the injector does latency or error faults. */
    protected Answer request() {
        throw new UnsupportedOperationException("this injector's test sends no requests");
    }

    /** The fault types the injector does; it must refuse the others with a reason. */
    protected Set<FaultType> injects() {
        return EnumSet.allOf(FaultType.class);
    }

    private static FaultSpec spec(FaultType type, double magnitude) {
        return new FaultSpec(type, magnitude, 0, 100, Duration.ofSeconds(30));
    }

    @Test
    void reachesTheServiceItNames() {
        assertThat(injector().services()).contains(service());
    }

    @Test
    void stoppingAnUnknownOrEndedFaultIsHarmless() {
        assertThatCode(() -> injector().stop(UUID.randomUUID().toString())).doesNotThrowAnyException();
        String id = UUID.randomUUID().toString();
        injector().start(id, service(), injects().contains(FaultType.LATENCY) ? spec(FaultType.LATENCY, 10) : spec(FaultType.KILL, 1));
        injector().stop(id);
        assertThatCode(() -> injector().stop(id)).doesNotThrowAnyException();
    }

    @Test
    void aLatencyFaultSlowsRequestsUntilItIsStopped() {
        String id = UUID.randomUUID().toString();
        if (!injects().contains(FaultType.LATENCY)) {
            assertThatThrownBy(() -> injector().start(id, service(), spec(FaultType.LATENCY, 400)))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        injector().start(id, service(), spec(FaultType.LATENCY, 400));
        try {
            assertThat(request().took()).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        } finally {
            injector().stop(id);
        }
        assertThat(request().took()).isLessThan(Duration.ofMillis(400));
    }

    @Test
    void anErrorFaultFailsRequestsWith500UntilItIsStopped() {
        String id = UUID.randomUUID().toString();
        if (!injects().contains(FaultType.ERROR)) {
            assertThatThrownBy(() -> injector().start(id, service(), spec(FaultType.ERROR, 500)))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        injector().start(id, service(), spec(FaultType.ERROR, 500));
        try {
            assertThat(request().status()).isEqualTo(500);
        } finally {
            injector().stop(id);
        }
        assertThat(request().status()).isEqualTo(200);
    }

    @Test
    void refusesServicesItDoesNotReach() {
        assertThatThrownBy(() -> injector().start(UUID.randomUUID().toString(), "no-such-service-" + System.nanoTime(),
                spec(FaultType.ERROR, 500))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToKillMoreInstancesThanRun() {
        assertThatThrownBy(() -> injector().start(UUID.randomUUID().toString(), service(), spec(FaultType.KILL, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
