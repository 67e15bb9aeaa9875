package io.headroom.security.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.headroom.security.ApiToken;
import io.headroom.security.ApiTokens;
import io.headroom.security.NewApiToken;
import io.headroom.security.TokenScope;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Administrators make tokens for machines (shown once), see when each was last used, and revoke them. */
@RolesAllowed("ADMIN")
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens · Headroom")
@Menu(title = "API tokens", order = 31)
public class TokensView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ApiTokens tokens;
    private final Clock clock;
    private final Grid<ApiToken> grid = new Grid<>();
    private final TextField name = new TextField("Name");
    private final Select<TokenScope> scope = new Select<>();
    private final DatePicker expires = new DatePicker("Expires (UTC, optional)");

    public TokensView(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        setWidthFull();
        name.setPlaceholder("otel-collector-eu1");
        scope.setLabel("Scope");
        scope.setItems(TokenScope.values());
        scope.setItemLabelGenerator(value -> value.name().toLowerCase(Locale.ROOT));
        scope.setValue(TokenScope.INGEST);
        var create = new Button("Create token", click -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(name, scope, expires, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(ApiToken::name).setHeader("Name");
        grid.addColumn(token -> token.scope().name().toLowerCase(Locale.ROOT)).setHeader("Scope");
        grid.addColumn(token -> token.hint() + "…").setHeader("Starts with");
        grid.addColumn(token -> time(token.createdAt()) + " by " + token.createdBy()).setHeader("Created");
        grid.addColumn(token -> token.expiresAt() == null ? "never" : time(token.expiresAt())).setHeader("Expires");
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : time(token.lastUsedAt())).setHeader("Last used");
        grid.addColumn(token -> token.revokedAt() != null ? "revoked " + time(token.revokedAt())
                : token.usableAt(clock.instant()) ? "active" : "expired").setHeader("Status");
        grid.addComponentColumn(token -> {
            var revoke = new Button("Revoke", click -> {
                tokens.revoke(token.id());
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setEnabled(token.revokedAt() == null);
            return revoke;
        }).setHeader("");
        grid.getElement().setAttribute("data-tokens", "");
        add(new H2("API tokens"), new Paragraph("Machines send telemetry with an ingest token and read the API with a read token, as "
                + "Authorization: Bearer <token>."), form, grid);
        refresh();
    }

    private void create() {
        try {
            Instant expiresAt = expires.getValue() == null ? null : expires.getValue().atStartOfDay(ZoneOffset.UTC).toInstant();
            NewApiToken made = tokens.create(name.getValue(), scope.getValue(), expiresAt, null);
            name.clear();
            expires.clear();
            refresh();
            showOnce(made);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /** The token's value, this once: Headroom keeps only its hash. */
    private void showOnce(NewApiToken made) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Token " + made.info().name());
        var value = new TextField("Copy it now: it will not be shown again");
        value.setValue(made.token());
        value.setReadOnly(true);
        value.setWidth("36rem");
        value.getElement().setAttribute("data-new-token", "");
        dialog.add(value);
        dialog.getFooter().add(new Button("Done", click -> dialog.close()));
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tokens.list());
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
