package io.headroom.alerting;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of Alertmanager's inhibit rules: while an alert matching {@code sourceMatchers} fires,
 * alerts matching {@code targetMatchers} with the same values of the {@code equal} labels are
 * inhibited (not notified, shown as such). The demo's rule lets a critical alert of a service
 * hold back its warnings.
 */
public record InhibitRule(long id, List<LabelMatcher> sourceMatchers, List<LabelMatcher> targetMatchers, List<String> equal) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public InhibitRule {
        sourceMatchers = List.copyOf(sourceMatchers == null ? List.of() : sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers == null ? List.of() : targetMatchers);
        equal = List.copyOf(equal == null ? List.of() : equal);
        if (sourceMatchers.isEmpty() || targetMatchers.isEmpty()) {
            throw new IllegalArgumentException("sourceMatchers and targetMatchers must each hold at least one matcher");
        }
        for (String label : equal) {
            if (label == null || !LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("equal lists label names; '" + label + "' is not one");
            }
        }
    }

    public boolean isSource(Map<String, String> labels) {
        return sourceMatchers.stream().allMatch(m -> m.matches(labels));
    }

    public boolean isTarget(Map<String, String> labels) {
        return targetMatchers.stream().allMatch(m -> m.matches(labels));
    }

    /**
     * Whether a firing {@code source} inhibits {@code target}. As in Alertmanager, an alert that
     * matches both sides is not inhibited by another that also matches both: otherwise two such
     * alerts would silence each other.
     */
    public boolean inhibits(Map<String, String> source, Map<String, String> target) {
        if (!isTarget(target) || !isSource(source) || source.equals(target)) {
            return false;
        }
        if (isSource(target) && isTarget(source)) {
            return false;
        }
        return equal.stream().allMatch(label -> Objects.equals(source.getOrDefault(label, ""), target.getOrDefault(label, "")));
    }

    InhibitRule withId(long newId) {
        return new InhibitRule(newId, sourceMatchers, targetMatchers, equal);
    }
}
