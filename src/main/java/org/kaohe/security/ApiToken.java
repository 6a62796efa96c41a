package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.Set;

import org.kaohe.system.Role;

/**
 * A bearer token as listed: everything but the token itself, which is shown once when issued and
 * stored only as its SHA-256.
 *
 * @param kind LOGIN (a console sign-in) or API (issued by an administrator or the admin command)
 * @param roles the roles it acts with, cut down at use to those its account still holds
 * @param expiresAt after this it is refused
 * @param revokedAt when it was revoked (logout, an administrator), or null
 */
public record ApiToken(String id, String username, String kind, String description, Set<Role> roles, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy) {

	public static final String LOGIN = "LOGIN";

	public static final String API = "API";

	public ApiToken {
		roles = Set.copyOf(roles);
	}

	/** Whether it would be accepted at {@code now} (its account aside). */
	public boolean usable(OffsetDateTime now) {
		return this.revokedAt == null && this.expiresAt.isAfter(now);
	}

}
