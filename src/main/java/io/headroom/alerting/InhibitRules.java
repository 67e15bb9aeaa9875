package io.headroom.alerting;

import java.time.Clock;
import java.util.List;

import io.headroom.audit.Audited;
import io.headroom.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Inhibit rules: read by anyone signed in, changed by administrators, every change audited. */
@Service
public class InhibitRules {

    private final InhibitRuleRecords records;
    private final Clock clock;

    InhibitRules(InhibitRuleRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public List<InhibitRule> all() {
        return records.all();
    }

    @PreAuthorize(Roles.ADMIN)
    @Audited("alerting.inhibit-rule-create")
    public InhibitRule create(InhibitRule rule) {
        return rule.withId(records.insert(rule, clock.instant()));
    }

    /** @return whether it existed */
    @PreAuthorize(Roles.ADMIN)
    @Audited("alerting.inhibit-rule-delete")
    public boolean delete(long id) {
        return records.delete(id);
    }
}
