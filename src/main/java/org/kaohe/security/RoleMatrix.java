package org.kaohe.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import org.kaohe.system.Role;

import static org.kaohe.system.Role.ADMIN;
import static org.kaohe.system.Role.APPROVER;
import static org.kaohe.system.Role.RULE_EDITOR;
import static org.kaohe.system.Role.UPLOADER;

/**
 * Who may call what: the one table the security filter chain enforces and the README's "Security"
 * section shows. The first entry that matches a request decides; a request no entry matches is
 * refused (401 without credentials, 403 with), so a new endpoint stays closed until it has a row here.
 *
 * <p>ADMIN is not a super-role: administrators manage accounts, tokens, webhooks and read the audit
 * log, and read what every signed-in account reads, but they do not upload facts, edit or activate
 * rules or decide appeals (separation of duties); nobody changes their own roles.
 */
public final class RoleMatrix {

	/** Every role: "any signed-in account". */
	private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);

	/** The table; order matters (first match wins). */
	public static final List<Entry> ENTRIES = List.of(
			// the web console's static files and the API documentation: open, they hold no data
			open(HttpMethod.GET, "/"), open(HttpMethod.GET, "/*.html"), open(HttpMethod.GET, "/css/**"),
			open(HttpMethod.GET, "/js/**"), open(HttpMethod.GET, "/webjars/**"), open(HttpMethod.GET, "/favicon.svg"),
			open(HttpMethod.GET, "/swagger-ui/**"), open(HttpMethod.GET, "/swagger-ui.html"), open(HttpMethod.GET, "/v3/api-docs/**"),
			open(HttpMethod.GET, "/v3/api-docs.yaml"),
			// signing in and out
			open(HttpMethod.POST, "/api/v1/auth/login"),
			signedIn(HttpMethod.GET, "/api/v1/auth/me"),
			signedIn(HttpMethod.POST, "/api/v1/auth/logout"),
			// facts and evaluations: the office (and the OA system) upload and evaluate, everyone reads
			roles(HttpMethod.POST, "/api/v1/facts", UPLOADER),
			signedIn(HttpMethod.GET, "/api/v1/facts/**"),
			signedIn(HttpMethod.GET, "/api/v1/templates/**"),
			signedIn(HttpMethod.GET, "/api/v1/templates.xlsx"),
			signedIn(HttpMethod.GET, "/api/v1/periods"),
			roles(HttpMethod.POST, "/api/v1/evaluations", UPLOADER),
			roles(HttpMethod.POST, "/api/v1/evaluations/*/replay", UPLOADER, APPROVER),
			// the outcome exports are reads like the outcome list (named here so the table shows them)
			signedIn(HttpMethod.GET, "/api/v1/evaluations/*/outcomes.csv"),
			signedIn(HttpMethod.GET, "/api/v1/evaluations/*/outcomes.xlsx"),
			signedIn(HttpMethod.GET, "/api/v1/evaluations/**"),
			roles(HttpMethod.POST, "/api/v1/evaluate", UPLOADER),
			signedIn(HttpMethod.GET, "/api/v1/rankings/**"),
			signedIn(HttpMethod.GET, "/api/v1/subjects/**"),
			signedIn(HttpMethod.GET, "/api/v1/outcomes/**"),
			// appeals: anyone signed in files one, an approver who did not file it decides (checked in Appeals)
			signedIn(HttpMethod.POST, "/api/v1/outcomes/*/appeals"),
			signedIn(HttpMethod.GET, "/api/v1/appeals/**"),
			roles(HttpMethod.POST, "/api/v1/appeals/*/decision", APPROVER),
			// rulesets: editors upload, editors and approvers simulate, approvers activate and roll back
			signedIn(HttpMethod.GET, "/api/v1/rulesets/active"),
			roles(HttpMethod.GET, "/api/v1/rulesets/**", RULE_EDITOR, APPROVER, ADMIN),
			roles(HttpMethod.POST, "/api/v1/rulesets", RULE_EDITOR),
			roles(HttpMethod.POST, "/api/v1/rulesets/*/simulate", RULE_EDITOR, APPROVER),
			roles(HttpMethod.POST, "/api/v1/rulesets/*/activate", APPROVER),
			roles(HttpMethod.POST, "/api/v1/rulesets/rollback", APPROVER),
			// administration
			roles(null, "/api/v1/webhooks/**", ADMIN),
			roles(HttpMethod.GET, "/api/v1/audit", ADMIN),
			roles(null, "/api/v1/admin/**", ADMIN));

	private RoleMatrix() {
	}

	/**
	 * One row: requests with {@code method} (null: any) whose path matches {@code pattern} (Spring's
	 * path patterns, as in {@code @RequestMapping}) need one of {@code roles}; {@code open} rows need
	 * nothing.
	 */
	public record Entry(HttpMethod method, String pattern, boolean open, Set<Role> roles) {

		public Entry {
			roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
		}

		public RequestMatcher matcher() {
			return PathPatternRequestMatcher.withDefaults().matcher(this.method, this.pattern);
		}

	}

	/** Applies the table to the filter chain; anything else is denied. */
	static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		// the container's own forwards (/ → index.html) and error pages: the request was authorised already
		authorize.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
		for (Entry e : ENTRIES) {
			var rule = authorize.requestMatchers(e.matcher());
			if (e.open()) {
				rule.permitAll();
			}
			else {
				rule.hasAnyRole(e.roles().stream().map(Role::name).toArray(String[]::new));
			}
		}
		authorize.anyRequest().denyAll();
	}

	private static Entry open(HttpMethod method, String pattern) {
		return new Entry(method, pattern, true, Set.of());
	}

	private static Entry signedIn(HttpMethod method, String pattern) {
		return new Entry(method, pattern, false, SIGNED_IN);
	}

	private static Entry roles(HttpMethod method, String pattern, Role... roles) {
		return new Entry(method, pattern, false, Set.of(roles));
	}

}
