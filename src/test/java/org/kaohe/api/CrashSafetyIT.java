package org.kaohe.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.kaohe.testing.ScaledQuarter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Crash safety with real processes: the packaged service is killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) in the middle of storing a large upload and in the
 * middle of storing the run of a large period, then restarted on the same database. Nothing partial is
 * visible (no batch without all its rows, no run without all its outcomes, no outbox event of a lost
 * run), the retried upload with the same {@code Idempotency-Key} is stored once as revision 1, and the
 * retried evaluation is run 1.
 *
 * <p>On PostgreSQL the moment is exact: the test holds a lock on the table being written
 * ({@code LOCK TABLE … IN SHARE MODE}), waits until the service's transaction has written its batch (or
 * run) row and is blocked inserting the rows, and kills it there. On the embedded H2 file database
 * there is no such lock, so the service is killed a little after its log says the write began, with
 * data large enough that the write lasts seconds; the test checks that the commit was never logged.
 */
class CrashSafetyIT {

	private static final String KEY = "crash-test-upload-1";

	private static final String STORING_FACTS = "storing facts";

	private static final String FACTS_STORED = "facts stored";

	private static final String STORING_RUN = "storing run";

	private static final String EVALUATED = "评估完成";

	static boolean postgresConfiguredOrRequired() {
		return PostgresServer.configuredOrRequired();
	}

	@Test
	void killedMidWriteOnH2NothingPartialIsVisibleAndTheRetriesSucceed() throws Exception {
		Path dir = Path.of("target", "crash-h2-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
		String url = "jdbc:h2:file:" + dir.resolve("kaohe") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
		// small JDBC batches: many round trips, so the write lasts long enough to be cut in the middle
		KaoheProcess kaohe = new KaoheProcess("crash-h2", "1g", List.of("--spring.datasource.url=" + url + ";LOCK_TIMEOUT=120000",
				"--kaohe.demo.enabled=false", "--kaohe.upload.batch-size=100", "--kaohe.rules.scenarios=target/no-scenarios"));
		Database h2 = new Database() {

			@Override
			public Connection connect() throws SQLException {
				return DriverManager.getConnection(url, "sa", "");
			}

			@Override
			public AutoCloseable stall(String table) {
				return () -> {
				};
			}

			@Override
			public void awaitMidWrite(KaoheProcess p, long mark, String started, String table) {
				assertThat(p.awaitLog(mark, started, Duration.ofMinutes(3))).as("the write began (log: %s)", p.log()).isTrue();
				KaoheProcess.sleep(150);
			}

		};
		run(kaohe, h2, 25);
	}

	@Test
	@EnabledIf(value = "postgresConfiguredOrRequired",
			disabledReason = "no PostgreSQL server configured (KAOHE_TEST_POSTGRES_URL); crash test on PostgreSQL skipped")
	void killedMidTransactionOnPostgresNothingPartialIsVisibleAndTheRetriesSucceed() throws Exception {
		PostgresServer server = PostgresServer.fromEnvironment();
		String database = server.createDatabase("kaohe_crash");
		try {
			KaoheProcess kaohe = new KaoheProcess("crash-postgres", "1g", List.of("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + server.url(database), "--spring.datasource.username=" + server.user(),
					"--spring.datasource.password=" + server.password(), "--kaohe.rules.two-person-rule=false",
					"--kaohe.rules.scenarios=target/no-scenarios"));
			run(kaohe, new PostgresStall(server, database), 5);
		}
		finally {
			server.dropDatabase(database);
		}
	}

	/** The whole story on one database: kill during the upload, restart, retry; kill during the run, restart, retry. */
	private void run(KaoheProcess kaohe, Database db, int copies) throws Exception {
		JsonNode quarter = ScaledQuarter.of("2026-Q3", copies);
		byte[] document = quarter.toString().getBytes(StandardCharsets.UTF_8);
		int rows = ScaledQuarter.rows(quarter);
		try {
			// 1. the upload, killed while its transaction is writing (the OA system's token: uploads, runs, webhooks)
			String token = kaohe.issueToken("crash-oa", "UPLOADER,VIEWER,ADMIN");
			long mark = kaohe.start();
			KaoheHttp http = new KaoheHttp(kaohe.base()).token(token);
			KaoheHttp.Response hook = http.postJson("/api/v1/webhooks",
					"{\"name\": \"崩溃测试\", \"url\": \"http://127.0.0.1:9/never\", \"events\": [\"run.finished\"]}");
			assertThat(hook.status()).as(hook.text()).isEqualTo(201);
			try (AutoCloseable stall = db.stall("fact_row")) {
				CompletableFuture<KaoheHttp.Response> upload = CompletableFuture
					.supplyAsync(() -> http.postJson("/api/v1/facts", document, KEY));
				db.awaitMidWrite(kaohe, mark, STORING_FACTS, "fact_row");
				kaohe.kill();
				assertThat(failed(upload)).as("the killed upload got no answer").isTrue();
			}
			assertThat(kaohe.logSince(mark)).as("the upload was killed before it committed").doesNotContain(FACTS_STORED);
			Map<String, Long> afterUploadKill = consistent(db);
			assertThat(afterUploadKill).containsEntry("fact_batch", 0L).containsEntry("fact_row", 0L);

			// 2. restarted: the retry with the same key is stored once, as revision 1; the evaluation is killed mid-write
			mark = kaohe.start();
			assertThat(http.get("/api/v1/periods").json().get("total").asInt()).as("no period visible").isZero();
			assertThat(http.get("/api/v1/facts").json().get("total").asInt()).as("no upload visible").isZero();
			KaoheHttp.Response retried = http.postJson("/api/v1/facts", document, KEY);
			assertThat(retried.status()).as(retried.text()).isEqualTo(201);
			assertThat(retried.json().get("revision").asInt()).isEqualTo(1);
			assertThat(retried.json().get("rowCount").asInt()).isEqualTo(rows);
			KaoheHttp.Response again = http.postJson("/api/v1/facts", document, KEY);
			assertThat(again.json().get("batchId")).isEqualTo(retried.json().get("batchId"));
			try (AutoCloseable stall = db.stall("outcome")) {
				CompletableFuture<KaoheHttp.Response> evaluation = CompletableFuture
					.supplyAsync(() -> http.postJson("/api/v1/evaluations", "{\"period\": \"2026-Q3\"}"));
				db.awaitMidWrite(kaohe, mark, STORING_RUN, "outcome");
				kaohe.kill();
				assertThat(failed(evaluation)).as("the killed evaluation got no answer").isTrue();
			}
			assertThat(kaohe.logSince(mark)).as("the evaluation was killed before it committed").doesNotContain(EVALUATED);
			Map<String, Long> afterRunKill = consistent(db);
			assertThat(afterRunKill).containsEntry("fact_batch", 1L)
				.containsEntry("fact_row", (long) rows)
				.containsEntry("evaluation_run", 0L)
				.containsEntry("outcome", 0L)
				.containsEntry("run_rank", 0L)
				.containsEntry("webhook_event", 0L)
				.containsEntry("webhook_delivery", 0L);

			// 3. restarted: the evaluation is run 1 with all its outcomes, and the upload retry still answers from the store
			kaohe.start();
			assertThat(http.get("/api/v1/evaluations").json().get("total").asInt()).as("no run visible").isZero();
			assertThat(http.get("/api/v1/periods").json().at("/content/0/evaluated").asBoolean()).as("the period is not evaluated").isFalse();
			KaoheHttp.Response run = http.postJson("/api/v1/evaluations", "{\"period\": \"2026-Q3\"}");
			assertThat(run.status()).as(run.text()).isEqualTo(201);
			JsonNode stored = run.json();
			assertThat(stored.get("runNumber").asInt()).isEqualTo(1);
			assertThat(stored.get("revision").asInt()).isEqualTo(1);
			int outcomes = stored.get("outcomes").size();
			assertThat(outcomes).isGreaterThan(100 * copies);
			KaoheHttp.Response page = http.get("/api/v1/evaluations/" + stored.get("runId").asText() + "/outcomes?size=1");
			assertThat(page.json().get("total").asInt()).isEqualTo(outcomes);
			KaoheHttp.Response third = http.postJson("/api/v1/facts", document, KEY);
			assertThat(third.json().get("batchId")).isEqualTo(retried.json().get("batchId"));
			kaohe.stop();
			Map<String, Long> end = consistent(db);
			assertThat(end).containsEntry("fact_batch", 1L)
				.containsEntry("evaluation_run", 1L)
				.containsEntry("outcome", (long) outcomes)
				.containsEntry("webhook_event", 1L);
			System.out.printf("crash safety (%d rows, %d outcomes): after the upload kill %s; after the run kill %s; at the end %s%n",
					rows, outcomes, afterUploadKill, afterRunKill, end);
		}
		finally {
			kaohe.kill();
		}
	}

	private static Map<String, Long> consistent(Database db) throws SQLException {
		try (Connection c = db.connect()) {
			return StoreConsistency.check(c);
		}
	}

	/** Whether the request ended without an answer (its connection cut by the kill). */
	private static boolean failed(CompletableFuture<KaoheHttp.Response> request) throws InterruptedException {
		try {
			KaoheHttp.Response r = request.get(60, TimeUnit.SECONDS);
			System.out.println("unexpected answer of a killed request: " + r.status() + " " + r.text());
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			fail("the request neither answered nor failed within a minute of the kill");
			return false;
		}
	}

	/** How the test reaches the database and catches the service mid-write. */
	interface Database {

		Connection connect() throws SQLException;

		/** Makes writers of {@code table} wait (where the database allows it) until closed. */
		AutoCloseable stall(String table) throws SQLException;

		/** Returns once the service is in the middle of the write that the log line {@code started} begins. */
		void awaitMidWrite(KaoheProcess p, long mark, String started, String table) throws Exception;

	}

	/** PostgreSQL: a table lock held by the test stops the service's transaction exactly between two inserts. */
	private static final class PostgresStall implements Database {

		private final PostgresServer server;

		private final String database;

		PostgresStall(PostgresServer server, String database) {
			this.server = server;
			this.database = database;
		}

		@Override
		public Connection connect() throws SQLException {
			return this.server.connect(this.database);
		}

		@Override
		public AutoCloseable stall(String table) throws SQLException {
			Connection c = connect();
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				s.execute("LOCK TABLE " + table + " IN SHARE MODE");
			}
			return () -> {
				c.rollback();
				c.close();
				awaitNoOtherSessions();
			};
		}

		@Override
		public void awaitMidWrite(KaoheProcess p, long mark, String started, String table) throws Exception {
			assertThat(p.awaitLog(mark, started, Duration.ofMinutes(3))).as("the write began (log: %s)", p.log()).isTrue();
			long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			try (Connection c = connect()) {
				while (System.nanoTime() < deadline) {
					long blocked = StoreConsistency.single(c, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
							+ "AND wait_event_type = 'Lock' AND state = 'active' AND query ILIKE 'INSERT INTO " + table + "%'");
					if (blocked == 1) {
						return;
					}
					Thread.sleep(20);
				}
			}
			fail("the service's transaction never blocked inserting into " + table);
		}

		/** The killed service's backends end once their transaction is released: rolled back, since nobody commits it. */
		private void awaitNoOtherSessions() throws Exception {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			try (Connection c = connect()) {
				while (System.nanoTime() < deadline) {
					if (StoreConsistency.single(c, "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
							+ "AND pid <> pg_backend_pid()") == 0) {
						return;
					}
					Thread.sleep(50);
				}
			}
			fail("the killed service's database sessions did not end");
		}

	}

}
