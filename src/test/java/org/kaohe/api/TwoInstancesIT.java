package org.kaohe.api;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two Kaohe instances — two real processes, {@code java -jar target/kaohe.jar} on two ports — on one
 * PostgreSQL database created for the test and dropped after: an activation on one is followed by the
 * other within seconds, whose next stored run records the new version; two activations at the same
 * moment on the two instances are serialised by the database and both instances end on the same
 * version.
 *
 * <p>Runs after {@code package} (failsafe), on the server named by {@code KAOHE_TEST_POSTGRES_URL};
 * skipped without one unless {@code KAOHE_TEST_POSTGRES_REQUIRED=true}. As in production: the
 * {@code postgres} profile with the two-person rule on, accounts and tokens made with the admin command
 * line ({@code java -jar kaohe.jar admin …}) before the instances start — an editor's token uploads, an
 * approver (a person, signed in over HTTP with the password the command line set) activates, the
 * office's token uploads facts and evaluates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "serverConfiguredOrRequired",
		disabledReason = "no PostgreSQL server configured (KAOHE_TEST_POSTGRES_URL); two-instance test skipped")
class TwoInstancesIT {

	private static final Duration FOLLOW = Duration.ofSeconds(15);

	private final String database = "kaohe_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String serverUrl;

	private String user;

	private String password;

	private final List<Process> processes = new ArrayList<>();

	private String a;

	private String b;

	/** Bearer tokens: RULE_EDITOR (uploads versions), UPLOADER (facts, evaluations), APPROVER (activates, reads). */
	private String editor;

	private String office;

	private String approver;

	static boolean serverConfiguredOrRequired() {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		return (configured != null && !configured.isBlank())
				|| "true".equalsIgnoreCase(System.getenv("KAOHE_TEST_POSTGRES_REQUIRED"));
	}

	@BeforeAll
	void twoInstancesOnAFreshDatabase() throws Exception {
		String configured = System.getenv("KAOHE_TEST_POSTGRES_URL");
		if (configured == null || configured.isBlank()) {
			fail("KAOHE_TEST_POSTGRES_REQUIRED=true but KAOHE_TEST_POSTGRES_URL is not set");
		}
		this.serverUrl = configured.trim();
		this.user = env("KAOHE_TEST_POSTGRES_USER", "postgres");
		this.password = env("KAOHE_TEST_POSTGRES_PASSWORD", "");
		sql("CREATE DATABASE " + this.database);
		Path jar = Path.of("target", "kaohe.jar");
		assertThat(jar).as("the packaged service (run after mvn package)").exists();
		this.editor = admin(null, "issue-token", "ci-editor", "--roles", "RULE_EDITOR,VIEWER", "--days", "1", "--create-system-account");
		this.office = admin(null, "issue-token", "ci-office", "--roles", "UPLOADER,VIEWER", "--days", "1", "--create-system-account");
		admin("approver-password-1", "create-user", "王审批", "--roles", "APPROVER,VIEWER");
		int portA = freePort();
		int portB = freePort();
		this.processes.add(launch(jar, portA, "a"));
		this.processes.add(launch(jar, portB, "b"));
		this.a = "http://localhost:" + portA;
		this.b = "http://localhost:" + portB;
		awaitUp(this.a, "a");
		awaitUp(this.b, "b");
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(URI.create(this.a + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"王审批\", \"password\": \"approver-password-1\"}",
					StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		this.approver = FactJson.mapper().readTree(login.body()).get("token").asText();
	}

	/**
	 * Runs {@code java -jar target/kaohe.jar admin …} on the test's database (the postgres profile, as
	 * the instances); returns its standard output (a token). {@code stdin}: the password, or null.
	 */
	private String admin(String stdin, String... args) {
		return AdminCli.run(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + databaseUrl(),
				"--spring.datasource.username=" + this.user, "--spring.datasource.password=" + this.password), stdin,
				ProcessBuilder.Redirect.INHERIT, args);
	}

	@AfterAll
	void stopAndDrop() throws Exception {
		for (Process p : this.processes) {
			p.destroy();
		}
		for (Process p : this.processes) {
			if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				p.destroyForcibly().waitFor();
			}
		}
		if (this.serverUrl != null) {
			sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + this.database + "'");
			sql("DROP DATABASE IF EXISTS " + this.database);
		}
	}

	@Test
	void anActivationOnOneInstanceIsFollowedByTheOtherWhoseNextRunRecordsIt() throws Exception {
		assertThat(active(this.b)).isEqualTo(active(this.a));
		String candidate = upload(this.a, "2027-01-01", "weeklyLastDeductionWan: 160");

		HttpResponse<String> own = send(this.a, "/api/v1/rulesets/" + candidate + "/activate", "{\"reason\": \"自己上线\"}", this.editor);
		assertThat(own.statusCode()).as("an editor cannot activate: %s", own.body()).isEqualTo(403);

		JsonNode activated = post(this.a, "/api/v1/rulesets/" + candidate + "/activate", "{\"reason\": \"两实例测试\"}", 200);
		assertThat(activated.at("/activation/actor").asText()).isEqualTo("王审批");
		long start = System.nanoTime();
		assertThat(activated.get("versionInForce").asText()).isEqualTo(candidate);

		String followed = awaitActive(this.b, candidate);
		System.out.printf("two instances: B followed A's activation in %d ms%n", (System.nanoTime() - start) / 1_000_000);
		assertThat(followed).isEqualTo(candidate);
		post(this.b, "/api/v1/facts", Files.readString(Path.of("fixtures", "demo-city", "2026-Q3.json")), 201, this.office);
		JsonNode run = post(this.b, "/api/v1/evaluations", "{\"period\": \"2026-Q3\"}", 201, this.office);
		assertThat(run.get("rulesetVersion").asText()).isEqualTo(candidate);
		assertThat(run.get("outcomes")).allSatisfy(o -> assertThat(o.get("rulesetVersion").asText()).isEqualTo(candidate));
	}

	@Test
	void activationsAtTheSameMomentOnBothInstancesAreSerialisedAndBothEndOnTheLater() throws Exception {
		String one = upload(this.a, "2027-04-01", "weeklyLastDeductionWan: 170");
		String two = upload(this.b, "2027-07-01", "weeklyLastDeductionWan: 180");

		CompletableFuture<JsonNode> onA = CompletableFuture.supplyAsync(
				() -> postUnchecked(this.a, "/api/v1/rulesets/" + one + "/activate", "{\"reason\": \"同时启用 A\"}"));
		CompletableFuture<JsonNode> onB = CompletableFuture.supplyAsync(
				() -> postUnchecked(this.b, "/api/v1/rulesets/" + two + "/activate", "{\"reason\": \"同时启用 B\"}"));
		JsonNode ra = onA.get();
		JsonNode rb = onB.get();

		JsonNode first = (ra.at("/activation/seq").asLong() < rb.at("/activation/seq").asLong()) ? ra : rb;
		JsonNode second = (first == ra) ? rb : ra;
		assertThat(second.at("/activation/seq").asLong()).isEqualTo(first.at("/activation/seq").asLong() + 1);
		assertThat(second.at("/activation/previousVersion").asText()).isEqualTo(first.at("/activation/version").asText());
		String winner = second.at("/activation/version").asText();
		assertThat(awaitActive(this.a, winner)).isEqualTo(winner);
		assertThat(awaitActive(this.b, winner)).isEqualTo(winner);
		JsonNode log = get(this.b, "/api/v1/rulesets/activations?size=500");
		List<Long> seqs = new ArrayList<>();
		log.get("content").forEach(e -> seqs.add(e.get("seq").asLong()));
		assertThat(seqs).doesNotHaveDuplicates();
		assertThat(seqs).hasSize((int) log.get("total").asLong());
	}

	/** Uploads the real rules with one dated parameter version; returns the version. */
	private String upload(String instance, String validFrom, String values) throws Exception {
		Map<String, String> files = RulesetApi.withParameterVersion(validFrom, "两实例测试", values);
		ObjectNode body = FactJson.mapper().createObjectNode();
		body.put("comment", "两实例测试 " + validFrom);
		ObjectNode f = body.putObject("files");
		files.forEach(f::put);
		HttpResponse<String> r = send(instance, "/api/v1/rulesets", body.toString(), this.editor);
		assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
		return FactJson.mapper().readTree(r.body()).get("version").asText();
	}

	private String active(String instance) throws Exception {
		return get(instance, "/api/v1/rulesets/active").get("version").asText();
	}

	private String awaitActive(String instance, String version) throws Exception {
		long deadline = System.nanoTime() + FOLLOW.toNanos();
		String seen = active(instance);
		while (!seen.equals(version) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			seen = active(instance);
		}
		return seen;
	}

	private JsonNode get(String instance, String path) throws Exception {
		HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(instance + path))
			.header("Authorization", "Bearer " + this.approver)
			.GET()
			.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		return FactJson.mapper().readTree(r.body());
	}

	/** As the approver. */
	private JsonNode post(String instance, String path, String json, int status) throws Exception {
		return post(instance, path, json, status, this.approver);
	}

	private JsonNode post(String instance, String path, String json, int status, String token) throws Exception {
		HttpResponse<String> r = send(instance, path, json, token);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
		return FactJson.mapper().readTree(r.body());
	}

	private JsonNode postUnchecked(String instance, String path, String json) {
		try {
			return post(instance, path, json, 200);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> send(String instance, String path, String json, String token)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(instance + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.timeout(Duration.ofMinutes(3))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private Process launch(Path jar, int port, String name) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xmx768m", "-Dfile.encoding=UTF-8", "-jar", jar.toString(), "--server.port=" + port,
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + databaseUrl(), "--spring.datasource.username=" + this.user,
				"--spring.datasource.password=" + this.password, "--kaohe.rules.poll-interval=1s",
				"--kaohe.rules.scenarios=target/no-scenarios");
		File log = Path.of("target", "two-instances-" + name + ".log").toFile();
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
	}

	private void awaitUp(String instance, String name) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			for (Process p : this.processes) {
				if (!p.isAlive()) {
					fail("instance exited with " + p.exitValue() + "; see target/two-instances-" + name + ".log");
				}
			}
			try {
				HttpResponse<String> r = this.http.send(HttpRequest.newBuilder(URI.create(instance + "/api/v1/rulesets/active"))
					.header("Authorization", "Bearer " + this.office)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		fail("instance " + name + " did not start within 3 minutes; see target/two-instances-" + name + ".log");
	}

	/** The configured server URL with this test's database instead of the one it names. */
	private String databaseUrl() {
		int slash = this.serverUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = this.serverUrl.indexOf('?');
		String base = this.serverUrl.substring(0, slash + 1);
		return base + this.database + ((query >= 0) ? this.serverUrl.substring(query) : "");
	}

	private void sql(String statement) throws SQLException {
		try (Connection c = DriverManager.getConnection(this.serverUrl, this.user, this.password); Statement s = c.createStatement()) {
			s.execute(statement);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return (v != null && !v.isBlank()) ? v : fallback;
	}

}
