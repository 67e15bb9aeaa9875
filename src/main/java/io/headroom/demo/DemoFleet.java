package io.headroom.demo;

import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import io.headroom.chaos.FaultInjector;
import io.headroom.chaos.FaultSpec;
import io.headroom.scaling.Instances;
import io.headroom.scaling.ScaleTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts the demo shop once Headroom listens, so the fleet's telemetry reaches it over its own
 * OTLP endpoint like any service's, and stops it (flushing spans) before Headroom stops.
 */
@Component
@ConditionalOnProperty(name = "headroom.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoFleet implements ApplicationListener<WebServerInitializedEvent>, SmartLifecycle, ScaleTarget, FaultInjector {

    private static final Logger log = LoggerFactory.getLogger(DemoFleet.class);
    private static final int MIN_INSTANCES = 1;
    private static final int MAX_INSTANCES = 10;
    /** How long a removed instance may take to finish its in-flight requests. */
    private static final int DRAIN_SECONDS = 5;

    private final DemoProperties properties;
    private final Map<String, List<DemoInstance>> instances = new ConcurrentHashMap<>();
    private final Map<String, ServiceSpec> specs = new java.util.LinkedHashMap<>();
    private final Map<String, Integer> desired = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService draining = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "demo-drain");
        thread.setDaemon(true);
        return thread;
    });
    private final FleetFaults faults = new FleetFaults();
    /** CPU faults by id, with the service they burn on; new instances of that service burn too. */
    private final Map<String, CpuFault> cpuFaults = new ConcurrentHashMap<>();
    /** Kill faults by id, with the service whose instances they killed; replaced when the fault ends. */
    private final Map<String, String> kills = new ConcurrentHashMap<>();
    private volatile FleetEnvironment environment;
    private volatile LoadGenerator load;
    private volatile boolean running;

    /** @param instances the instance ids it burns on; null: every instance, those started later too */
    private record CpuFault(String service, double percentOfCore, Set<String> instances) {
    }

    DemoFleet(DemoProperties properties) {
        this.properties = properties;
        ShopTopology.services().forEach(spec -> specs.put(spec.name(), spec.with(properties.services().get(spec.name()))));
        var unknown = new java.util.TreeSet<>(properties.services().keySet());
        unknown.removeAll(specs.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("headroom.demo.services names services the demo shop does not have: " + unknown);
        }
    }

    @Override
    public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
        if (load != null || event.getApplicationContext().getParent() != null) {
            return;
        }
        String self = "http://127.0.0.1:" + event.getWebServer().getPort();
        String endpoint = blank(properties.otlpEndpoint()) ? self : properties.otlpEndpoint();
        String jaeger = blank(properties.jaegerEndpoint()) ? self + "/api/traces" : properties.jaegerEndpoint();
        environment = new FleetEnvironment(new OtelExport(endpoint, properties.metricInterval()), jaeger, this::pick, faults);
        for (ServiceSpec spec : specs.values()) {
            startInstance(spec);
            desired.put(spec.name(), 1);
        }
        load = new LoadGenerator(() -> pick("gateway"), properties.rps(), properties.pattern().toPattern());
        log.info("Demo fleet started: {} services at {} requests/s, telemetry to {}", instances.size(), properties.rps(), endpoint);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private void startInstance(ServiceSpec spec) {
        try {
            var instance = new DemoInstance(spec, environment);
            cpuFaults.forEach((faultId, cpu) -> {
                if (cpu.service().equals(spec.name()) && cpu.instances() == null) {
                    instance.burn(faultId, cpu.percentOfCore());
                }
            });
            instances.computeIfAbsent(spec.name(), name -> new CopyOnWriteArrayList<>()).add(instance);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start demo service " + spec.name(), e);
        }
    }

    /** A random running instance of the service, as client-side load balancing would choose. */
    Optional<URI> pick(String service) {
        List<DemoInstance> running = instances.getOrDefault(service, List.of());
        if (running.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(running.get(ThreadLocalRandom.current().nextInt(running.size())).uri());
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The load generator's rate and counts; the fleet must have started. */
    public LoadStatus load() {
        return startedLoad().status();
    }

    /**
     * Changes the base rate the traffic pattern moves around.
     *
     * @throws IllegalArgumentException when {@code rps} is not between 0 and 2000
     */
    @PreAuthorize(Roles.OPERATOR)
    public LoadStatus setRps(double rps) {
        DemoProperties.requireValidRps(rps);
        LoadGenerator generator = startedLoad();
        generator.setBaseRps(rps);
        log.info("Demo load set to {} requests/s", rps);
        return generator.status();
    }

    private LoadGenerator startedLoad() {
        LoadGenerator generator = load;
        if (generator == null) {
            throw new IllegalStateException("the demo fleet has not started yet");
        }
        return generator;
    }

    /**
     * Each service's running instances as {@code host:port}, in the order they started: where a
     * scraper finds their {@code /metrics}.
     */
    public Map<String, List<String>> instanceAddresses() {
        var addresses = new java.util.TreeMap<String, List<String>>();
        instances.forEach((service, running) -> addresses.put(service,
                running.stream().map(instance -> instance.uri().getAuthority()).toList()));
        return addresses;
    }

    @Override
    public Set<String> services() {
        return specs.keySet();
    }

    @Override
    public Instances instances(String service) {
        requireKnown(service);
        int current = instances.getOrDefault(service, List.of()).size();
        return new Instances(service, current, desired.getOrDefault(service, current), MIN_INSTANCES, MAX_INSTANCES);
    }

    @Override
    public OptionalDouble listPricePerInstanceHour(String service) {
        ServiceSpec spec = specs.get(service);
        return spec == null ? OptionalDouble.empty() : OptionalDouble.of(spec.pricePerInstanceHour());
    }

    @Override
    public synchronized Instances scaleTo(String service, int wanted) {
        requireKnown(service);
        if (environment == null) {
            throw new IllegalStateException("the demo fleet has not started yet");
        }
        desired.put(service, wanted);
        List<DemoInstance> running = instancesOf(service);
        while (running.size() < wanted) {
            startInstance(specs.get(service));
        }
        while (running.size() > wanted) {
            // Out of the routing first, so it gets no new requests; then it finishes what it has.
            DemoInstance leaving = running.remove(running.size() - 1);
            draining.execute(() -> leaving.drain(DRAIN_SECONDS));
        }
        log.info("Demo service {} scaled to {} instances", service, wanted);
        return instances(service);
    }

    @Override
    public synchronized void start(String faultId, String service, FaultSpec spec) {
        requireKnown(service);
        switch (spec.type()) {
            case LATENCY, ERROR -> faults.add(faultId, service, spec, targets(service, spec));
            case CPU -> {
                Set<String> targets = targets(service, spec);
                cpuFaults.put(faultId, new CpuFault(service, spec.magnitude(), targets));
                instancesOf(service).stream().filter(instance -> targets == null || targets.contains(instance.instanceId()))
                        .forEach(instance -> instance.burn(faultId, spec.magnitude()));
            }
            case KILL -> kill(faultId, service, (int) spec.magnitude());
        }
    }

    /** The instances a fault on a share of them hits, picked at random now; null when it hits all. */
    private Set<String> targets(String service, FaultSpec spec) {
        if (spec.instancePercentage() >= 100) {
            return null;
        }
        var running = new java.util.ArrayList<>(instancesOf(service));
        java.util.Collections.shuffle(running, ThreadLocalRandom.current());
        return running.stream().limit(spec.instancesOf(running.size())).map(DemoInstance::instanceId)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private void kill(String faultId, String service, int count) {
        List<DemoInstance> running = instancesOf(service);
        if (count > running.size()) {
            throw new IllegalArgumentException("cannot kill %d instances of %s: %d run".formatted(count, service, running.size()));
        }
        kills.put(faultId, service);
        for (int i = 0; i < count; i++) {
            DemoInstance victim = running.remove(ThreadLocalRandom.current().nextInt(running.size()));
            victim.kill();
        }
        log.info("Demo service {}: {} instance(s) killed by fault {}", service, count, faultId);
    }

    @Override
    public synchronized void stop(String faultId) {
        faults.remove(faultId);
        CpuFault cpu = cpuFaults.remove(faultId);
        if (cpu != null) {
            instancesOf(cpu.service()).forEach(instance -> instance.stopBurning(faultId));
        }
        String killed = kills.remove(faultId);
        if (killed != null && running) {
            // As a replica set does: start instances until the desired count runs again.
            while (instancesOf(killed).size() < desired.getOrDefault(killed, MIN_INSTANCES)) {
                startInstance(specs.get(killed));
            }
        }
    }

    private List<DemoInstance> instancesOf(String service) {
        return instances.computeIfAbsent(service, name -> new CopyOnWriteArrayList<>());
    }

    private void requireKnown(String service) {
        if (!specs.containsKey(service)) {
            throw new IllegalArgumentException("the demo fleet runs no service named '" + service + "'");
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (load != null) {
            load.close();
        }
        var all = new ArrayList<DemoInstance>();
        instances.values().forEach(all::addAll);
        instances.clear();
        all.forEach(DemoInstance::close);
        draining.shutdownNow();
        if (environment != null) {
            environment.otel().close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stop before the web server shuts down, so the fleet's last spans can still be delivered,
     * and after chaos, which ends its faults here first.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
