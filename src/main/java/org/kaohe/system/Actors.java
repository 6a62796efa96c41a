package org.kaohe.system;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that answers "who is acting now": the signed-in principal of the current request
 * with its roles and remote address, or {@link Actor#SYSTEM} outside a request. Services ask here
 * instead of reading security classes, so the audit trail and the two-person rule do not depend on
 * how people sign in.
 */
@Component
public class Actors {

	/** The actor of the current request, or {@link Actor#SYSTEM} when there is none. */
	public Actor current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return Actor.SYSTEM;
		}
		HttpServletRequest request = servlet.getRequest();
		Principal principal = request.getUserPrincipal();
		String name = (principal != null && principal.getName() != null) ? principal.getName() : "anonymous";
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (Role role : Role.values()) {
			if (request.isUserInRole(role.name())) {
				roles.add(role);
			}
		}
		return new Actor(name, roles, request.getRemoteAddr());
	}

}
