package org.kaohe.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import org.kaohe.system.Actor;
import org.kaohe.system.Actors;

/**
 * Records every write under {@code /api/} in the audit log once it is answered, refused ones (401,
 * 403, 4xx) included. It sits in the security filter chain after sign-in and before the role check's
 * refusals are written, so it sees both who asked and what they were answered.
 */
final class AuditFilter extends OncePerRequestFilter {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final AuditLog audit;

	private final Actors actors;

	AuditFilter(AuditLog audit, Actors actors) {
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			Actor actor = this.actors.of(request);
			String query = request.getQueryString();
			Object detail = request.getAttribute(AuditLog.DETAIL);
			this.audit.record(actor, request.getMethod(), request.getRequestURI() + ((query != null) ? "?" + query : ""),
					(detail != null) ? detail.toString() : null, status);
		}
	}

}
