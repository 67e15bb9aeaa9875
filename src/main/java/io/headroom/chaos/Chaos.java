package io.headroom.chaos;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Injects faults through whichever {@link FaultInjector} reaches the service, records each one
 * before it runs, and ends it when its duration is over or when asked. Views and the API both
 * call this. A fault left running by a Headroom that stopped is ended at the next start.
 */
@Service
public class Chaos implements SmartLifecycle {

    public static final Duration MAX_DURATION = Duration.ofHours(1);
    static final double MAX_LATENCY_MS = 60_000;

    private static final Logger log = LoggerFactory.getLogger(Chaos.class);

    /** Chaos is switched off: the kill switch is engaged. */
    public static final class KillSwitchEngaged extends RuntimeException {
        KillSwitchEngaged(String message) {
            super(message, null, false, false);
        }
    }

    private final List<FaultInjector> injectors;
    private final FaultRecords records;
    private final KillSwitchRecords killSwitch;
    private final Clock clock;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean started;

    private record Running(FaultInjector injector, ScheduledFuture<?> ending) {
    }

    Chaos(List<FaultInjector> injectors, FaultRecords records, KillSwitchRecords killSwitch, Clock clock) {
        this.injectors = injectors;
        this.records = records;
        this.killSwitch = killSwitch;
        this.clock = clock;
    }

    /**
     * @throws NoSuchElementException when no injector reaches the service
     * @throws IllegalArgumentException when the spec is out of range or cannot apply to the service now
     * @throws KillSwitchEngaged while the kill switch is engaged
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.inject")
    public Fault inject(String service, FaultSpec spec) {
        validate(spec);
        KillSwitchState switchState = killSwitch.state();
        if (switchState.engaged()) {
            throw new KillSwitchEngaged(switchState.refusal());
        }
        FaultInjector injector = injectors.stream().filter(candidate -> candidate.services().contains(service)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no fault injector reaches a service named '" + service + "'"));
        Instant now = clock.instant();
        var fault = new Fault(UUID.randomUUID().toString(), service, spec, now, now.plus(spec.duration()), null, null);
        // Recorded before it runs, so a crash in between leaves a row the next start ends.
        records.insert(fault);
        try {
            injector.start(fault.id(), service, spec);
        } catch (RuntimeException e) {
            records.end(fault.id(), clock.instant(), "not started: " + e.getMessage());
            throw e;
        }
        ScheduledFuture<?> ending = timer.schedule(() -> end(fault.id(), "duration elapsed"),
                spec.duration().toMillis(), TimeUnit.MILLISECONDS);
        running.put(fault.id(), new Running(injector, ending));
        log.info("Fault {} started on {}: {}", fault.id(), service, spec);
        return fault;
    }

    /**
     * Ends the fault now; a fault already over is returned as it is.
     *
     * @throws NoSuchElementException for an unknown id
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("chaos.stop")
    public Fault stop(String id) {
        return end(id, "stopped").or(() -> find(id)).orElseThrow(() -> new NoSuchElementException("no fault with id '" + id + "'"));
    }

    /**
     * Ends every running fault, wherever it was injected; for the kill switch, which is audited itself.
     *
     * @return the faults ended
     */
    @PreAuthorize(Roles.OPERATOR)
    public List<Fault> stopAll(String reason) {
        return records.running().stream().map(fault -> end(fault.id(), reason)).flatMap(Optional::stream).toList();
    }

    /** Every service some injector reaches, sorted. */
    public List<String> services() {
        return injectors.stream().flatMap(injector -> injector.services().stream()).distinct().sorted().toList();
    }

    /** Whether some injector reaches the service, so faults can be injected into it. */
    public boolean reaches(String service) {
        return injectors.stream().anyMatch(injector -> injector.services().contains(service));
    }

    /** The faults running on the service now. */
    public List<Fault> running(String service) {
        return records.running().stream().filter(fault -> fault.service().equals(service)).toList();
    }

    public Optional<Fault> find(String id) {
        return parseable(id) ? records.find(id) : Optional.empty();
    }

    /** Running faults first, then the most recent ones. */
    public List<Fault> faults(int limit) {
        return records.recent(limit);
    }

    private synchronized Optional<Fault> end(String id, String reason) {
        if (!parseable(id)) {
            return Optional.empty();
        }
        Running fault = running.remove(id);
        if (fault != null) {
            fault.ending().cancel(false);
            stopQuietly(fault.injector(), id);
        } else if (records.find(id).filter(Fault::active).isPresent()) {
            // Injected by another Headroom process (or one that stopped): undo it through whichever injector knows it.
            injectors.forEach(injector -> stopQuietly(injector, id));
        }
        Optional<Fault> ended = records.end(id, clock.instant(), reason);
        ended.ifPresent(f -> log.info("Fault {} on {} ended: {}", id, f.service(), reason));
        return ended;
    }

    private static void stopQuietly(FaultInjector injector, String id) {
        try {
            injector.stop(id);
        } catch (RuntimeException e) {
            log.warn("Fault {} could not be stopped cleanly", id, e);
        }
    }

    private static boolean parseable(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void validate(FaultSpec spec) {
        if (spec.type() == null) {
            throw new IllegalArgumentException("type must be one of latency, error, kill, cpu");
        }
        Duration duration = spec.duration();
        if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("durationSeconds must be between 1 and " + MAX_DURATION.toSeconds());
        }
        boolean perRequest = spec.type().hitsRequests();
        if (!(spec.percentage() > 0 && spec.percentage() <= 100)) {
            throw new IllegalArgumentException("percentage must be above 0 and at most 100");
        }
        if (!perRequest && spec.percentage() != 100) {
            throw new IllegalArgumentException("percentage applies to latency and error faults only");
        }
        if (!(spec.instancePercentage() > 0 && spec.instancePercentage() <= 100)) {
            throw new IllegalArgumentException("instancePercentage must be above 0 and at most 100");
        }
        if (spec.type() == FaultType.KILL && spec.instancePercentage() != 100) {
            throw new IllegalArgumentException("instancePercentage does not apply to kill faults: magnitude is how many instances");
        }
        if (spec.type() != FaultType.LATENCY && spec.jitter() != 0) {
            throw new IllegalArgumentException("jitter applies to latency faults only");
        }
        double magnitude = spec.magnitude();
        switch (spec.type()) {
            case LATENCY -> {
                require(magnitude > 0 && magnitude <= MAX_LATENCY_MS, "magnitude (added latency in ms) must be above 0 and at most 60000");
                require(spec.jitter() >= 0 && spec.jitter() <= MAX_LATENCY_MS, "jitter (ms) must be between 0 and 60000");
            }
            case ERROR -> require(magnitude >= 500 && magnitude <= 599 && magnitude == Math.rint(magnitude),
                    "magnitude (HTTP status) must be a 5xx status, 500 to 599");
            case KILL -> require(magnitude >= 1 && magnitude == Math.rint(magnitude),
                    "magnitude (instances to kill) must be a whole number, at least 1");
            case CPU -> require(magnitude > 0 && magnitude <= 100, "magnitude (percent of one core) must be above 0 and at most 100");
        }
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Ends faults a previous run left behind: nothing is timing them any more. */
    @Override
    public void start() {
        for (Fault left : records.running()) {
            injectors.forEach(injector -> injector.stop(left.id()));
            records.end(left.id(), clock.instant(), "Headroom restarted while it ran");
        }
        started = true;
    }

    @Override
    public void stop() {
        running.keySet().forEach(id -> end(id, "Headroom stopped"));
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stops first, while injectors (the demo fleet among them) can still undo what they did. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
