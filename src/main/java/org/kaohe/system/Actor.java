package org.kaohe.system;

import java.util.Objects;
import java.util.Set;

/**
 * Who did something: the name recorded in audit trails (uploads, activations, appeals), the roles
 * they held and the address the request came from.
 *
 * @param name the user or token name, "system" for work Kaohe starts itself (start-up, demo loader,
 * schedulers), "anonymous" when no one signed in
 * @param roles the roles held when acting
 * @param address the remote address of the request, or null outside a request
 */
public record Actor(String name, Set<Role> roles, String address) {

	/** Kaohe itself: start-up, the demo loader, scheduled work. */
	public static final Actor SYSTEM = new Actor("system", Set.of(Role.values()), null);

	public Actor {
		Objects.requireNonNull(name, "name");
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean isSystem() {
		return this == SYSTEM || ("system".equals(this.name) && this.address == null);
	}

}
