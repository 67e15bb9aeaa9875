package io.headroom.chaos;

import java.time.Duration;
import java.util.List;

import io.headroom.schedule.CronSchedule;

/**
 * A chaos experiment: faults injected into one service for {@code duration}, under a
 * steady-state hypothesis checked before the start, throughout, and after the rollback.
 *
 * @param faults what to inject, each for the experiment's whole duration ({@link FaultSpec#duration()} is ignored)
 * @param steadyState the hypothesis: every condition holds over the last minute's requests
 * @param grace how long a breach may last before the run aborts (zero: at the first check that sees it)
 * @param abortOnAlerts names of alert rules whose alert firing on the service aborts the run
 * @param abortOnBurnRate whether any SLO burn-rate alert firing on the service aborts the run
 * @param minErrorBudget runs are refused while the service's SLO error budget remaining is below this share (0..1;
 *        a service without an SLO has no budget to guard)
 * @param recovery how long after the rollback the steady state is checked again
 * @param schedule when it starts by itself (a GameDay), under the same guards; null: only when started
 */
public record Experiment(Long id, String name, String service, List<FaultSpec> faults, Duration duration,
        List<SteadyStateCondition> steadyState, Duration grace, List<String> abortOnAlerts, boolean abortOnBurnRate,
        double minErrorBudget, Duration recovery, CronSchedule schedule) {

    public static final Duration MIN_DURATION = Duration.ofSeconds(10);
    public static final Duration MAX_RECOVERY = Duration.ofMinutes(10);
    public static final Duration DEFAULT_RECOVERY = Duration.ofMinutes(1);
    public static final double DEFAULT_MIN_ERROR_BUDGET = 0.25;

    public Experiment {
        faults = faults == null ? List.of() : List.copyOf(faults);
        steadyState = steadyState == null ? List.of() : List.copyOf(steadyState);
        abortOnAlerts = abortOnAlerts == null ? List.of() : List.copyOf(abortOnAlerts);
        grace = grace == null ? Duration.ZERO : grace;
        recovery = recovery == null ? DEFAULT_RECOVERY : recovery;
    }

    /** @throws IllegalArgumentException naming the first field that is wrong */
    public Experiment validated() {
        require(name != null && !name.isBlank() && name.length() <= 100, "name must be 1 to 100 characters");
        require(service != null && !service.isBlank(), "service is required");
        require(duration != null && duration.compareTo(MIN_DURATION) >= 0 && duration.compareTo(Chaos.MAX_DURATION) <= 0,
                "duration must be between 10s and 1h");
        require(!faults.isEmpty() && faults.size() <= 5, "faults must list 1 to 5 faults");
        for (int i = 0; i < faults.size(); i++) {
            try {
                Chaos.validate(fault(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("faults[" + i + "]: " + e.getMessage());
            }
        }
        require(!steadyState.isEmpty() && steadyState.size() <= 10,
                "steadyState must list 1 to 10 conditions: an experiment without a hypothesis cannot tell whether it hurt");
        require(!grace.isNegative() && grace.compareTo(duration) < 0, "grace must be at least 0s and shorter than the duration");
        require(abortOnAlerts.size() <= 20 && abortOnAlerts.stream().allMatch(a -> a != null && !a.isBlank()),
                "abortOnAlerts must list at most 20 alert names, none blank");
        require(minErrorBudget >= 0 && minErrorBudget <= 1,
                "minErrorBudget is a share of the budget: between 0 and 1 (0.25 refuses runs below 25 % remaining)");
        require(!recovery.isNegative() && recovery.compareTo(MAX_RECOVERY) <= 0, "recovery must be between 0s and 10m");
        return this;
    }

    /** The i-th fault as it is injected: for the experiment's duration. */
    public FaultSpec fault(int i) {
        return faults.get(i).withDuration(duration);
    }

    public Experiment withId(long newId) {
        return new Experiment(newId, name, service, faults, duration, steadyState, grace, abortOnAlerts, abortOnBurnRate,
                minErrorBudget, recovery, schedule);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
