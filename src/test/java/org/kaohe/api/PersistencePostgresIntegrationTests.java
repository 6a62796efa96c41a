package org.kaohe.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.CityFixture;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.StoredRun;
import org.kaohe.facts.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The office's main flow on a real PostgreSQL server: the server named by
 * {@code KAOHE_TEST_POSTGRES_URL} (user {@code KAOHE_TEST_POSTGRES_USER}, default {@code postgres};
 * password {@code KAOHE_TEST_POSTGRES_PASSWORD}, default none). The tests migrate and use a schema of
 * their own, dropped afterwards, so concurrent builds on one server do not meet.
 *
 * <p>Without a configured server the tests are skipped, unless {@code KAOHE_TEST_POSTGRES_REQUIRED}
 * is {@code true} (as in CI), in which case they fail: CI must never pass by skipping them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EnabledIf(value = "serverConfiguredOrRequired",
		disabledReason = "no PostgreSQL server configured (KAOHE_TEST_POSTGRES_URL); persistence tests on PostgreSQL skipped")
class PersistencePostgresIntegrationTests {

	private static final String SCHEMA = "kaohe_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static String url;

	private static String user;

	private static String password;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EvaluationRuns evaluations;

	KaoheApi api;

	/** Skipped (reported as such) only when no server is configured and none is required. */
	static boolean serverConfiguredOrRequired() {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		return (configured != null && !configured.isBlank())
				|| "true".equalsIgnoreCase(System.getenv("KAOHE_TEST_POSTGRES_REQUIRED"));
	}

	@BeforeAll
	static void createSchema() throws SQLException {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		if (configured == null || configured.isBlank()) {
			fail("KAOHE_TEST_POSTGRES_REQUIRED=true but KAOHE_TEST_POSTGRES_URL is not set");
		}
		url = configured.trim();
		user = env("KAOHE_TEST_POSTGRES_USER", "postgres");
		password = env("KAOHE_TEST_POSTGRES_PASSWORD", "");
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA " + SCHEMA);
		}
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (url == null) {
			return;
		}
		try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
			s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return (v != null && !v.isBlank()) ? v : fallback;
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> user);
		registry.add("spring.datasource.password", () -> password);
		registry.add("spring.flyway.schemas", () -> SCHEMA);
		registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
	}

	@BeforeEach
	void clean() {
		assertThat(this.jdbc.sql("SELECT current_schema()").query(String.class).single()).isEqualTo(SCHEMA);
		StoredTables.clear(this.jdbc);
		this.api = new KaoheApi(this.mvc);
	}

	@Test
	void fourQuartersUploadedFourWaysThenTheFourthEvaluatedWithItsHistory() {
		FourQuarters.upload(this.api);

		String runId = FourQuarters.evaluateThirdQuarter(this.api).get("runId").asText();

		JsonNode replay = this.api.post("/api/v1/evaluations/" + runId + "/replay").body();
		assertThat(replay.get("identical").booleanValue()).as("%s", replay).isTrue();
		JsonNode history = this.api.get("/api/v1/subjects/{id}/history", "C03").body();
		assertThat(history.get("periods")).hasSize(4);
	}

	@Test
	void aRejectedUploadChangesNothing() {
		FourQuarters.upload(this.api);

		FourQuarters.rejectedUploadListsEveryProblemAndChangesNothing(this.api, this.jdbc);
	}

	@Test
	void aRetriedUploadIsStoredOnce() {
		KaoheApi.Response first = this.api.uploadJson(CityFixture.quarter("2026-Q3"), "pg-retry");
		KaoheApi.Response retry = this.api.uploadJson(CityFixture.quarter("2026-Q3"), "pg-retry");

		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(StoredTables.counts(this.jdbc).get("fact_batch")).isEqualTo(1);
	}

	@Test
	void aCorrectionIsANewRevisionThatTheNextRunUses() {
		FourQuarters.upload(this.api);
		JsonNode first = this.api.evaluate("2026-Q3", null).body();
		this.api.uploadJson(CityFixture.correctedThirdQuarter(), null);

		JsonNode second = this.api.evaluate("2026-Q3", null).body();

		assertThat(second.get("revision").asInt()).isEqualTo(2);
		assertThat(this.api.get("/api/v1/evaluations/{id}", first.get("runId").asText()).body().get("revision").asInt())
			.isEqualTo(1);
		assertThat(this.api.post("/api/v1/evaluations/" + first.get("runId").asText() + "/replay").body().get("identical")
			.booleanValue()).isTrue();
	}

	@Test
	void evaluationsOfOnePeriodAtOnceAreSerialisedByTheDatabase() throws Exception {
		FourQuarters.upload(this.api);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<StoredRun> evaluate = () -> this.evaluations.evaluate(Period.parse("2026-Q3"), null, null);
			Future<StoredRun> a = pool.submit(evaluate);
			Future<StoredRun> b = pool.submit(evaluate);
			assertThat(List.of(a.get().run().runNumber(), b.get().run().runNumber())).containsExactlyInAnyOrder(1, 2);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
