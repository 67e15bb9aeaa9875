package io.headroom.runbook;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A runbook: the steps that fix what an alert reports. Its {@code slug} is its stable address
 * ({@code /runbooks/{slug}}); {@code version} counts its saves.
 */
public record Runbook(long id, String slug, String title, String owner, String markdown, int version, Instant updatedAt,
        String updatedBy) {

    public static final int MAX_MARKDOWN = 100_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Runbook {
        if (slug == null || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("slug is lower-case letters and digits in words joined by '-', like high-latency "
                    + "(at most 80 characters); was '" + slug + "'");
        }
        title = required("title", title, 200);
        owner = required("owner", owner, 200);
        if (markdown == null || markdown.isBlank()) {
            throw new IllegalArgumentException("markdown is required: the steps that fix it");
        }
        if (markdown.length() > MAX_MARKDOWN) {
            throw new IllegalArgumentException("markdown is at most " + MAX_MARKDOWN + " characters");
        }
    }

    /** The path it is shown at. */
    public String path() {
        return "/runbooks/" + slug;
    }

    /** A slug made from a title: "High p99 latency" → "high-p99-latency". */
    public static String slugOf(String title) {
        String slug = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return slug.length() <= 80 ? slug : slug.substring(0, 80).replaceAll("-+$", "");
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.strip().length() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + " characters");
        }
        return value.strip();
    }
}
