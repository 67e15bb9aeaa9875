/**
 * Who may look and who may act: users with a role (VIEWER reads everything, OPERATOR also acts on
 * services, ADMIN also manages Headroom), sign-in with throttling of failed attempts, and the
 * two request chains: the browser UI with form login and sessions, the HTTP API stateless with
 * HTTP Basic. Actions check their role where they are implemented, with {@link Roles} in
 * {@code @PreAuthorize}, so a view, the API and any later caller get the same answer.
 */
package io.headroom.security;
