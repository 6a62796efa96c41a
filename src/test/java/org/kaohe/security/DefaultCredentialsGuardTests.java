package org.kaohe.security;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production ({@code kaohe.security.refuse-default-credentials}, set by the {@code postgres} profile)
 * refuses to start with the demo accounts configured or any account still holding the demo password.
 * The context started here is the database, the account services and the guard — what decides —
 * without the rest of the service.
 */
class DefaultCredentialsGuardTests {

	private static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(AdminCommand.Context.class, DefaultCredentialsGuard.class).web(WebApplicationType.NONE)
			.run(args);
	}

	private static int admin(String stdin, List<String> database, String... args) {
		List<String> all = new ArrayList<>(List.of("admin"));
		all.addAll(List.of(args));
		all.addAll(database);
		return new AdminCommand(new BufferedReader(new StringReader(stdin)), new PrintStream(new ByteArrayOutputStream(), true,
				StandardCharsets.UTF_8), System.err).run(all.toArray(String[]::new));
	}

	private static String h2() {
		return "--spring.datasource.url=jdbc:h2:mem:kaohe-guard-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	@Test
	void refusesToStartWithTheDemoAccountsConfigured() {
		assertThatThrownBy(() -> start(h2(), "--kaohe.security.refuse-default-credentials=true", "--kaohe.security.demo-accounts=true"))
			.rootCause()
			.isInstanceOf(DefaultCredentialsGuard.DefaultCredentialsException.class)
			.hasMessageContaining("kaohe.security.demo-accounts=true");
	}

	@Test
	void refusesToStartWhileAnAccountHasTheDemoPasswordAndStartsOnceItIsChanged() {
		List<String> database = List.of(h2());
		assertThat(admin(Accounts.DEMO_PASSWORD + "\n", database, "create-user", "first-admin", "--roles", "ADMIN")).isZero();
		List<String> production = new ArrayList<>(database);
		production.addAll(List.of("--kaohe.security.refuse-default-credentials=true", "--kaohe.security.demo-accounts=false"));

		assertThatThrownBy(() -> start(production.toArray(String[]::new))).rootCause()
			.isInstanceOf(DefaultCredentialsGuard.DefaultCredentialsException.class)
			.hasMessageContaining("[first-admin]");

		assertThat(admin("a-better-password-7\n", database, "reset-password", "first-admin")).isZero();
		try (ConfigurableApplicationContext started = start(production.toArray(String[]::new))) {
			assertThat(started.getBean(DefaultCredentialsGuard.class)).isNotNull();
		}
	}

	@Test
	void theDefaultProfileDoesNotGuard() {
		try (ConfigurableApplicationContext started = start(h2(), "--kaohe.security.demo-accounts=true")) {
			assertThat(started.getBeanNamesForType(DefaultCredentialsGuard.class)).isEmpty();
		}
	}

	static boolean postgresConfiguredOrRequired() {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		return (configured != null && !configured.isBlank())
				|| "true".equalsIgnoreCase(System.getenv("KAOHE_TEST_POSTGRES_REQUIRED"));
	}

	/**
	 * The real {@code postgres} profile on PostgreSQL (a schema of its own): it guards, and the audit
	 * log there refuses UPDATE and DELETE.
	 */
	@Test
	@EnabledIf(value = "postgresConfiguredOrRequired", disabledReason = "no PostgreSQL server configured (KAOHE_TEST_POSTGRES_URL)")
	void thePostgresProfileRefusesTheDemoPasswordAndItsAuditLogIsAppendOnly() throws SQLException {
		String url = System.getenv("KAOHE_TEST_POSTGRES_URL");
		assertThat(url).as("KAOHE_TEST_POSTGRES_URL").isNotBlank();
		String user = env("KAOHE_TEST_POSTGRES_USER", "postgres");
		String password = env("KAOHE_TEST_POSTGRES_PASSWORD", "");
		String schema = "kaohe_guard_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + schema);
		}
		try {
			List<String> database = List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
					"--spring.datasource.username=" + user, "--spring.datasource.password=" + password, "--spring.flyway.schemas=" + schema);
			assertThat(admin(Accounts.DEMO_PASSWORD + "\n", database, "create-user", "pg-admin", "--roles", "ADMIN")).isZero();

			assertThatThrownBy(() -> start(database.toArray(String[]::new))).rootCause()
				.isInstanceOf(DefaultCredentialsGuard.DefaultCredentialsException.class)
				.hasMessageContaining("[pg-admin]");

			try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
				s.execute("SET search_path TO " + schema);
				assertThat(s.executeQuery("SELECT COUNT(*) FROM audit_log WHERE actor = 'cli'")).satisfies(rs -> {
					rs.next();
					assertThat(rs.getInt(1)).isEqualTo(1);
				});
				assertThatThrownBy(() -> s.execute("UPDATE audit_log SET actor = 'someone-else'")).hasMessageContaining("append-only");
				assertThatThrownBy(() -> s.execute("DELETE FROM audit_log")).hasMessageContaining("append-only");
			}
		}
		finally {
			try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return (v != null && !v.isBlank()) ? v : fallback;
	}

}
