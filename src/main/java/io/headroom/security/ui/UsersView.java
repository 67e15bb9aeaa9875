package io.headroom.security.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.headroom.security.Account;
import io.headroom.security.Role;
import io.headroom.security.Users;
import io.headroom.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Administrators add users, set their roles and passwords, and stop them signing in. */
@RolesAllowed("ADMIN")
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · Headroom")
@Menu(title = "Users", order = 30)
public class UsersView extends VerticalLayout {

    private final Users users;
    private final Grid<Account> grid = new Grid<>();
    private final TextField username = new TextField("User name");
    private final PasswordField password = new PasswordField("Password");
    private final Select<Role> role = new Select<>();

    public UsersView(Users users) {
        this.users = users;
        setWidthFull();
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(UsersView::label);
        role.setValue(Role.VIEWER);
        password.setHelperText("At least " + Users.MIN_PASSWORD_LENGTH + " characters");
        var add = new Button("Add user", click -> add());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(username, password, role, add);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Account::username).setHeader("User");
        grid.addComponentColumn(this::roleSelect).setHeader("Role");
        grid.addColumn(account -> account.enabled() ? "may sign in" : "disabled").setHeader("Status");
        grid.addColumn(Account::createdBy).setHeader("Created by");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.getElement().setAttribute("data-users", "");
        add(new H2("Users"), new H4("Add a user"), form, grid);
        refresh();
    }

    private void add() {
        run(() -> {
            users.create(username.getValue().trim(), password.getValue(), role.getValue());
            username.clear();
            password.clear();
        }, "User added");
    }

    private Select<Role> roleSelect(Account account) {
        var select = new Select<Role>();
        select.setItems(Role.values());
        select.setItemLabelGenerator(UsersView::label);
        select.setValue(account.role());
        select.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                run(() -> users.setRole(account.username(), event.getValue()), account.username() + " is now " + label(event.getValue()));
            }
        });
        return select;
    }

    private HorizontalLayout actions(Account account) {
        var toggle = new Button(account.enabled() ? "Disable" : "Enable",
                click -> run(() -> users.setEnabled(account.username(), !account.enabled()), account.enabled() ? "Disabled" : "Enabled"));
        var newPassword = new PasswordField();
        newPassword.setPlaceholder("New password");
        var set = new Button("Set password", click -> run(() -> users.setPassword(account.username(), newPassword.getValue()),
                "Password changed"));
        for (Button button : List.of(toggle, set)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        newPassword.setWidth("10rem");
        return new HorizontalLayout(toggle, newPassword, set);
    }

    /** Runs a change and says how it went; a refusal (a short password, your own role) is explained, and nothing changes. */
    private void run(Runnable change, String done) {
        try {
            change.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    private static String label(Role role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
    }
}
