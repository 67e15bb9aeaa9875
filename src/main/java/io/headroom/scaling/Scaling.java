package io.headroom.scaling;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/** Scales services through whichever {@link ScaleTarget} runs them; views and the API both call this. */
@Service
public class Scaling {

    private final List<ScaleTarget> targets;

    Scaling(List<ScaleTarget> targets) {
        this.targets = targets;
    }

    /** Every service some target runs. */
    public Set<String> services() {
        var all = new java.util.TreeSet<String>();
        targets.forEach(target -> all.addAll(target.services()));
        return all;
    }

    /** Whether some target runs the service, so it can be scaled. */
    public boolean runs(String service) {
        return find(service).isPresent();
    }

    /** @throws NoSuchElementException when no target runs the service */
    public Instances instances(String service) {
        return target(service).instances(service);
    }

    /**
     * @throws NoSuchElementException when no target runs the service
     * @throws IllegalArgumentException when {@code desired} is outside the service's bounds
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("scaling.scale")
    public Instances scaleTo(String service, int desired) {
        ScaleTarget target = target(service);
        Instances now = target.instances(service);
        if (desired < now.min() || desired > now.max()) {
            throw new IllegalArgumentException("instances must be between %d and %d for %s, was %d"
                    .formatted(now.min(), now.max(), service, desired));
        }
        return target.scaleTo(service, desired);
    }

    private ScaleTarget target(String service) {
        return find(service).orElseThrow(() -> new NoSuchElementException("no scale target runs a service named '" + service + "'"));
    }

    private Optional<ScaleTarget> find(String service) {
        return targets.stream().filter(target -> target.services().contains(service)).findFirst();
    }
}
