package org.kaohe.api;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.security.Account;
import org.kaohe.security.Accounts;
import org.kaohe.security.AuditLog;
import org.kaohe.security.IssuedToken;
import org.kaohe.security.LoginThrottle;
import org.kaohe.security.TokenAuthentication;
import org.kaohe.security.Tokens;
import org.kaohe.system.Actor;
import org.kaohe.system.Actors;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;
import org.kaohe.system.Problems;
import org.kaohe.system.Refusals;
import org.kaohe.system.Role;

/**
 * Signing in to the console: {@code POST /api/v1/auth/login} exchanges a user name and password for a
 * bearer token, {@code GET /api/v1/auth/me} says who the token belongs to, {@code POST
 * /api/v1/auth/logout} revokes it. Systems (the OA system) get their tokens from an administrator instead.
 */
@Tag(name = "登录 Sign-in", description = "控制台用户登录、当前用户、退出 / console sign-in, who am I, sign-out")
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final Accounts accounts;

	private final Tokens tokens;

	private final LoginThrottle throttle;

	private final Actors actors;

	AuthController(Accounts accounts, Tokens tokens, LoginThrottle throttle, Actors actors) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.throttle = throttle;
		this.actors = actors;
	}

	record LoginRequest(String username, String password) {
	}

	record LoginResponse(String token, OffsetDateTime expiresAt, String username, List<Role> roles) {
	}

	record Me(String username, List<Role> roles) {
	}

	@Operation(summary = "登录，换取令牌 / Sign in: exchange a user name and password for a bearer token",
			description = "无需令牌；连续失败过多时答 429 并给出 Retry-After / no token needed; too many failures are answered 429 with Retry-After")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "已登录 / signed in",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = LoginResponse.class)))
	@ApiResponse(responseCode = "429", description = "登录失败次数过多 / Too many failed sign-ins",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "秒 / seconds", schema = @Schema(type = "integer")),
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
	@Refusals({ 429 })
	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> login(@RequestBody LoginRequest body, HttpServletRequest request) {
		String username = (body != null && body.username() != null) ? body.username().strip() : "";
		request.setAttribute(AuditLog.DETAIL, "username=" + username);
		Duration wait = this.throttle.wait(username, request.getRemoteAddr());
		if (!wait.isZero()) {
			long seconds = Math.max(1, wait.toSeconds());
			ProblemDetail p = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_ATTEMPTS,
					"登录失败次数过多 / Too many failed sign-ins", "请 " + seconds + " 秒后再试 / try again in " + seconds + " s", List.of());
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(p);
		}
		Optional<Account> account = this.accounts.check(username, (body != null) ? body.password() : null);
		if (account.isEmpty()) {
			this.throttle.failed(username, request.getRemoteAddr());
			// the same answer whether the name, the password or the account's state was wrong
			throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "用户名或密码错误 / Wrong user name or password",
					"用户名或密码错误，或账号已停用 / the user name or password is wrong, or the account is disabled");
		}
		this.throttle.succeeded(username);
		IssuedToken issued = this.tokens.signIn(account.get());
		return ResponseEntity.ok(new LoginResponse(issued.token(), issued.details().expiresAt(), account.get().username(),
				ordered(issued.details().roles())));
	}

	@Operation(summary = "当前用户及其角色 / Who the token belongs to, and its roles")
	@GetMapping(path = "/me", produces = MediaType.APPLICATION_JSON_VALUE)
	Me me() {
		Actor actor = this.actors.current();
		return new Me(actor.name(), ordered(actor.roles()));
	}

	@Operation(summary = "退出：撤销所用令牌 / Sign out: revoke the token of this request")
	@ApiResponse(responseCode = "204", description = "令牌已撤销 / the token is revoked")
	@PostMapping(path = "/logout")
	ResponseEntity<Void> logout() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof TokenAuthentication token) {
			this.tokens.revoke(token.tokenId(), this.actors.current());
		}
		return ResponseEntity.noContent().build();
	}

	private static List<Role> ordered(Set<Role> roles) {
		return roles.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(roles));
	}

}
