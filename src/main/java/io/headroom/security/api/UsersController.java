package io.headroom.security.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.headroom.security.Account;
import io.headroom.security.Role;
import io.headroom.security.Users;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users over HTTP, for administrators: list, create, and change a user's role, password or whether they may sign in. */
@RestController
class UsersController {

    private final Users users;

    UsersController(Users users) {
        this.users = users;
    }

    record NewUser(String username, String password, String role) {
    }

    /** Only the fields given change. */
    record Change(String role, Boolean enabled, String password) {
    }

    @GetMapping("/api/v1/users")
    Map<String, List<Account>> list() {
        return Map.of("users", users.list());
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<Account> create(@RequestBody NewUser user) {
        Account created = users.create(user.username(), user.password(), role(user.role()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @PatchMapping("/api/v1/users/{username}")
    Account change(@PathVariable String username, @RequestBody Change change) {
        Role role = change.role() == null ? null : role(change.role());
        Account account = users.find(username).orElseThrow(() -> new IllegalArgumentException("no user named '" + username + "'"));
        if (change.password() != null) {
            users.setPassword(username, change.password());
        }
        if (role != null) {
            account = users.setRole(username, role);
        }
        if (change.enabled() != null) {
            account = users.setEnabled(username, change.enabled());
        }
        return account;
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role is one of viewer, operator, admin; was '" + role + "'");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "bad_request", "message", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "bad_request",
                "message", "body must be {\"username\": ..., \"password\": ..., \"role\": \"viewer|operator|admin\"}"));
    }
}
