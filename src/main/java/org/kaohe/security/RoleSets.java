package org.kaohe.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.kaohe.system.BadRequestException;
import org.kaohe.system.Role;

/** Roles as stored ({@code "RULE_EDITOR,APPROVER"}) and as given in requests. */
public final class RoleSets {

	private RoleSets() {
	}

	static String format(Collection<Role> roles) {
		return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
	}

	static String formatOrEmpty(Collection<Role> roles) {
		return roles.isEmpty() ? "" : format(roles);
	}

	static Set<Role> parse(String stored) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (stored != null) {
			for (String r : stored.split(",")) {
				if (!r.isBlank()) {
					roles.add(Role.valueOf(r.strip()));
				}
			}
		}
		return roles;
	}

	/**
	 * Roles named in a request; at least one, each a known role.
	 *
	 * @throws BadRequestException otherwise
	 */
	public static Set<Role> required(Collection<String> names) {
		if (names == null || names.isEmpty()) {
			throw new BadRequestException("须至少指定一个角色 roles / at least one role is required: "
					+ java.util.Arrays.toString(Role.values()));
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String n : names) {
			try {
				roles.add(Role.valueOf(String.valueOf(n).strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new BadRequestException("未知角色 / unknown role: " + n + "；可用 / known: " + java.util.Arrays.toString(Role.values()));
			}
		}
		return roles;
	}

}
