package org.kaohe.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
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
 * The accounts: created, listed, given roles, disabled and given a new password by administrators
 * (or the admin command line), and the password check of the console sign-in.
 */
@Service
public class Accounts {

	/** The password of the demo accounts; the postgres profile refuses to start while any account has it. */
	public static final String DEMO_PASSWORD = "kaohe-demo";

	static final int MIN_PASSWORD_LENGTH = 10;

	/** Names Kaohe writes into audit trails itself; no account may take them. */
	private static final Set<String> RESERVED = Set.of("system", "anonymous", "cli");

	private final AccountRepository repository;

	private final TokenRepository tokens;

	private final PasswordEncoder passwords;

	/** Compared against when the user does not exist, so a wrong name takes as long as a wrong password. */
	private final String dummyHash;

	Accounts(AccountRepository repository, TokenRepository tokens, PasswordEncoder passwords) {
		this.repository = repository;
		this.tokens = tokens;
		this.passwords = passwords;
		this.dummyHash = passwords.encode("kaohe-no-such-user-" + System.nanoTime());
	}

	/**
	 * Creates an account.
	 *
	 * @param password the password of a person, or null for a system account (API tokens only)
	 * @throws BadRequestException for an unusable name, password or role list
	 * @throws ProblemException (409) when the name is taken
	 */
	@Transactional
	public Account create(String username, String password, Set<Role> roles, Actor by) {
		String name = checkName(username);
		if (roles == null || roles.isEmpty()) {
			throw new BadRequestException("须至少指定一个角色 roles / at least one role is required");
		}
		if (this.repository.find(name).isPresent()) {
			throw new ProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "用户已存在 / Account exists",
					"用户名 " + name + " 已被使用 / the user name " + name + " is taken");
		}
		String hash = (password != null) ? this.passwords.encode(checkPassword(name, password)) : null;
		this.repository.insert(name, hash, roles, by.name(), now());
		return this.repository.find(name).orElseThrow();
	}

	public Page<Account> list(Paging paging) {
		return Page.of(this.repository.page(paging.offset(), paging.size()), paging, this.repository.count());
	}

	public Account get(String username) {
		return this.repository.find(username)
			.orElseThrow(() -> new NotFoundException("没有用户 / no such account: " + username));
	}

	public Optional<Account> find(String username) {
		return this.repository.find(username);
	}

	public boolean none() {
		return this.repository.count() == 0;
	}

	/**
	 * Gives an account new roles. Nobody changes their own roles: an administrator cannot make
	 * themselves an approver (separation of duties, see README).
	 */
	@Transactional
	public Account setRoles(String username, Set<Role> roles, Actor by) {
		Account account = get(username);
		if (roles == null || roles.isEmpty()) {
			throw new BadRequestException("须至少指定一个角色 roles / at least one role is required");
		}
		notSelf(account, by, "不能修改自己的角色 / Own roles", "nobody changes their own roles; another administrator must");
		this.repository.updateRoles(account.username(), roles, now());
		return get(username);
	}

	/** Disables or enables an account; a disabled account cannot sign in and its tokens stop working. */
	@Transactional
	public Account setEnabled(String username, boolean enabled, Actor by) {
		Account account = get(username);
		notSelf(account, by, "不能停用自己 / Own account", "nobody disables their own account");
		this.repository.updateEnabled(account.username(), enabled, now());
		return get(username);
	}

	/** Sets a new password; the account's console sign-ins end (their tokens are revoked). */
	@Transactional
	public Account resetPassword(String username, String password, Actor by) {
		Account account = get(username);
		this.repository.updatePassword(account.username(), this.passwords.encode(checkPassword(account.username(), password)), now());
		this.tokens.revokeAll(account.username(), ApiToken.LOGIN, by.name(), now());
		return get(username);
	}

	/**
	 * The account behind a user name and password, if both are right and it is enabled. Takes about as
	 * long whichever is wrong.
	 */
	public Optional<Account> check(String username, String password) {
		Optional<Account> account = (username != null) ? this.repository.find(username.strip()) : Optional.empty();
		String hash = account.map(Account::passwordHash).orElse(null);
		boolean matches = this.passwords.matches((password != null) ? password : "", (hash != null) ? hash : this.dummyHash);
		return (matches && hash != null && account.get().enabled()) ? account : Optional.empty();
	}

	/** The accounts whose password is the demo password (the postgres profile refuses to start then). */
	public List<String> withDemoPassword() {
		return this.repository.withPasswords()
			.stream()
			.filter(a -> this.passwords.matches(DEMO_PASSWORD, a.passwordHash()))
			.map(Account::username)
			.toList();
	}

	private static void notSelf(Account account, Actor by, String title, String english) {
		if (account.username().equals(by.name()) && !by.isSystem()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, title, english);
		}
	}

	private static String checkName(String username) {
		String name = (username != null) ? username.strip() : "";
		if (name.isEmpty() || name.length() > 100 || name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new BadRequestException("用户名须为 1 到 100 个字符，不含空白 / the user name must be 1 to 100 characters without spaces");
		}
		if (RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
			throw new BadRequestException("用户名 " + name + " 为系统保留 / the user name " + name + " is reserved");
		}
		return name;
	}

	private static String checkPassword(String username, String password) {
		// bcrypt reads at most 72 bytes (UTF-8): a longer password would be cut without anyone knowing
		if (password == null || password.length() < MIN_PASSWORD_LENGTH
				|| password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
			throw new BadRequestException("密码须至少 " + MIN_PASSWORD_LENGTH + " 个字符、至多 72 字节 / the password must have at least "
					+ MIN_PASSWORD_LENGTH + " characters and at most 72 bytes (UTF-8)");
		}
		if (password.equalsIgnoreCase(username)) {
			throw new BadRequestException("密码不能与用户名相同 / the password must differ from the user name");
		}
		return password;
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
	}

}
