package org.kaohe.security;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.kaohe.system.Actor;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;
import org.kaohe.system.Role;

/**
 * Bearer tokens: issued (the secret is returned once; only its SHA-256 is stored), listed without
 * secrets, revoked, and checked on every request.
 */
@Service
public class Tokens {

	private final TokenRepository repository;

	private final Accounts accounts;

	private final SecurityProperties properties;

	Tokens(TokenRepository repository, Accounts accounts, SecurityProperties properties) {
		this.repository = repository;
		this.accounts = accounts;
		this.properties = properties;
	}

	/** A console sign-in: a LOGIN token with the account's roles, valid for {@code kaohe.security.login-validity}. */
	@Transactional
	public IssuedToken signIn(Account account) {
		return insert(account.username(), ApiToken.LOGIN, "控制台登录 / console sign-in", account.roles(), account.username(),
				Accounts.now().plus(this.properties.loginValidity()));
	}

	/**
	 * Issues an API token for an account (a person, or a system such as the OA system).
	 *
	 * @param roles the roles it acts with; at most those the account holds; null or empty: all of them
	 * @param validity how long it is valid, at most {@code kaohe.security.max-token-validity}
	 * @throws NotFoundException when the account does not exist
	 * @throws BadRequestException for roles the account does not hold or an unusable validity
	 */
	@Transactional
	public IssuedToken issue(String username, Set<Role> roles, Duration validity, String description, Actor by) {
		Account account = this.accounts.get(username);
		if (!account.enabled()) {
			throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "用户已停用 / Account disabled",
					"停用的用户不能获得令牌 / a disabled account gets no tokens: " + username);
		}
		Set<Role> acting = (roles == null || roles.isEmpty()) ? account.roles() : roles;
		if (!account.roles().containsAll(acting)) {
			Set<Role> missing = EnumSet.copyOf(acting);
			missing.removeAll(account.roles());
			throw new BadRequestException("令牌的角色须为用户已有的角色 / a token's roles must be roles its account holds; "
					+ username + " lacks " + missing);
		}
		if (validity == null || validity.isNegative() || validity.isZero() || validity.compareTo(this.properties.maxTokenValidity()) > 0) {
			throw new BadRequestException("有效期须在 1 秒到 " + this.properties.maxTokenValidity().toDays() + " 天之间 / the validity must be "
					+ "positive and at most " + this.properties.maxTokenValidity().toDays() + " days");
		}
		if (description != null && description.length() > 200) {
			throw new BadRequestException("说明过长（最多200字符）/ description longer than 200 characters");
		}
		return insert(account.username(), ApiToken.API, description, acting, by.name(), Accounts.now().plus(validity));
	}

	private IssuedToken insert(String username, String kind, String description, Set<Role> roles, String by,
			OffsetDateTime expiresAt) {
		String secret = TokenHashes.newToken();
		ApiToken token = new ApiToken(UUID.randomUUID().toString(), username, kind, description, roles, by, Accounts.now(), expiresAt,
				null, null);
		this.repository.insert(TokenHashes.sha256(secret), token);
		return new IssuedToken(secret, token);
	}

	/**
	 * Who a presented token acts for: its account and the roles it acts with (its own, cut down to those
	 * the account holds now); empty when the token is unknown, revoked or expired or its account is
	 * disabled.
	 */
	public Optional<SignedIn> authenticate(String secret) {
		if (secret == null || !secret.startsWith(TokenHashes.PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		Optional<ApiToken> token = this.repository.byHash(TokenHashes.sha256(secret));
		if (token.isEmpty() || !token.get().usable(Accounts.now())) {
			return Optional.empty();
		}
		Optional<Account> account = this.accounts.find(token.get().username()).filter(Account::enabled);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(token.get().roles());
		roles.retainAll(account.get().roles());
		return Optional.of(new SignedIn(account.get().username(), roles, token.get().id()));
	}

	public Page<ApiToken> list(String username, boolean includeInactive, Paging paging) {
		OffsetDateTime now = Accounts.now();
		return Page.of(this.repository.page(username, includeInactive, now, paging.offset(), paging.size()), paging,
				this.repository.count(username, includeInactive, now));
	}

	public ApiToken get(String id) {
		return this.repository.find(id).orElseThrow(() -> new NotFoundException("没有令牌 / no such token: " + id));
	}

	/** Revokes a token (idempotent); returns it as stored now. */
	@Transactional
	public ApiToken revoke(String id, Actor by) {
		get(id);
		this.repository.revoke(id, by.name(), Accounts.now());
		return get(id);
	}

	/**
	 * A request's signed-in account.
	 *
	 * @param username the account
	 * @param roles the roles the token acts with now
	 * @param tokenId the token presented (logout revokes it)
	 */
	public record SignedIn(String username, Set<Role> roles, String tokenId) {
	}

}
