package io.headroom.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as an action to audit: an entry is written before it runs,
 * with its arguments by parameter name (a {@code String} parameter named {@code service} is the
 * entry's service; parameters whose name mentions a password, secret or token are recorded as
 * "redacted"), and completed with the outcome: done, failed (with the reason), or denied.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    /** The action's name, module first: {@code scaling.scale}, {@code chaos.inject}. */
    String value();
}
