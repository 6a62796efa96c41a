package org.kaohe.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table: tokens by the SHA-256 of their secret. */
@Repository
class TokenRepository {

	private final JdbcClient jdbc;

	TokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, ApiToken t) {
		this.jdbc.sql("INSERT INTO api_token (token_id, token_hash, username, kind, description, roles, created_by, created_at, "
				+ "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(t.id(), tokenHash, t.username(), t.kind(), t.description(), RoleSets.format(t.roles()), t.createdBy(),
					t.createdAt(), t.expiresAt())
			.update();
	}

	Optional<ApiToken> byHash(String tokenHash) {
		return this.jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?").param(tokenHash).query(TokenRepository::token).optional();
	}

	Optional<ApiToken> find(String id) {
		return this.jdbc.sql("SELECT * FROM api_token WHERE token_id = ?").param(id).query(TokenRepository::token).optional();
	}

	/** Newest first; {@code username} null for every account. */
	List<ApiToken> page(String username, boolean includeInactive, OffsetDateTime now, long offset, int size) {
		return this.jdbc.sql("SELECT * FROM api_token WHERE " + where(username, includeInactive)
				+ " ORDER BY created_at DESC, token_id LIMIT :size OFFSET :offset")
			.param("username", username)
			.param("now", now)
			.param("size", size)
			.param("offset", offset)
			.query(TokenRepository::token)
			.list();
	}

	long count(String username, boolean includeInactive, OffsetDateTime now) {
		return this.jdbc.sql("SELECT COUNT(*) FROM api_token WHERE " + where(username, includeInactive))
			.param("username", username)
			.param("now", now)
			.query(Long.class)
			.single();
	}

	private static String where(String username, boolean includeInactive) {
		String accounts = (username != null) ? "username = :username" : "1 = 1";
		return includeInactive ? accounts : accounts + " AND revoked_at IS NULL AND expires_at > :now";
	}

	/** Revokes one token unless it is revoked already; whether it was. */
	boolean revoke(String id, String by, OffsetDateTime now) {
		return this.jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE token_id = ? AND revoked_at IS NULL")
			.params(now, by, id)
			.update() > 0;
	}

	/** Revokes every live token of one kind of an account (a password reset ends its sign-ins). */
	int revokeAll(String username, String kind, String by, OffsetDateTime now) {
		return this.jdbc.sql("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE username = ? AND kind = ? AND revoked_at IS NULL")
			.params(now, by, username, kind)
			.update();
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getString("token_id"), rs.getString("username"), rs.getString("kind"), rs.getString("description"),
				RoleSets.parse(rs.getString("roles")), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
				rs.getString("revoked_by"));
	}

}
