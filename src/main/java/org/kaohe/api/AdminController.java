package org.kaohe.api;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.kaohe.security.Account;
import org.kaohe.security.Accounts;
import org.kaohe.security.ApiToken;
import org.kaohe.security.IssuedToken;
import org.kaohe.security.RoleSets;
import org.kaohe.security.Tokens;
import org.kaohe.system.Actors;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.system.Refusals;
import org.kaohe.system.Role;

/**
 * Accounts and API tokens, for administrators ({@code /api/v1/admin/…}): people with passwords for the
 * console, systems (the OA system) with tokens only. A token's secret is in the answer that issues it
 * and nowhere else.
 */
@Tag(name = "管理 Administration", description = "用户和 API 令牌（仅管理员）/ accounts and API tokens (administrators)")
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

	/** Default validity of an API token when the request names none. */
	private static final int DEFAULT_TOKEN_DAYS = 90;

	private final Accounts accounts;

	private final Tokens tokens;

	private final Actors actors;

	AdminController(Accounts accounts, Tokens tokens, Actors actors) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.actors = actors;
	}

	/** A new account; no password makes a system account (API tokens only). */
	record NewAccount(String username, String password, List<String> roles) {
	}

	record Roles(List<String> roles) {
	}

	record Password(String password) {
	}

	/**
	 * A new API token for {@code username}; {@code createSystemAccount} first creates a system account
	 * of that name with {@code roles} when there is none (the OA system's first token).
	 */
	record NewToken(String username, List<String> roles, Integer validDays, OffsetDateTime expiresAt, String description,
			Boolean createSystemAccount) {
	}

	@Operation(summary = "用户 / Accounts")
	@GetMapping(path = "/users", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<Account> users(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.accounts.list(Paging.of(page, size));
	}

	@Operation(summary = "新建用户（无密码即系统账号）/ Create an account (no password: a system account)")
	@ApiResponse(responseCode = "201", description = "已创建 / created")
	@Refusals({ 409 })
	@PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Account> create(@RequestBody NewAccount body) {
		Account a = this.accounts.create(body.username(), body.password(), roles(body.roles()), this.actors.current());
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/admin/users/" + a.username())).body(a);
	}

	@Operation(summary = "一个用户 / One account")
	@GetMapping(path = "/users/{username}", produces = MediaType.APPLICATION_JSON_VALUE)
	Account user(@PathVariable String username) {
		return this.accounts.get(username);
	}

	@Operation(summary = "设定用户角色（不能改自己的）/ Set an account's roles (not one's own)")
	@PutMapping(path = "/users/{username}/roles", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Account setRoles(@PathVariable String username, @RequestBody Roles body) {
		return this.accounts.setRoles(username, roles(body.roles()), this.actors.current());
	}

	@Operation(summary = "停用用户，其令牌随之失效 / Disable an account; its tokens stop working")
	@PostMapping(path = "/users/{username}/disable", produces = MediaType.APPLICATION_JSON_VALUE)
	Account disable(@PathVariable String username) {
		return this.accounts.setEnabled(username, false, this.actors.current());
	}

	@Operation(summary = "启用用户 / Enable an account")
	@PostMapping(path = "/users/{username}/enable", produces = MediaType.APPLICATION_JSON_VALUE)
	Account enable(@PathVariable String username) {
		return this.accounts.setEnabled(username, true, this.actors.current());
	}

	@Operation(summary = "重设密码 / Reset a password")
	@PostMapping(path = "/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Account resetPassword(@PathVariable String username, @RequestBody Password body) {
		return this.accounts.resetPassword(username, body.password(), this.actors.current());
	}

	@Operation(summary = "API 令牌（不含密文）/ API tokens (never their secrets)")
	@GetMapping(path = "/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
	Page<ApiToken> tokens(@RequestParam(required = false) String username, @RequestParam(defaultValue = "false") boolean includeInactive,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.tokens.list(RequestParameters.text(username), includeInactive, Paging.of(page, size));
	}

	@Operation(summary = "签发 API 令牌；密文只在此答复中出现一次 / Issue an API token; its secret is in this answer only")
	@ApiResponse(responseCode = "201", description = "已签发 / issued")
	@Refusals({ 409 })
	@PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IssuedToken> issue(@RequestBody NewToken body) {
		if (body.username() == null || body.username().isBlank()) {
			throw new BadRequestException("缺少 username / username is required");
		}
		Set<Role> roles = (body.roles() == null || body.roles().isEmpty()) ? Set.of() : roles(body.roles());
		if (Boolean.TRUE.equals(body.createSystemAccount()) && this.accounts.find(body.username().strip()).isEmpty()) {
			this.accounts.create(body.username(), null, roles, this.actors.current());
		}
		IssuedToken t = this.tokens.issue(body.username().strip(), roles, validity(body), body.description(), this.actors.current());
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/admin/tokens/" + t.details().id())).body(t);
	}

	@Operation(summary = "一个 API 令牌 / One API token")
	@GetMapping(path = "/tokens/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	ApiToken token(@PathVariable String id) {
		return this.tokens.get(id);
	}

	@Operation(summary = "撤销 API 令牌 / Revoke an API token")
	@PostMapping(path = "/tokens/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
	ApiToken revoke(@PathVariable String id) {
		return this.tokens.revoke(id, this.actors.current());
	}

	private static Duration validity(NewToken body) {
		if (body.expiresAt() != null && body.validDays() != null) {
			throw new BadRequestException("validDays 与 expiresAt 只能给一个 / give validDays or expiresAt, not both");
		}
		if (body.expiresAt() != null) {
			return Duration.between(OffsetDateTime.now(), body.expiresAt());
		}
		return Duration.ofDays((body.validDays() != null) ? body.validDays() : DEFAULT_TOKEN_DAYS);
	}

	private static Set<Role> roles(List<String> names) {
		return RoleSets.required(names);
	}

}
