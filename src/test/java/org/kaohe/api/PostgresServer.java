package org.kaohe.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.fail;

/**
 * The PostgreSQL server the tests may use: {@code KAOHE_TEST_POSTGRES_URL} (user
 * {@code KAOHE_TEST_POSTGRES_USER}, default {@code postgres}; password {@code KAOHE_TEST_POSTGRES_PASSWORD}).
 * Tests that need it are skipped without one, unless {@code KAOHE_TEST_POSTGRES_REQUIRED=true} (CI),
 * which makes a missing server a failure. Each test works in a database or schema of its own.
 */
final class PostgresServer {

	private final String serverUrl;

	private final String user;

	private final String password;

	private PostgresServer(String serverUrl, String user, String password) {
		this.serverUrl = serverUrl;
		this.user = user;
		this.password = password;
	}

	static boolean configuredOrRequired() {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		return (configured != null && !configured.isBlank())
				|| "true".equalsIgnoreCase(System.getenv("KAOHE_TEST_POSTGRES_REQUIRED"));
	}

	/** The configured server; fails (CI) when one is required but none is configured. */
	static PostgresServer fromEnvironment() {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		if (configured == null || configured.isBlank()) {
			fail("KAOHE_TEST_POSTGRES_REQUIRED=true but KAOHE_TEST_POSTGRES_URL is not set");
		}
		return new PostgresServer(configured.trim(), env("KAOHE_TEST_POSTGRES_USER", "postgres"), env("KAOHE_TEST_POSTGRES_PASSWORD", ""));
	}

	String serverUrl() {
		return this.serverUrl;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	/** Creates a database named {@code prefix_<random>}; returns its name. */
	String createDatabase(String prefix) throws SQLException {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(this.serverUrl, "CREATE DATABASE " + name);
		return name;
	}

	void dropDatabase(String name) throws SQLException {
		execute(this.serverUrl, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
		execute(this.serverUrl, "DROP DATABASE IF EXISTS " + name);
	}

	/** Creates a schema named {@code prefix_<random>} in the configured database; returns its name. */
	String createSchema(String prefix) throws SQLException {
		String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(this.serverUrl, "CREATE SCHEMA " + name);
		return name;
	}

	void dropSchema(String name) throws SQLException {
		execute(this.serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
	}

	/** The configured server URL with another database instead of the one it names. */
	String url(String database) {
		int slash = this.serverUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = this.serverUrl.indexOf('?');
		return this.serverUrl.substring(0, slash + 1) + database + ((query >= 0) ? this.serverUrl.substring(query) : "");
	}

	/** The configured URL with {@code currentSchema} set. */
	String schemaUrl(String schema) {
		return this.serverUrl + (this.serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(url(database), this.user, this.password);
	}

	private void execute(String url, String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(url, this.user, this.password); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return (v != null && !v.isBlank()) ? v : fallback;
	}

}
