package org.kaohe.testing;

import java.time.Duration;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.kaohe.security.Accounts;
import org.kaohe.security.Tokens;
import org.kaohe.system.Actor;
import org.kaohe.system.Role;

/**
 * Real sign-in for tests over real HTTP: creates an account in the test's database (through the same
 * services as the admin endpoints) and issues it a bearer token.
 */
public final class TestTokens {

	private TestTokens() {
	}

	/** A bearer token of a system account {@code name} holding {@code roles} (created when missing). */
	public static String token(ApplicationContext context, String name, Role... roles) {
		Accounts accounts = context.getBean(Accounts.class);
		if (accounts.find(name).isEmpty()) {
			accounts.create(name, null, Set.of(roles), Actor.SYSTEM);
		}
		return context.getBean(Tokens.class).issue(name, Set.of(roles), Duration.ofDays(1), "test", Actor.SYSTEM).token();
	}

	/** A person {@code name} with {@code password} and {@code roles}, to sign in through the login page. */
	public static void person(ApplicationContext context, String name, String password, Role... roles) {
		Accounts accounts = context.getBean(Accounts.class);
		if (accounts.find(name).isEmpty()) {
			accounts.create(name, password, Set.of(roles), Actor.SYSTEM);
		}
	}

	/** A MockMvc request signed in by a real bearer token, through the same filter as over HTTP. */
	public static RequestPostProcessor bearerToken(String token) {
		return request -> {
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		};
	}

	/** {@code Authorization: Bearer …} for a token. */
	public static HttpHeaders bearer(String token) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return headers;
	}

}
