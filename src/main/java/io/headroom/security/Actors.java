package io.headroom.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Who a change is made by, as users and tokens record it: the signed-in name, or "system" for Headroom itself. */
final class Actors {

    private Actors() {
    }

    static String name(SecurityContextHolderStrategy security) {
        Authentication authentication = security.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
