package org.kaohe.system;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one place that answers "who is acting now": the account signed in to the current request (its
 * bearer token, see {@code org.kaohe.security}) with the roles it acts with and the remote address,
 * "anonymous" in a request without one, or {@link Actor#SYSTEM} outside a request. Services ask here
 * instead of reading security classes, so the audit trail and the two-person rule do not depend on
 * how people sign in.
 */
@Component
public class Actors {

	private static final String ROLE_PREFIX = "ROLE_";

	/** The actor of the current request, or {@link Actor#SYSTEM} when there is none. */
	public Actor current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return of(servlet.getRequest());
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return signedIn(authentication) ? new Actor(authentication.getName(), roles(authentication), null) : Actor.SYSTEM;
	}

	/** Who is acting in {@code request}: its signed-in account, or "anonymous". */
	public Actor of(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return signedIn(authentication) ? new Actor(authentication.getName(), roles(authentication), request.getRemoteAddr())
				: new Actor("anonymous", Set.of(), request.getRemoteAddr());
	}

	private static boolean signedIn(Authentication authentication) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken) && authentication.isAuthenticated();
	}

	/** The Kaohe roles among an authentication's authorities ({@code ROLE_APPROVER} …). */
	public static Set<Role> roles(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (GrantedAuthority a : authentication.getAuthorities()) {
			String name = a.getAuthority();
			if (name != null && name.startsWith(ROLE_PREFIX)) {
				try {
					roles.add(Role.valueOf(name.substring(ROLE_PREFIX.length())));
				}
				catch (IllegalArgumentException ex) {
					// not one of Kaohe's roles
				}
			}
		}
		return roles;
	}

}
