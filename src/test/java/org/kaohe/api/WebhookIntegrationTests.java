package org.kaohe.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.kaohe.CityFixture;
import org.kaohe.ingest.FactJson;
import org.kaohe.ruleset.RulesetActivated;
import org.kaohe.system.Actor;
import org.kaohe.system.Role;
import org.kaohe.testing.TestActors;
import org.kaohe.webhook.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks to the OA system end to end: a real HTTP endpoint on this machine (the JDK's HTTP server)
 * that answers 500 for a while, then is down (connection refused), then recovers. Every event arrives,
 * each event id accepted exactly once, every signature verifies; the delivery log shows the failures.
 * The test properties make the backoff a fraction of a second.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WebhookIntegrationTests {

	private static final String SECRET = "oa-shared-secret-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	KaoheApi api;

	Receiver receiver;

	@BeforeEach
	void start() throws IOException {
		StoredTables.clear(this.jdbc);
		this.api = new KaoheApi(this.mvc);
		this.receiver = new Receiver();
	}

	@AfterEach
	void stop() {
		this.receiver.stop();
		// no endpoint left behind for the other tests' runs to notify
		this.jdbc.sql("UPDATE webhook_endpoint SET enabled = FALSE, deleted = TRUE").update();
	}

	@Test
	void everyEventSurvivesAnOutageOfTheEndpointAndArrivesOnceSigned() throws IOException {
		this.receiver.failing.set(true);
		JsonNode endpoint = send("POST", "/api/v1/webhooks", "{\"name\": \"OA 待办\", \"url\": \"" + this.receiver.url() + "\", \"events\": [\"*\"], "
				+ "\"secret\": \"" + SECRET + "\"}", TestActors.as("管理员", Role.ADMIN)).body();
		String id = endpoint.get("id").asText();
		assertThat(endpoint.get("secret").asText()).isEqualTo(SECRET);
		KaoheApi.Response shown = send("GET", "/api/v1/webhooks/" + id, "", TestActors.as("管理员", Role.ADMIN));
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body().has("secret")).isFalse();

		// five events: a run, an appeal filed and decided, a ruleset activated, a ping
		assertThat(this.api.uploadJson(CityFixture.quarter("2026-Q3"), null).status()).isEqualTo(201);
		JsonNode run = this.api.evaluate("2026-Q3", null).body();
		String outcome = run.at("/outcomes/0/id").asText();
		String appeal = send("POST", "/api/v1/outcomes/" + outcome + "/appeals", "{\"reason\": \"事实有误\"}", TestActors.as("河东区", Role.VIEWER))
			.body().get("id").asText();
		assertThat(send("POST", "/api/v1/appeals/" + appeal + "/decision", "{\"decision\": \"UPHELD\", \"reason\": \"事实清楚\"}",
				TestActors.as("李复核", Role.APPROVER)).status()).isEqualTo(200);
		new TransactionTemplate(this.transactions).executeWithoutResult(s -> this.events.publishEvent(new RulesetActivated("sha256:new",
				"sha256:old", false, new Actor("王审批", Set.of(Role.APPROVER), null), "第三季度参数调整", OffsetDateTime.now())));
		assertThat(send("POST", "/api/v1/webhooks/" + id + "/ping", "", TestActors.as("管理员", Role.ADMIN)).status()).isEqualTo(202);

		// first the endpoint answers 500 (every event tried at least once), then it is down
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.receiver.requests.stream().map(Request::eventId).distinct().count() == 5);
		this.receiver.stop();
		await().atMost(Duration.ofSeconds(30)).until(() -> log(id).stream()
			.anyMatch(d -> d.get("log").findValuesAsText("error").stream().anyMatch(e -> e.contains("ConnectException"))));
		// then it recovers on the same port
		this.receiver.failing.set(false);
		this.receiver.restart();
		await().atMost(Duration.ofSeconds(60)).until(() -> log(id).stream().allMatch(d -> d.get("status").asText().equals("DELIVERED")));

		List<JsonNode> deliveries = log(id);
		assertThat(deliveries).hasSize(5);
		Map<String, Long> accepted = this.receiver.accepted();
		assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(deliveries.stream().map(d -> d.get("eventId").asText()).toList());
		assertThat(accepted.values()).allMatch(n -> n == 1);
		assertThat(this.receiver.requests).allSatisfy(r -> {
			assertThat(WebhookSignature.verify(SECRET, r.body(), r.signature())).as("signature of %s", r.eventId()).isTrue();
			assertThat(r.timestamp()).isNotBlank();
			JsonNode body = FactJson.mapper().readTree(r.body());
			assertThat(body.get("id").asText()).isEqualTo(r.eventId());
			assertThat(body.get("type").asText()).isEqualTo(r.type());
			assertThat(body.has("time") && body.has("payload")).isTrue();
		});
		assertThat(this.receiver.requests.stream().filter(r -> r.status() == 200).map(Request::type).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder("run.finished", "appeal.filed", "appeal.decided", "ruleset.activated", "webhook.ping");
		JsonNode finished = this.receiver.body("run.finished");
		assertThat(finished.at("/payload/runId").asText()).isEqualTo(run.get("runId").asText());
		assertThat(finished.at("/payload/outcomes").asInt()).isEqualTo(run.get("outcomes").size());
		JsonNode decided = this.receiver.body("appeal.decided");
		assertThat(decided.at("/payload/decision").asText()).isEqualTo("UPHELD");
		assertThat(decided.at("/payload/effective/status").asText()).isEqualTo("UPHELD");
		assertThat(this.receiver.body("ruleset.activated").at("/payload/by").asText()).isEqualTo("王审批");

		// the log: 500s, refused connections, then the one success, which is the last attempt of each
		List<JsonNode> attempts = deliveries.stream().flatMap(d -> toList(d.get("log")).stream()).toList();
		assertThat(attempts).anySatisfy(a -> assertThat(a.path("statusCode").asInt()).isEqualTo(500));
		assertThat(attempts).anySatisfy(a -> assertThat(a.path("error").asText()).contains("ConnectException"));
		for (JsonNode d : deliveries) {
			List<JsonNode> log = toList(d.get("log"));
			assertThat(log).hasSize(d.get("attempts").asInt());
			assertThat(log.get(log.size() - 1).get("statusCode").asInt()).isEqualTo(200);
			assertThat(log.subList(0, log.size() - 1)).noneSatisfy(a -> assertThat(a.path("statusCode").asInt()).isEqualTo(200));
		}
		int received = this.receiver.requests.size();
		int logged = attempts.stream().mapToInt(a -> a.has("statusCode") ? 1 : 0).sum();
		assertThat(received).as("every answered attempt is logged, nothing sent unlogged").isEqualTo(logged);

		// by hand, an event can be sent again: a new delivery of the same event id
		String first = deliveries.get(0).get("id").asText();
		KaoheApi.Response again = send("POST", "/api/v1/webhooks/" + id + "/deliveries/" + first + "/redeliver", "", TestActors.as("管理员", Role.ADMIN));
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.body().get("redeliveryOf").asText()).isEqualTo(first);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.receiver.accepted().get(deliveries.get(0).get("eventId").asText()) == 2);
		assertThat(this.receiver.accepted().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
	}

	@Test
	void endpointsAreValidatedChangedAndDeletedWithTheirLogKept() {
		RequestPostProcessor admin = TestActors.as("管理员", Role.ADMIN);
		assertThat(send("POST", "/api/v1/webhooks", "{\"name\": \"x\", \"url\": \"ftp://oa\", \"events\": [\"*\"]}", admin).status()).isEqualTo(400);
		assertThat(send("POST", "/api/v1/webhooks", "{\"name\": \"x\", \"url\": \"http://oa\", \"events\": [\"run.started\"]}", admin).status())
			.isEqualTo(400);
		JsonNode created = send("POST", "/api/v1/webhooks",
				"{\"name\": \"督查系统\", \"url\": \"" + this.receiver.url() + "\", \"events\": [\"appeal.decided\"]}", admin).body();
		String id = created.get("id").asText();
		assertThat(created.get("secret").asText()).hasSize(64);
		assertThat(created.get("secretHint").asText()).endsWith(created.get("secret").asText().substring(60));

		// an event it does not subscribe to makes no delivery
		this.api.uploadJson(CityFixture.quarter("2026-Q3"), null);
		this.api.evaluate("2026-Q3", null);
		assertThat(log(id)).isEmpty();

		JsonNode changed = send("PUT", "/api/v1/webhooks/" + id, "{\"events\": [\"run.finished\"], \"enabled\": false}", admin).body();
		assertThat(changed.get("enabled").asBoolean()).isFalse();
		assertThat(changed.has("secret")).isFalse();
		this.api.evaluate("2026-Q3", null);
		assertThat(log(id)).as("disabled endpoints get no new events").isEmpty();

		send("PUT", "/api/v1/webhooks/" + id, "{\"enabled\": true}", admin);
		this.api.evaluate("2026-Q3", null);
		await().atMost(Duration.ofSeconds(30)).until(() -> log(id).size() == 1 && log(id).get(0).get("status").asText().equals("DELIVERED"));

		assertThat(send("DELETE", "/api/v1/webhooks/" + id, "", admin).status()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/webhooks/" + id, "", admin).status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM webhook_attempt").query(Long.class).single()).isEqualTo(1);
	}

	private List<JsonNode> log(String endpoint) {
		return toList(send("GET", "/api/v1/webhooks/" + endpoint + "/deliveries?size=500", "", TestActors.as("管理员", Role.ADMIN)).body()
			.get("content"));
	}

	private static List<JsonNode> toList(JsonNode array) {
		List<JsonNode> list = new ArrayList<>();
		if (array != null) {
			array.forEach(list::add);
		}
		return list;
	}

	private KaoheApi.Response send(String method, String path, String json, RequestPostProcessor actor) {
		try {
			var request = MockMvcRequestBuilders.request(method, java.net.URI.create(path)).with(actor);
			if (!json.isEmpty()) {
				request.contentType(MediaType.APPLICATION_JSON).content(json);
			}
			var result = this.mvc.perform(request).andReturn();
			String text = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
			return new KaoheApi.Response(result.getResponse().getStatus(), text.isEmpty() ? null : FactJson.mapper().readTree(text), result);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What the endpoint received. */
	record Request(String eventId, String type, String signature, String timestamp, byte[] body, int status) {
	}

	/** The OA system's endpoint: answers 500 while {@code failing}, else 200; can go down and come back. */
	static final class Receiver {

		final AtomicBoolean failing = new AtomicBoolean();

		final List<Request> requests = new CopyOnWriteArrayList<>();

		private final int port;

		private HttpServer server;

		Receiver() throws IOException {
			this.server = create(0);
			this.port = this.server.getAddress().getPort();
		}

		private HttpServer create(int port) throws IOException {
			HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
			s.createContext("/oa/events", exchange -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				int status = this.failing.get() ? 500 : 200;
				var h = exchange.getRequestHeaders();
				this.requests.add(new Request(h.getFirst("X-Kaohe-Event-Id"), h.getFirst("X-Kaohe-Event-Type"),
						h.getFirst(WebhookSignature.HEADER), h.getFirst("X-Kaohe-Timestamp"), body, status));
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			s.start();
			return s;
		}

		String url() {
			return "http://127.0.0.1:" + this.port + "/oa/events";
		}

		void stop() {
			if (this.server != null) {
				this.server.stop(0);
				this.server = null;
			}
		}

		void restart() throws IOException {
			this.server = create(this.port);
		}

		/** Event id → requests answered 200. */
		Map<String, Long> accepted() {
			Map<String, Long> counts = new HashMap<>();
			this.requests.stream().filter(r -> r.status() == 200).forEach(r -> counts.merge(r.eventId(), 1L, Long::sum));
			return counts;
		}

		JsonNode body(String type) throws IOException {
			for (Request r : this.requests) {
				if (type.equals(r.type()) && r.status() == 200) {
					return FactJson.mapper().readTree(r.body());
				}
			}
			throw new AssertionError("no " + type + " received");
		}

	}

}
