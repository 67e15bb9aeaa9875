package io.headroom.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Who a change is made by, as users, tokens, silences and runbooks record it: the signed-in name,
 * or "system" for Headroom itself.
 */
public final class Actors {

    private Actors() {
    }

    public static String name(SecurityContextHolderStrategy security) {
        Authentication authentication = security.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
