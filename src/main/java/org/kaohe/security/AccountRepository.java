package org.kaohe.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.kaohe.system.Role;

/** The {@code app_user} table. */
@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
	}

	Optional<Account> find(String username) {
		return this.jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(AccountRepository::account).optional();
	}

	List<Account> page(long offset, int size) {
		return this.jdbc.sql("SELECT * FROM app_user ORDER BY username LIMIT ? OFFSET ?")
			.params(size, offset)
			.query(AccountRepository::account)
			.list();
	}

	List<Account> withPasswords() {
		return this.jdbc.sql("SELECT * FROM app_user WHERE password_hash IS NOT NULL").query(AccountRepository::account).list();
	}

	void insert(String username, String passwordHash, Set<Role> roles, String createdBy, OffsetDateTime now) {
		this.jdbc.sql("INSERT INTO app_user (username, password_hash, roles, enabled, created_by, created_at, updated_at) "
				+ "VALUES (?, ?, ?, TRUE, ?, ?, ?)")
			.params(username, passwordHash, RoleSets.format(roles), createdBy, now, now)
			.update();
	}

	void updateRoles(String username, Set<Role> roles, OffsetDateTime now) {
		this.jdbc.sql("UPDATE app_user SET roles = ?, updated_at = ? WHERE username = ?")
			.params(RoleSets.format(roles), now, username)
			.update();
	}

	void updateEnabled(String username, boolean enabled, OffsetDateTime now) {
		this.jdbc.sql("UPDATE app_user SET enabled = ?, updated_at = ? WHERE username = ?").params(enabled, now, username).update();
	}

	void updatePassword(String username, String passwordHash, OffsetDateTime now) {
		this.jdbc.sql("UPDATE app_user SET password_hash = ?, updated_at = ? WHERE username = ?")
			.params(passwordHash, now, username)
			.update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getString("username"), rs.getString("password_hash"), RoleSets.parse(rs.getString("roles")),
				rs.getBoolean("enabled"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
