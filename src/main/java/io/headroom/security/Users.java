package io.headroom.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.headroom.audit.Audited;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Managing who can sign in: only administrators, every change audited. */
@Service
public class Users {

    /** Long enough that guessing is hopeless at the sign-in throttle's pace, short enough to type. */
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final String ACCOUNT_COLUMNS = "username, role, enabled, created_at, created_by";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecurityContextHolderStrategy security;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, SecurityContextHolderStrategy security) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.security = security;
    }

    @PreAuthorize(Roles.ADMIN)
    public List<Account> list() {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users ORDER BY username").query(Users::account).list();
    }

    /** @throws IllegalArgumentException for a bad name or a short password, or a name already taken */
    @PreAuthorize(Roles.ADMIN)
    @Audited("security.user-create")
    public Account create(String username, String password, Role role) {
        checkName(username);
        checkPassword(password);
        try {
            insert(username, password, role, currentName());
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("a user named '" + username + "' exists already");
        }
        return find(username).orElseThrow();
    }

    @PreAuthorize(Roles.ADMIN)
    @Audited("security.user-role")
    public Account setRole(String username, Role role) {
        refuseOwn(username, "change your own role");
        update("UPDATE users SET role = ? WHERE username = ?", role.name(), username);
        return find(username).orElseThrow();
    }

    /** A disabled user cannot sign in (nor call the API); a browser session already open lasts until it ends. */
    @PreAuthorize(Roles.ADMIN)
    @Audited("security.user-enable")
    public Account setEnabled(String username, boolean enabled) {
        refuseOwn(username, "disable yourself");
        update("UPDATE users SET enabled = ? WHERE username = ?", enabled, username);
        return find(username).orElseThrow();
    }

    @PreAuthorize(Roles.ADMIN)
    @Audited("security.user-password")
    public void setPassword(String username, String password) {
        checkPassword(password);
        update("UPDATE users SET password_hash = ? WHERE username = ?", passwords.encode(password), username);
    }

    @PreAuthorize(Roles.ADMIN)
    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM users WHERE username = ?").param(username).query(Users::account).optional();
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
    }

    /** For the first administrator, created by Headroom itself before anyone can sign in. */
    void insert(String username, String password, Role role, String createdBy) {
        jdbc.sql("INSERT INTO users (username, password_hash, role, created_at, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(username, passwords.encode(password), role.name(), Timestamp.from(clock.instant()), createdBy).update();
    }

    private void update(String sql, Object value, String username) {
        if (jdbc.sql(sql).params(value, username).update() == 0) {
            throw new IllegalArgumentException("no user named '" + username + "'");
        }
    }

    private static void checkName(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a user name is 1 to 64 lower-case letters, digits and . _ @ -, starting with a letter or digit");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** An administrator who locks themselves out of administration leaves nobody to let them back in. */
    private void refuseOwn(String username, String what) {
        if (username.equals(currentName())) {
            throw new IllegalArgumentException("you cannot " + what + "; ask another administrator");
        }
    }

    private String currentName() {
        return Actors.name(security);
    }

    private static Account account(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new Account(row.getString(1), Role.valueOf(row.getString(2)), row.getBoolean(3), row.getTimestamp(4).toInstant(),
                row.getString(5));
    }
}
