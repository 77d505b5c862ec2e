/**
 * Sign-in, credentials and who may see which call.
 *
 * <p>How clients authenticate (every {@code /api/**}, {@code /ws/**} and {@code /actuator/**} except
 * {@code /actuator/health} needs one of these; {@code /} and the static SPA files are public):
 * <ul>
 *   <li><b>Session cookie</b> (the SPA): {@code POST /api/auth/login {"username","password"}} answers
 *       {@code {username, roles, team}} and sets the {@code SESSION} cookie (HttpOnly, SameSite=Lax; sessions live
 *       in memory, so a restart signs everyone out). {@code GET /api/auth/me} says who is signed in (401 if
 *       nobody), {@code POST /api/auth/logout} ends the session (204).</li>
 *   <li><b>CSRF</b> applies to cookie-session requests that change state: every response sets the readable
 *       cookie {@code XSRF-TOKEN}; send its value back in the {@code X-XSRF-TOKEN} header. Login and token
 *       requests are exempt (there is no session yet), as is any request with an {@code Authorization} header.</li>
 *   <li><b>Bearer tokens</b> (scripts): {@code POST /api/auth/token {"username","password"}} answers
 *       {@code {token, expiresAt}}; send {@code Authorization: Bearer TOKEN}. Tokens are opaque random strings
 *       ({@code ept_...}); the database keeps only their SHA-256, with the expiry
 *       ({@code earpiece.auth.token-ttl}, default 12h). Logging out with the token revokes it.</li>
 *   <li><b>API keys</b>: an admin issues one with {@code POST /api/admin/api-keys {"name","username"}}; the
 *       answer {@code {id, key, name, username}} is the only time the key ({@code epk_...}) is shown. It is used
 *       as a bearer token and works until deleted ({@code DELETE /api/admin/api-keys/{id}}).</li>
 *   <li><b>HTTP Basic</b> is accepted too, but only use it over TLS: the password travels with every request
 *       (and each request pays a bcrypt check; prefer a token).</li>
 *   <li><b>WebSocket</b> {@code /ws/events}: the session cookie, or {@code ?access_token=TOKEN} because browsers
 *       cannot set headers on a WebSocket; anonymous handshakes get 401.</li>
 * </ul>
 *
 * <p>Refusals are JSON {@code {"message": ...}}: 401 without valid credentials (never a Basic challenge, so
 * browsers show no dialog), 403 for a missing role or CSRF token, 404 for a call the user may not see, 429 with
 * {@code Retry-After} (seconds) while a username or client address is locked after too many failed sign-ins
 * ({@code earpiece.auth.login.*}: 5 failures per username or 50 per address within 15 minutes lock it for 30 s,
 * doubling with each further lock up to 15 minutes; a successful sign-in clears the username's count).
 *
 * <p>Ending sign-ins: a password change ({@code POST /api/auth/password}) ends the user's login tokens and
 * other sessions (the session that made the change stays). Admins disable or enable a user with
 * {@code PUT /api/admin/users/{username}/enabled {"enabled": false}} and delete one with
 * {@code DELETE /api/admin/users/{username}} (not themselves: 409); both end the user's sessions and login tokens
 * at once, and deleting also removes their API keys. A disabled user's sign-in answers 401 like a wrong password,
 * and their API keys stop working until they are enabled again.
 *
 * <p>Every response carries {@link ContentSecurityPolicy}'s policy, {@code Referrer-Policy: no-referrer} and Spring
 * Security's defaults ({@code Cache-Control: no-store}, {@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: DENY}).
 *
 * <p>Roles: ADMIN sees every call and manages users, teams and API keys under {@code /api/admin/**}; MANAGER
 * sees the calls of everyone in their team; REP sees their own calls. A call is someone's when their SIP user
 * (their username when none is set) or extension is the user part of the call's From or To URI.
 *
 * <p>First start (no users yet) creates {@code admin} with the password in {@code earpiece.auth.admin-password}
 * ({@code EARPIECE_ADMIN_PASSWORD}) or, without one, a random password printed once in the log.
 */
package io.earpiece.console.auth;
