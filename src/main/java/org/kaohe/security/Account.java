package org.kaohe.security;

import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.kaohe.system.Role;

/**
 * Someone who may sign in: a person with a password (the web console) or a system such as the OA
 * system, which has no password and signs in with API tokens only.
 *
 * @param username the name recorded in every audit trail
 * @param passwordHash the bcrypt hash, null for a system account; never serialised
 * @param roles what the account may do (see {@link RoleMatrix})
 * @param enabled whether it may sign in; a disabled account's tokens stop working too
 */
public record Account(String username, @JsonIgnore String passwordHash, Set<Role> roles, boolean enabled, String createdBy,
		OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public Account {
		roles = Set.copyOf(roles);
	}

	/** PERSON (signs in with a password) or SYSTEM (API tokens only). */
	public String kind() {
		return (this.passwordHash != null) ? "PERSON" : "SYSTEM";
	}

}
