package io.headroom.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.headroom.HeadroomIntegrationTest;
import io.headroom.OtlpClient;
import io.headroom.alerting.AlertKpi;
import io.headroom.alerting.Alerts;
import io.headroom.alerting.Comparison;
import io.headroom.ingest.otlp.OtlpPort;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * A run's row exists before its faults go in (it claims the service against a second start);
 * the periodic check must leave such a run alone until its start is over. Here the injection
 * blocks until the test lets it go, and the check runs in between.
 */
@HeadroomIntegrationTest
class ExperimentStartIT {

    private static final String SERVICE = "start-check";

    @Autowired
    OtlpPort otlpPort;
    @Autowired
    RunRecords runs;
    @Autowired
    FaultRecords faults;
    @Autowired
    KillSwitchRecords killSwitch;
    @Autowired
    SteadyStateCheck check;
    @Autowired
    ExperimentGuards guards;
    @Autowired
    Alerts alerts;
    @Autowired
    SecurityContextHolderStrategy security;
    @Autowired
    Clock clock;

    @Test
    void theCheckLeavesARunAloneUntilItsFaultsAreIn() throws Exception {
        OtlpClient.sendRequests(otlpPort.port(), SERVICE, 40, 0, 20_000_000L);
        await().atMost(Duration.ofSeconds(30)).until(() -> check.check(SERVICE, steadyState(), clock.instant().minus(Duration.ofMinutes(5)),
                clock.instant()).held());

        var injector = new BlockingInjector();
        var chaos = new Chaos(List.of(injector), faults, killSwitch, clock);
        var runner = new ExperimentRunner(runs, check, guards, chaos, new RunRollback(chaos, runs, clock), alerts, killSwitch,
                security, clock, Duration.ofSeconds(2));
        var experiment = new Experiment(null, "start check", SERVICE,
                List.of(new FaultSpec(FaultType.LATENCY, 100, 0, 100, Duration.ofMinutes(1))), Duration.ofMinutes(1), steadyState(),
                Duration.ZERO, List.of(), false, 0, Duration.ofMinutes(1), null);

        CompletableFuture<ExperimentRun> start = CompletableFuture.supplyAsync(() -> runner.start(experiment, "admin"));
        assertThat(injector.entered.await(30, TimeUnit.SECONDS)).as("the injection began").isTrue();
        long run = runs.running(SERVICE).orElseThrow().id();

        runner.checkRuns();
        assertThat(kinds(run)).as("checked while its faults were going in").containsExactly(RunEvent.Kind.CHECK_BEFORE);
        assertThat(runs.find(run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        injector.release.countDown();
        ExperimentRun started = start.get(30, TimeUnit.SECONDS);
        assertThat(started.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(started.faultIds()).hasSize(1);
        assertThat(kinds(run)).containsExactly(RunEvent.Kind.CHECK_BEFORE, RunEvent.Kind.FAULT_STARTED);

        runner.checkRuns();
        assertThat(kinds(run)).as("checked once started").containsExactly(RunEvent.Kind.CHECK_BEFORE, RunEvent.Kind.FAULT_STARTED,
                RunEvent.Kind.CHECK);

        assertThat(runner.abort(runs.find(run).orElseThrow(), "test over")).isTrue();
        assertThat(injector.stopped).containsExactly(started.faultIds().get(0));
        assertThat(runs.events(run).get(runs.events(run).size() - 1).message()).isEqualTo("stopped latency +100 ms on all requests");
    }

    private static List<SteadyStateCondition> steadyState() {
        return List.of(new SteadyStateCondition(AlertKpi.P99, Comparison.BELOW, 300));
    }

    private List<RunEvent.Kind> kinds(long run) {
        return runs.events(run).stream().map(RunEvent::kind).toList();
    }

    /** Reaches {@link #SERVICE}; its injection waits until released. */
    private static final class BlockingInjector implements FaultInjector {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> stopped = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> services() {
            return Set.of(SERVICE);
        }

        @Override
        public void start(String faultId, String service, FaultSpec spec) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop(String faultId) {
            stopped.add(faultId);
        }
    }
}
