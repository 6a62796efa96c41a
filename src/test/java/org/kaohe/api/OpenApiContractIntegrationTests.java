package org.kaohe.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.kaohe.SpreadsheetFixture;
import org.kaohe.ingest.FactJson;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;
import org.kaohe.testing.Zips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is true: the app runs on a real port, the document is fetched from
 * {@code /v3/api-docs}, and every documented operation is called over real HTTP with each request and
 * response checked against the document ({@link ContractClient}); and every handler of the API is in
 * the document.
 */
@RunningKaohe
class OpenApiContractIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyDocumentedOperationAnswersAsTheDocumentSays() throws IOException {
		StoredTables.clear(this.jdbc);
		// ADMIN is not a super-role: a token holding every role may call every operation
		String everyRole = TestTokens.token(this.context, "contract-every-role", Role.values());
		ContractClient api = new ContractClient("http://localhost:" + this.port).token(everyRole);

		// facts: two demo quarters as JSON, a scenario as XLSX for another period
		assertThat(api.json("POST", "/api/v1/facts", demo("2026-Q2")).status()).isEqualTo(201);
		ContractClient.Exchange q3 = api.json("POST", "/api/v1/facts", demo("2026-Q3"));
		assertThat(q3.status()).isEqualTo(201);
		ObjectNode scenario = scenario();
		scenario.put("period", "2026-Q4");
		ContractClient.Exchange xlsx = api.multipart("/api/v1/facts", Map.of("period", "2026-Q4", "submittedBy", "市攻坚办"),
				Map.of("2026-Q4.xlsx", SpreadsheetFixture.xlsx(scenario, SpreadsheetFixture.Headers.TEMPLATE)), "file");
		assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/facts?period=2026-Q3&page=0&size=5").json().get("total").asInt()).isEqualTo(1);
		api.get("/api/v1/facts/" + q3.json().get("batchId").asText());
		api.get("/api/v1/templates");
		api.get("/api/v1/templates.xlsx");
		api.get("/api/v1/templates/subjects.csv");
		api.get("/api/v1/periods");

		// evaluations and their outcomes
		ContractClient.Exchange run = api.json("POST", "/api/v1/evaluations", "{\"period\": \"2026-Q3\"}");
		assertThat(run.status()).isEqualTo(201);
		String runId = run.json().get("runId").asText();
		api.get("/api/v1/evaluations?period=2026-Q3");
		api.get("/api/v1/evaluations/" + runId);
		JsonNode outcomes = api.get("/api/v1/evaluations/" + runId + "/outcomes?size=5").json();
		assertThat(outcomes.get("total").asInt()).isPositive();
		api.get("/api/v1/evaluations/" + runId + "/summary");
		api.json("POST", "/api/v1/evaluations/" + runId + "/replay", null);
		api.get("/api/v1/evaluations/" + runId + "/notice?format=html&date=2026-10-08");
		api.get("/api/v1/evaluations/" + runId + "/outcomes.csv");
		api.get("/api/v1/evaluations/" + runId + "/outcomes.xlsx");
		String outcomeId = outcomes.at("/content/0/id").asText();
		api.get("/api/v1/outcomes/" + outcomeId);
		api.get("/api/v1/outcomes/" + outcomeId + "/explanation");
		api.get("/api/v1/outcomes/" + outcomeId + "/explanation?format=text");

		// appeals: anyone may appeal; deciding needs the approver role, which no one holds here
		ContractClient.Exchange appeal = api.json("POST", "/api/v1/outcomes/" + outcomeId + "/appeals",
				"{\"reason\": \"该工地8月已停工 / the site was stopped in August\"}");
		assertThat(appeal.status()).isEqualTo(201);
		String appealId = appeal.json().get("id").asText();
		api.get("/api/v1/appeals?status=PENDING");
		api.get("/api/v1/appeals/" + appealId);
		assertThat(api.json("POST", "/api/v1/appeals/" + appealId + "/decision", "{\"decision\": \"UPHELD\", \"reason\": \"属实\"}")
			.status()).isIn(200, 403);
		assertThat(api.json("POST", "/api/v1/outcomes/" + outcomeId + "/appeals", "{\"reason\": \"again\"}").status())
			.isEqualTo(409);

		// rankings and units
		api.get("/api/v1/rankings?period=2026-Q3&size=5");
		api.get("/api/v1/rankings/indicators");
		api.get("/api/v1/rankings/series?indicator=PM25&size=3");
		String subjectId = api.get("/api/v1/subjects?period=2026-Q3&type=COUNTY&size=5").json().at("/content/0/id").asText();
		api.get("/api/v1/subjects/" + subjectId + "/history");
		api.get("/api/v1/subjects/" + subjectId + "/why-not?period=2026-Q3");

		// stateless evaluation of the fact document example
		assertThat(api.json("POST", "/api/v1/evaluate", scenario().toString()).status()).isEqualTo(200);

		// webhooks
		ContractClient.Exchange hook = api.json("POST", "/api/v1/webhooks",
				"{\"name\": \"OA 待办\", \"url\": \"http://127.0.0.1:9/kaohe\", \"events\": [\"*\"]}");
		assertThat(hook.status()).as(hook.text()).isEqualTo(201);
		String hookId = hook.json().get("id").asText();
		api.get("/api/v1/webhooks");
		api.get("/api/v1/webhooks/" + hookId);
		api.json("PUT", "/api/v1/webhooks/" + hookId, "{\"name\": \"OA 待办（测试）\"}");
		String deliveryId = api.json("POST", "/api/v1/webhooks/" + hookId + "/ping", null).json().get("id").asText();
		api.get("/api/v1/webhooks/" + hookId + "/deliveries");
		api.json("POST", "/api/v1/webhooks/" + hookId + "/deliveries/" + deliveryId + "/redeliver", null);
		assertThat(api.send("DELETE", "/api/v1/webhooks/" + hookId, null, null, true).status()).isEqualTo(204);

		// rulesets
		api.get("/api/v1/rulesets");
		String version = api.get("/api/v1/rulesets/active").json().get("version").asText();
		JsonNode detail = api.get("/api/v1/rulesets/" + version).json();
		String file = detail.at("/files/0/path").asText();
		api.get("/api/v1/rulesets/" + version + "/files/" + file);
		api.get("/api/v1/rulesets/" + version + "/diff");
		api.get("/api/v1/rulesets/activations");
		api.json("POST", "/api/v1/rulesets/" + version + "/simulate", "{\"periods\": [\"2026-Q3\"]}");
		api.json("POST", "/api/v1/rulesets", "{\"comment\": \"contract\", \"basedOn\": \"" + version
				+ "\", \"files\": {\"broken.drl\": \"rule \\\"x\\\" when then end oops\"}}");
		assertThat(api.multipart("/api/v1/rulesets", Map.of("comment", "traversal"),
				Map.of("rules.zip", Zips.zip(Map.of("../evil.drl", "x".getBytes(StandardCharsets.UTF_8)))), "file").status())
			.isEqualTo(400);
		assertThat(api.invalid("POST", "/api/v1/rulesets", "application/zip", Zips.zip(Map.of("/etc/evil.drl", new byte[1])))
			.status()).isEqualTo(400);
		api.json("POST", "/api/v1/rulesets/" + version + "/activate", "{\"reason\": \"contract test\"}");
		api.json("POST", "/api/v1/rulesets/rollback", "{\"reason\": \"contract test\"}");

		// signing in: a person's own token for me and logout (logout revokes the token it is called with)
		TestTokens.person(this.context, "contract-person", "contract-password-1", Role.VIEWER);
		api.token(null);
		ContractClient.Exchange login = api.json("POST", "/api/v1/auth/login",
				"{\"username\": \"contract-person\", \"password\": \"contract-password-1\"}");
		assertThat(login.status()).as(login.text()).isEqualTo(200);
		api.token(login.json().get("token").asText());
		assertThat(api.get("/api/v1/auth/me").json().get("username").asText()).isEqualTo("contract-person");
		assertThat(api.json("POST", "/api/v1/auth/logout", null).status()).isEqualTo(204);
		assertThat(api.send("GET", "/api/v1/auth/me", null, null, false).status()).as("signed out").isEqualTo(401);
		api.token(everyRole);

		// administration: accounts and API tokens, and the audit log
		api.get("/api/v1/admin/users?size=5");
		ContractClient.Exchange user = api.json("POST", "/api/v1/admin/users",
				"{\"username\": \"contract-user\", \"password\": \"contract-password-2\", \"roles\": [\"VIEWER\"]}");
		assertThat(user.status()).as(user.text()).isEqualTo(201);
		api.get("/api/v1/admin/users/contract-user");
		assertThat(api.json("PUT", "/api/v1/admin/users/contract-user/roles", "{\"roles\": [\"VIEWER\", \"UPLOADER\"]}").status())
			.isEqualTo(200);
		assertThat(api.json("POST", "/api/v1/admin/users/contract-user/disable", null).status()).isEqualTo(200);
		assertThat(api.json("POST", "/api/v1/admin/users/contract-user/enable", null).status()).isEqualTo(200);
		assertThat(api.json("POST", "/api/v1/admin/users/contract-user/password", "{\"password\": \"contract-password-3\"}").status())
			.isEqualTo(200);
		assertThat(api.json("POST", "/api/v1/admin/users", "{\"username\": \"contract-user\", \"roles\": [\"VIEWER\"]}").status())
			.as("the account exists").isEqualTo(409);
		ContractClient.Exchange issued = api.json("POST", "/api/v1/admin/tokens",
				"{\"username\": \"contract-user\", \"roles\": [\"VIEWER\"], \"validDays\": 1, \"description\": \"contract\"}");
		assertThat(issued.status()).as(issued.text()).isEqualTo(201);
		String tokenId = issued.json().at("/details/id").asText();
		api.get("/api/v1/admin/tokens?username=contract-user&includeInactive=true");
		api.get("/api/v1/admin/tokens/" + tokenId);
		assertThat(api.json("POST", "/api/v1/admin/tokens/" + tokenId + "/revoke", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/audit?actor=contract-every-role&from=2000-01-01&size=5").json().get("total").asInt()).isPositive();

		// without credentials 401, with a wrong role 403, both as documented
		api.token(null);
		ContractClient.Exchange anonymous = api.send("GET", "/api/v1/periods", null, null, false);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
		api.token(TestTokens.token(this.context, "contract-viewer", Role.VIEWER));
		assertThat(api.get("/api/v1/audit").status()).as("a viewer does not read the audit log").isEqualTo(403);
		api.token(everyRole);

		// refusals are problems as documented
		ContractClient.Exchange malformed = api.invalid("POST", "/api/v1/evaluations", "application/json",
				"{\"period\": ".getBytes(StandardCharsets.UTF_8));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().at("/errors/0/code").asText()).isEqualTo("MALFORMED");
		ContractClient.Exchange unknownField = api.invalid("POST", "/api/v1/evaluations", "application/json",
				"{\"period\": \"2026-Q3\", \"when\": \"now\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(unknownField.json().at("/errors/0/field").asText()).isEqualTo("when");
		assertThat(unknownField.json().at("/errors/0/code").asText()).isEqualTo("UNKNOWN_FIELD");
		ContractClient.Exchange badPage = api.get("/api/v1/evaluations?page=-1");
		assertThat(badPage.status()).isEqualTo(400);
		assertThat(badPage.json().at("/errors/0/field").asText()).isEqualTo("page");
		assertThat(api.invalid("POST", "/api/v1/evaluations", "text/plain", "2026-Q3".getBytes(StandardCharsets.UTF_8)).status())
			.isEqualTo(415);
		assertThat(api.get("/api/v1/evaluations/no-such-run").status()).isEqualTo(404);

		assertThat(api.violations()).as("exchanges that differ from the document").isEmpty();
		Set<String> missing = new TreeSet<>(api.documentedOperations());
		missing.removeAll(api.covered());
		assertThat(missing).as("documented operations the test did not call").isEmpty();
	}

	@Test
	void everyHandlerOfTheApiIsInTheDocument() {
		ContractClient api = new ContractClient("http://localhost:" + this.port);
		Set<String> handlers = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> info.getPatternValues()
			.stream()
			.filter(p -> p.startsWith("/api/"))
			.forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> handlers.add(m.name() + " " + p.replace("{*", "{")))));

		assertThat(handlers).hasSizeGreaterThan(40);
		assertThat(api.documentedOperations()).containsAll(handlers);
	}

	@Test
	void theDocumentDescribesEveryOperationAndItsErrors() {
		ContractClient api = new ContractClient("http://localhost:" + this.port);
		JsonNode doc = api.document();

		assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
		assertThat(doc.at("/security/0").has("bearerAuth")).isTrue();
		assertThat(doc.at("/components/schemas/FactDocument/example/period").asText()).isEqualTo("2026-Q3");
		doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
			String name = op.getKey().toUpperCase() + " " + path.getKey();
			assertThat(op.getValue().path("summary").asText()).as(name).isNotBlank();
			assertThat(op.getValue().at("/responses/500/content/application~1problem+json/schema/$ref").asText()).as(name)
				.isEqualTo("#/components/schemas/Problem");
			assertThat(op.getValue().path("responses").has("401")).as(name).isTrue();
			if (path.getKey().contains("{")) {
				assertThat(op.getValue().path("responses").has("404")).as(name).isTrue();
			}
			if (op.getValue().has("requestBody")) {
				assertThat(op.getValue().path("responses").has("413")).as(name).isTrue();
				assertThat(op.getValue().path("responses").has("415")).as(name).isTrue();
			}
		}));
		assertThat(api.raw("GET", "/swagger-ui/index.html", null, null).status()).isEqualTo(200);
		assertThat(api.raw("GET", "/swagger-ui", null, null).status()).isIn(200, 302);
		assertThat(api.raw("GET", "/swagger-ui.html", null, null).status()).isIn(200, 302);
	}

	private static String demo(String quarter) throws IOException {
		return Files.readString(Path.of("fixtures/demo-city", quarter + ".json"));
	}

	static ObjectNode scenario() throws IOException {
		return (ObjectNode) FactJson.mapper()
			.readTree(Path.of("fixtures/scenarios/coking-plant-with-leaking-ovens-is-fined-to-the-maximum-and-suspended/2026-Q3.json")
				.toFile());
	}

}
