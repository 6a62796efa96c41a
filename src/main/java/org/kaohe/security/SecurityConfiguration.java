package org.kaohe.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import org.kaohe.system.Actors;

/**
 * The security filter chain: bearer tokens only, no HTTP session, the {@link RoleMatrix} decides, and
 * every write is audited. Only in a web application: the service started without a web server (as
 * some tests do) has no requests to guard.
 *
 * <p>CSRF protection is off because nothing authenticates by cookie: a browser never attaches the
 * token by itself (the console keeps it in sessionStorage and sends it in the header), so a forged
 * cross-site request arrives anonymous and is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain kaoheSecurity(HttpSecurity http, Tokens tokens, AuditLog audit, Actors actors, SecurityProblems problems)
			throws Exception {
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.addFilterBefore(new AuditFilter(audit, actors), ExceptionTranslationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems::unauthorized).accessDeniedHandler(problems::forbidden))
			.authorizeHttpRequests(RoleMatrix::apply);
		return http.build();
	}

}
