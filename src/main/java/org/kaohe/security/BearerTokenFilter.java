package org.kaohe.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs a request in from its {@code Authorization: Bearer …} header. An unknown, expired or revoked
 * token leaves the request anonymous (so the role matrix answers 401) and marks it, so the 401 can say
 * the token was refused rather than missing.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

	/** Request attribute set when a bearer token was presented and refused. */
	static final String REFUSED = BearerTokenFilter.class.getName() + ".refused";

	private static final String BEARER = "bearer ";

	private final Tokens tokens;

	BearerTokenFilter(Tokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			Optional<Tokens.SignedIn> signedIn = this.tokens.authenticate(header.substring(BEARER.length()).strip());
			if (signedIn.isPresent()) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new TokenAuthentication(signedIn.get()));
				SecurityContextHolder.setContext(context);
			}
			else {
				request.setAttribute(REFUSED, Boolean.TRUE);
			}
		}
		chain.doFilter(request, response);
	}

}
