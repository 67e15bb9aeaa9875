package io.headroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The application shell. Navigation is built from the views' {@code @Menu} annotations, so the
 * shell does not depend on the feature modules that own the views.
 */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        var title = new H1("Headroom");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE, LumoUtility.FontWeight.SEMIBOLD);
        var header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
        header.setWidthFull();
        authentication.getPrincipalName().ifPresent(name -> {
            var user = new Span(name + " · " + role(authentication));
            user.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            user.getElement().setAttribute("data-signed-in", name);
            var signOut = new Button("Sign out", click -> authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            var account = new HorizontalLayout(user, signOut);
            account.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            account.addClassNames(LumoUtility.Margin.Left.AUTO);
            header.add(account);
        });
        addToNavbar(header);

        var nav = new SideNav();
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(new SideNavItem(entry.title(), entry.path())));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /** The highest role held, as the user knows it: roles include the ones below them. */
    private static String role(AuthenticationContext authentication) {
        for (String role : new String[] {"ADMIN", "OPERATOR", "VIEWER"}) {
            if (authentication.hasRole(role)) {
                return role.charAt(0) + role.substring(1).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "no role";
    }
}
