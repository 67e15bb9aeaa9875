package io.headroom.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Users as Spring Security reads them to check a password: the hash and every authority the role
 * includes. Deliberately not a {@code UserDetailsService} bean: Spring would build a second,
 * unthrottled password check from one and try it after {@link ThrottledSignIn} refused.
 */
@Component
class UserAccounts {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT username, password_hash, role, enabled FROM users WHERE username = ?").param(username)
                .query((row, i) -> User.withUsername(row.getString(1)).password(row.getString(2))
                        .authorities(Role.valueOf(row.getString(3)).authorities()).disabled(!row.getBoolean(4)).build())
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
