package org.kaohe.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.kaohe.testing.ScaledQuarter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@link ConcurrencyScenarios} on PostgreSQL (a schema of its own on the server named by
 * {@code KAOHE_TEST_POSTGRES_URL}), and the lock that serialises instances: while another connection
 * (another instance) holds a period's lock row, an evaluation of that period waits in the database and
 * runs once the lock is released.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EnabledIf(value = "org.kaohe.api.PostgresServer#configuredOrRequired",
		disabledReason = "no PostgreSQL server configured (KAOHE_TEST_POSTGRES_URL); concurrency tests on PostgreSQL skipped")
class ConcurrencyPostgresIntegrationTests extends ConcurrencyScenarios {

	private static PostgresServer server;

	private static String schema;

	@BeforeAll
	static void createSchema() throws SQLException {
		server = PostgresServer.fromEnvironment();
		schema = server.createSchema("kaohe_concurrency");
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (server != null) {
			server.dropSchema(schema);
		}
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> server.schemaUrl(schema));
		registry.add("spring.datasource.username", () -> server.user());
		registry.add("spring.datasource.password", () -> server.password());
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
	}

	@Test
	void anEvaluationWaitsForThePeriodLockAnotherInstanceHolds() throws Exception {
		assertThat(this.api.uploadJson(ScaledQuarter.of("2026-Q3", 0), null).status()).isEqualTo(201);
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try (Connection other = this.dataSource.getConnection(); Statement s = other.createStatement()) {
			other.setAutoCommit(false);
			s.execute("SELECT period FROM period_lock WHERE period = '2026-Q3' FOR UPDATE");

			CompletableFuture<KaoheApi.Response> run = CompletableFuture.supplyAsync(() -> this.api.evaluate("2026-Q3", null),
					thread);
			awaitWaitingOnALock();
			assertThat(run).as("the evaluation cannot finish while another transaction holds the period").isNotDone();
			assertThat(StoreConsistency.single(other, "SELECT COUNT(*) FROM evaluation_run")).isZero();

			other.commit();
			KaoheApi.Response done = run.get(5, TimeUnit.MINUTES);
			assertThat(done.status()).as("%s", done.body()).isEqualTo(201);
			assertThat(done.body().get("runNumber").asInt()).isEqualTo(1);
		}
		finally {
			thread.shutdownNow();
		}
	}

	/**
	 * Until a session waits on a lock in the evaluation's {@code SELECT … FOR UPDATE}. Asked on a connection
	 * of its own in auto-commit: inside a transaction PostgreSQL shows the same snapshot of
	 * {@code pg_stat_activity} every time.
	 */
	private void awaitWaitingOnALock() throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		try (Connection c = this.dataSource.getConnection()) {
			c.setAutoCommit(true);
			while (System.nanoTime() < deadline) {
				if (StoreConsistency.single(c, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
						+ "AND wait_event_type = 'Lock' AND query ILIKE '%FROM period_lock%FOR UPDATE%'") > 0) {
					return;
				}
				Thread.sleep(20);
			}
		}
		fail("the evaluation never waited for the period lock");
	}

}
