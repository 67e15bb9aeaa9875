package io.headroom.runbook;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.headroom.alerting.AlertRule;
import io.headroom.alerting.AlertRules;
import io.headroom.audit.Audited;
import io.headroom.security.Actors;
import io.headroom.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runbooks: read by anyone signed in, written by operators (the people who run the fixes),
 * deleted by administrators; every change audited and kept as a version.
 */
@Service
public class Runbooks {

    /** Another runbook has that slug. */
    public static final class SlugTaken extends RuntimeException {
        SlugTaken(String slug) {
            super("a runbook at /runbooks/" + slug + " exists already", null, false, false);
        }
    }

    /** Someone saved the runbook after the version this change was made from. */
    public static final class StaleVersion extends RuntimeException {
        StaleVersion(String slug, int expected, int stored) {
            super("/runbooks/" + slug + " is at version " + stored + ", not " + expected
                    + ": someone saved it meanwhile; reload it and make the change again", null, false, false);
        }
    }

    static final int MAX_LISTED = 500;

    private final RunbookRecords records;
    private final AlertRules rules;
    private final SecurityContextHolderStrategy security;
    private final Clock clock;

    Runbooks(RunbookRecords records, AlertRules rules, SecurityContextHolderStrategy security, Clock clock) {
        this.records = records;
        this.rules = rules;
        this.security = security;
        this.clock = clock;
    }

    /** @param query words (web-search syntax: "quoted phrases", -excluded) or part of a title; null lists all by title */
    public List<Runbook> search(String query) {
        return records.search(query == null || query.isBlank() ? null : query.strip(), MAX_LISTED);
    }

    public Optional<Runbook> find(String slug) {
        return records.find(slug);
    }

    public RenderedRunbook render(Runbook runbook) {
        Markdown.Rendered rendered = Markdown.render(runbook.markdown());
        return new RenderedRunbook(runbook, rendered.html(), rendered.steps());
    }

    /** Newest first. */
    public List<RunbookVersion> versions(Runbook runbook) {
        return records.versions(runbook.id());
    }

    /** What {@code version} changed in the one before it (all added, for the first). */
    public Optional<List<LineDiff.Line>> changes(Runbook runbook, int version) {
        List<RunbookVersion> versions = records.versions(runbook.id());
        Optional<RunbookVersion> after = versions.stream().filter(v -> v.version() == version).findFirst();
        String before = versions.stream().filter(v -> v.version() == version - 1).map(RunbookVersion::markdown).findFirst().orElse("");
        return after.map(v -> LineDiff.between(before, v.markdown()));
    }

    /** The alert rules whose runbook_url points at this runbook. */
    public List<AlertRule> linkedRules(Runbook runbook) {
        return rules.all().stream().filter(rule -> RunbookLinks.slugOf(rule.annotations().get(AlertRule.RUNBOOK_URL))
                .filter(runbook.slug()::equals).isPresent()).toList();
    }

    /**
     * @param slug null or blank: made from the title
     * @throws SlugTaken when a runbook has that slug
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("runbook.create")
    @Transactional
    public Runbook create(String slug, String title, String owner, String markdown) {
        String chosen = slug == null || slug.isBlank() ? Runbook.slugOf(title) : slug.strip();
        var draft = new Runbook(0, chosen, title, owner, markdown, 1, clock.instant(), Actors.name(security));
        try {
            long id = records.insert(draft);
            return records.find(draft.slug()).filter(r -> r.id() == id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new SlugTaken(draft.slug());
        }
    }

    /**
     * Saves a new version, made from {@code baseVersion}.
     *
     * @return empty when no runbook has the slug
     * @throws StaleVersion when it has been saved since {@code baseVersion}
     */
    @PreAuthorize(Roles.OPERATOR)
    @Audited("runbook.update")
    @Transactional
    public Optional<Runbook> update(String slug, int baseVersion, String title, String owner, String markdown) {
        Optional<Runbook> stored = records.find(slug);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        var next = new Runbook(stored.get().id(), slug, title, owner, markdown, baseVersion + 1, clock.instant(), Actors.name(security));
        if (!records.update(next, baseVersion)) {
            throw new StaleVersion(slug, baseVersion, stored.get().version());
        }
        return records.find(slug);
    }

    /** @return whether it existed */
    @PreAuthorize(Roles.ADMIN)
    @Audited("runbook.delete")
    public boolean delete(String slug) {
        return records.delete(slug);
    }
}
