package io.headroom.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * Actions a feature offers on a service's page (scale it, break it, ...). The page shows what
 * every such bean gives, so the page's module need not depend on the modules that act.
 */
public interface ServiceActions {

    /** Where the actions stand among others: lower first. */
    int order();

    /** A new component with the actions for this service, or empty when this feature cannot act on it. */
    Optional<Component> actionsFor(String service);
}
