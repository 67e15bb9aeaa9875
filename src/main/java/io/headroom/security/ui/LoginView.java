package io.headroom.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Sign-in: the form posts to Spring Security, which comes back here with {@code ?error} on a failure. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Headroom")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    public LoginView(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Headroom");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("The user name or password is wrong, or there were too many failed attempts: "
                + "check them, wait a little, and try again.");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        var hint = new Paragraph("On a first start Headroom creates the user admin; its password is in the log "
                + "(or HEADROOM_ADMIN_PASSWORD).");
        hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        hint.setMaxWidth("22rem");
        add(new H1("Headroom"), form);
        // Each configured OpenID Connect provider as a link that starts its sign-in (a full page load, not a route).
        if (oidcProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration provider = (ClientRegistration) registration;
                var link = new Anchor("oauth2/authorization/" + provider.getRegistrationId(), "Sign in with " + provider.getClientName());
                link.setRouterIgnore(true);
                link.getElement().setAttribute("data-oidc", provider.getRegistrationId());
                add(link);
            }
        }
        add(hint);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
