package io.headroom.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Live views update over a WebSocket (Vaadin push), not by reloading. */
@Push
@Theme(value = "headroom", variant = Lumo.DARK)
@PWA(name = "Headroom", shortName = "Headroom")
public class AppShell implements AppShellConfigurator {
}
