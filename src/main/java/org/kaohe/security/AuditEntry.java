package org.kaohe.security;

import java.time.OffsetDateTime;

/**
 * One line of the audit log.
 *
 * @param id ascending in the order written
 * @param at when
 * @param actor the account ("system" for Kaohe itself, "cli" for the admin command line, "anonymous"
 * for a request without valid credentials)
 * @param roles the roles it acted with, comma-separated
 * @param address the remote address, null outside a request
 * @param method the HTTP method (or {@code SYSTEM}, {@code CLI})
 * @param path what: the request path with its query, or the command
 * @param detail more about what, when known (the user name a sign-in tried …), or null
 * @param status the HTTP status answered; Kaohe's own writes and admin commands record 200, or the
 * status a refused command would have had (400, 404, 409)
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String roles, String address, String method, String path,
		String detail, int status) {
}
