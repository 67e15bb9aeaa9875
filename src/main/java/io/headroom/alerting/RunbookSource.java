package io.headroom.alerting;

import java.util.Optional;

/**
 * Finds the Headroom runbook a {@code runbook_url} names, so the alert page can show it inline.
 * Implemented by the runbook module (which depends on alerting, not the other way round).
 */
public interface RunbookSource {

    /** A runbook rendered for showing: its sanitised HTML and where it lives. */
    record InlineRunbook(String slug, String title, String owner, String html, int version, String path) {
    }

    /** @return empty when the URL is not one of Headroom's runbooks, or names none that exists */
    Optional<InlineRunbook> find(String runbookUrl);
}
