package org.kaohe.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import org.kaohe.system.Actor;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * The audit log: who wrote what, when, from where and with what result. Append-only: there is no
 * update or delete here, and on PostgreSQL a trigger refuses both. HTTP writes are recorded by the
 * security filter chain ({@link AuditFilter}); Kaohe's own writes (the demo loader) and the admin
 * command line call {@link #record} themselves.
 */
@Service
public class AuditLog {

	/** Request attribute a controller may set to add to what is recorded (e.g. the user name a sign-in tried). */
	public static final String DETAIL = AuditLog.class.getName() + ".detail";

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records one write. A failure to record is logged, never thrown: the write itself has happened.
	 *
	 * @param method the HTTP method, or {@code SYSTEM} / {@code CLI}
	 * @param path what was written (request path and query, or a description)
	 * @param status the HTTP status of the answer (a command records 200 or the refusal's status)
	 */
	public void record(Actor actor, String method, String path, String detail, int status) {
		try {
			this.jdbc.sql("INSERT INTO audit_log (occurred_at, actor, roles, address, method, path, detail, status) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(Accounts.now(), cut(actor.name(), 200), actor.isSystem() ? "" : cut(RoleSets.formatOrEmpty(actor.roles()), 200),
						cut(actor.address(), 100), cut(method, 10), cut(path, 2000), cut(detail, 500), status)
				.update();
		}
		catch (RuntimeException ex) {
			log.error("审计日志写入失败 / could not write the audit log: {} {} {} by {}", method, path, status, actor.name(), ex);
		}
	}

	/** Kaohe's own write (the demo loader …), recorded as {@code system}. */
	public void system(String what, String detail) {
		record(Actor.SYSTEM, "SYSTEM", what, detail, 200);
	}

	/**
	 * Entries newest first.
	 *
	 * @param from earliest (inclusive), or null
	 * @param to latest (exclusive), or null
	 * @param actor only this actor, or null
	 */
	public Page<AuditEntry> query(OffsetDateTime from, OffsetDateTime to, String actor, Paging paging) {
		List<String> where = new ArrayList<>();
		where.add("1 = 1");
		if (from != null) {
			where.add("occurred_at >= :from");
		}
		if (to != null) {
			where.add("occurred_at < :to");
		}
		if (actor != null) {
			where.add("actor = :actor");
		}
		String condition = String.join(" AND ", where);
		long total = bind(this.jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE " + condition), from, to, actor).query(Long.class).single();
		List<AuditEntry> rows = bind(this.jdbc.sql("SELECT * FROM audit_log WHERE " + condition
				+ " ORDER BY audit_id DESC LIMIT :size OFFSET :offset"), from, to, actor)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(AuditLog::entry)
			.list();
		return Page.of(rows, paging, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OffsetDateTime from, OffsetDateTime to, String actor) {
		return spec.param("from", from).param("to", to).param("actor", actor);
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("audit_id"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
				rs.getString("roles"), rs.getString("address"), rs.getString("method"), rs.getString("path"), rs.getString("detail"),
				rs.getInt("status"));
	}

	private static String cut(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
