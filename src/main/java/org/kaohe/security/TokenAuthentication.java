package org.kaohe.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request signed in with a bearer token: the account, its roles as {@code ROLE_…}, and which token. */
public final class TokenAuthentication extends AbstractAuthenticationToken {

	private final String username;

	private final String tokenId;

	TokenAuthentication(Tokens.SignedIn signedIn) {
		super(signedIn.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
		this.username = signedIn.username();
		this.tokenId = signedIn.tokenId();
		setAuthenticated(true);
	}

	@Override
	public Object getPrincipal() {
		return this.username;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	/** The token presented, which logout revokes. */
	public String tokenId() {
		return this.tokenId;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TokenAuthentication t && super.equals(t) && this.tokenId.equals(t.tokenId);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + this.tokenId.hashCode();
	}

}
