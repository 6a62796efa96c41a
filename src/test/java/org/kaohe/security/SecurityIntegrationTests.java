package org.kaohe.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import org.kaohe.ingest.FactJson;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix over real HTTP with real bearer tokens: every endpoint without credentials is 401,
 * with a wrong role 403, with a right role it is answered (not 401/403) — one row per endpoint in
 * {@link #TABLE}, which must name every handler mapping of the application; then sign-in, sign-out,
 * throttling, token revocation, disabled accounts and the audit log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIntegrationTests {

	/**
	 * {@code METHOD path | who}: OPEN (no credentials needed), ANY (any signed-in account) or the roles
	 * that may call it. The paths carry sample values; most name nothing stored, so the right role gets
	 * a 400 or 404 from the endpoint itself, which is what "answered" means here.
	 */
	static final String TABLE = """
			GET    /v3/api-docs                                      | OPEN
			GET    /v3/api-docs.yaml                                 | OPEN
			GET    /v3/api-docs/swagger-config                       | OPEN
			GET    /swagger-ui                                       | OPEN
			POST   /api/v1/auth/login                                | OPEN
			GET    /api/v1/auth/me                                   | ANY
			POST   /api/v1/auth/logout                               | ANY
			POST   /api/v1/facts                                     | UPLOADER
			GET    /api/v1/facts                                     | ANY
			GET    /api/v1/facts/b1                                  | ANY
			GET    /api/v1/templates                                 | ANY
			GET    /api/v1/templates.xlsx                            | ANY
			GET    /api/v1/templates/subjects.csv                    | ANY
			GET    /api/v1/periods                                   | ANY
			POST   /api/v1/evaluations                               | UPLOADER
			GET    /api/v1/evaluations                               | ANY
			GET    /api/v1/evaluations/r1                            | ANY
			GET    /api/v1/evaluations/r1/outcomes                   | ANY
			GET    /api/v1/evaluations/r1/outcomes.csv               | ANY
			GET    /api/v1/evaluations/r1/outcomes.xlsx              | ANY
			GET    /api/v1/evaluations/r1/summary                    | ANY
			GET    /api/v1/evaluations/r1/notice                     | ANY
			POST   /api/v1/evaluations/r1/replay                     | UPLOADER APPROVER
			POST   /api/v1/evaluate                                  | UPLOADER
			GET    /api/v1/rankings                                  | ANY
			GET    /api/v1/rankings/series                           | ANY
			GET    /api/v1/rankings/indicators                       | ANY
			GET    /api/v1/subjects                                  | ANY
			GET    /api/v1/subjects/C01/history                      | ANY
			GET    /api/v1/subjects/C01/why-not                      | ANY
			GET    /api/v1/outcomes/o1                               | ANY
			GET    /api/v1/outcomes/o1/explanation                   | ANY
			POST   /api/v1/outcomes/o1/appeals                       | ANY
			GET    /api/v1/appeals                                   | ANY
			GET    /api/v1/appeals/a1                                | ANY
			POST   /api/v1/appeals/a1/decision                       | APPROVER
			GET    /api/v1/rulesets/active                           | ANY
			GET    /api/v1/rulesets                                  | RULE_EDITOR APPROVER ADMIN
			GET    /api/v1/rulesets/activations                      | RULE_EDITOR APPROVER ADMIN
			GET    /api/v1/rulesets/v1                               | RULE_EDITOR APPROVER ADMIN
			GET    /api/v1/rulesets/v1/files/parameters.yaml         | RULE_EDITOR APPROVER ADMIN
			GET    /api/v1/rulesets/v1/diff                          | RULE_EDITOR APPROVER ADMIN
			POST   /api/v1/rulesets                                  | RULE_EDITOR
			POST   /api/v1/rulesets/v1/simulate                      | RULE_EDITOR APPROVER
			POST   /api/v1/rulesets/v1/activate                      | APPROVER
			POST   /api/v1/rulesets/rollback                         | APPROVER
			GET    /api/v1/webhooks                                  | ADMIN
			POST   /api/v1/webhooks                                  | ADMIN
			GET    /api/v1/webhooks/w1                               | ADMIN
			PUT    /api/v1/webhooks/w1                               | ADMIN
			DELETE /api/v1/webhooks/w1                               | ADMIN
			GET    /api/v1/webhooks/w1/deliveries                    | ADMIN
			POST   /api/v1/webhooks/w1/deliveries/d1/redeliver       | ADMIN
			POST   /api/v1/webhooks/w1/ping                          | ADMIN
			GET    /api/v1/audit                                     | ADMIN
			GET    /api/v1/admin/users                               | ADMIN
			POST   /api/v1/admin/users                               | ADMIN
			GET    /api/v1/admin/users/nobody                        | ADMIN
			PUT    /api/v1/admin/users/nobody/roles                  | ADMIN
			POST   /api/v1/admin/users/nobody/disable                | ADMIN
			POST   /api/v1/admin/users/nobody/enable                 | ADMIN
			POST   /api/v1/admin/users/nobody/password               | ADMIN
			GET    /api/v1/admin/tokens                              | ADMIN
			POST   /api/v1/admin/tokens                              | ADMIN
			GET    /api/v1/admin/tokens/t1                           | ADMIN
			POST   /api/v1/admin/tokens/t1/revoke                    | ADMIN
			""";

	private static final String PERSON = "安全测试员";

	private static final String PASSWORD = "matrix-password-1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	/** One token per role, each of an account holding that role alone. */
	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	record Row(String method, String path, boolean open, Set<Role> roles) {

		static List<Row> all() {
			List<Row> rows = new ArrayList<>();
			for (String line : TABLE.strip().split("\n")) {
				String[] halves = line.split("\\|");
				String[] call = halves[0].strip().split("\\s+");
				String who = halves[1].strip();
				Set<Role> roles = EnumSet.noneOf(Role.class);
				if (who.equals("ANY")) {
					roles.addAll(EnumSet.allOf(Role.class));
				}
				else if (!who.equals("OPEN")) {
					for (String r : who.split("\\s+")) {
						roles.add(Role.valueOf(r));
					}
				}
				rows.add(new Row(call[0], call[1], who.equals("OPEN"), roles));
			}
			return rows;
		}

	}

	record Answer(int status, String contentType, String wwwAuthenticate, JsonNode body) {

		String type() {
			return (this.body != null && this.body.has("type")) ? this.body.get("type").asText() : null;
		}

	}

	@BeforeEach
	void tokens() {
		for (Role r : Role.values()) {
			this.tokens.put(r, TestTokens.token(this.context, "matrix-" + r.name(), r));
		}
		TestTokens.person(this.context, PERSON, PASSWORD, Role.VIEWER);
	}

	@Test
	void everyEndpointIs401WithoutCredentials403WithAWrongRoleAndAnsweredWithARightRole() throws Exception {
		List<String> wrong = new ArrayList<>();
		int calls = 0;
		for (Row row : Row.all()) {
			String body = row.path().equals("/api/v1/auth/login") ? login(PERSON, PASSWORD) : "{}";
			Answer anonymous = call(row.method(), row.path(), body, null);
			Answer badToken = call(row.method(), row.path(), body, "kh_not-a-real-token");
			calls += 2;
			if (row.open()) {
				expect(wrong, row, "no credentials", anonymous.status() < 400, anonymous);
				continue;
			}
			expect(wrong, row, "no credentials", anonymous.status() == 401 && anonymous.type().endsWith("/unauthorized")
					&& anonymous.contentType().startsWith("application/problem+json") && "Bearer".equals(anonymous.wwwAuthenticate()),
					anonymous);
			expect(wrong, row, "bad token", badToken.status() == 401 && badToken.wwwAuthenticate().contains("invalid_token"), badToken);
			for (Role role : Role.values()) {
				// logout revokes the token it is called with: a token of its own
				String token = row.path().endsWith("/logout") ? TestTokens.token(this.context, "matrix-" + role.name(), role)
						: this.tokens.get(role);
				Answer a = call(row.method(), row.path(), body, token);
				calls++;
				if (row.roles().contains(role)) {
					expect(wrong, row, role + " (allowed)", a.status() != 401 && a.status() != 403 && a.status() < 500, a);
				}
				else {
					expect(wrong, row, role + " (not allowed)", a.status() == 403 && a.type().endsWith("/role-required")
							&& a.contentType().startsWith("application/problem+json"), a);
				}
			}
		}
		System.out.printf("role matrix: %d endpoints, %d calls%n", Row.all().size(), calls);
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyHandlerMappingOfTheApplicationHasARowInTheTable() {
		List<Row> rows = Row.all();
		List<String> missing = new ArrayList<>();
		int mapped = 0;
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					mapped++;
					var parsed = PathPatternParser.defaultInstance.parse(pattern);
					boolean covered = rows.stream()
						.anyMatch(r -> r.method().equals(method.name()) && parsed.matches(PathContainer.parsePath(r.path())));
					if (!covered) {
						missing.add(method + " " + pattern);
					}
				}
				if (info.getMethodsCondition().getMethods().isEmpty() && !pattern.equals("/error")) {
					missing.add("(any method) " + pattern + ": name the method");
				}
			}
		}
		assertThat(mapped).isGreaterThan(50);
		assertThat(missing).as("endpoints without a row in the role matrix test (add them to TABLE and RoleMatrix)").isEmpty();
	}

	@Test
	void theConsoleAndTheApiDocumentationAreOpenAnythingElseIsClosed() throws Exception {
		for (String open : List.of("/", "/index.html", "/login.html", "/css/console.css", "/js/api.js", "/favicon.svg",
				"/webjars/echarts/echarts.min.js")) {
			assertThat(call("GET", open, null, null).status()).as(open).isEqualTo(200);
		}
		assertThat(call("GET", "/application.properties", null, null).status()).isEqualTo(401);
		assertThat(call("GET", "/api/v1/not-an-endpoint", null, null).status()).isEqualTo(401);
		assertThat(call("GET", "/api/v1/not-an-endpoint", null, this.tokens.get(Role.ADMIN)).status())
			.as("default deny, even for an administrator").isEqualTo(403);
	}

	@Test
	void aPersonSignsInReadsWhoTheyAreAndSignsOutWhichRevokesTheToken() throws Exception {
		Answer wrongPassword = call("POST", "/api/v1/auth/login", login(PERSON, "not-the-password"), null);
		Answer unknownUser = call("POST", "/api/v1/auth/login", login("没有这个人", PASSWORD), null);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
		assertThat(wrongPassword.body().get("title").asText()).isEqualTo("用户名或密码错误 / Wrong user name or password");
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(unknownUser.body().get("title")).as("no hint which part was wrong").isEqualTo(wrongPassword.body().get("title"));
		assertThat(unknownUser.body().get("detail")).isEqualTo(wrongPassword.body().get("detail"));

		Answer signedIn = call("POST", "/api/v1/auth/login", login(PERSON, PASSWORD), null);
		assertThat(signedIn.status()).isEqualTo(200);
		String token = signedIn.body().get("token").asText();
		assertThat(token).startsWith("kh_");
		assertThat(signedIn.body().get("username").asText()).isEqualTo(PERSON);
		assertThat(signedIn.body().get("roles")).extracting(JsonNode::asText).containsExactly("VIEWER");
		assertThat(java.time.OffsetDateTime.parse(signedIn.body().get("expiresAt").asText())).isAfter(java.time.OffsetDateTime.now());

		Answer me = call("GET", "/api/v1/auth/me", null, token);
		assertThat(me.body().get("username").asText()).isEqualTo(PERSON);
		assertThat(me.body().get("roles")).extracting(JsonNode::asText).containsExactly("VIEWER");
		assertThat(call("POST", "/api/v1/auth/logout", null, token).status()).isEqualTo(204);
		assertThat(call("GET", "/api/v1/auth/me", null, token).status()).as("a revoked token").isEqualTo(401);
		assertThat(call("GET", "/api/v1/auth/me", null, null).status()).isEqualTo(401);
	}

	@Test
	void repeatedWrongPasswordsForOneNameAreThrottledEvenWithTheRightPasswordAfterwards() throws Exception {
		TestTokens.person(this.context, "被猜的人", PASSWORD, Role.VIEWER);
		for (int i = 0; i < 5; i++) {
			assertThat(call("POST", "/api/v1/auth/login", login("被猜的人", "guess-number-" + i), null).status()).isEqualTo(401);
		}

		Answer throttled = call("POST", "/api/v1/auth/login", login("被猜的人", PASSWORD), null);

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.type()).endsWith("/too-many-attempts");
		assertThat(call("POST", "/api/v1/auth/login", login(PERSON, PASSWORD), null).status()).as("other names still sign in")
			.isEqualTo(200);
	}

	@Test
	void anAdministratorIssuesTheOaSystemATokenShownOnceRevokesItAndDisablesAccounts() throws Exception {
		String admin = this.tokens.get(Role.ADMIN);
		Answer issued = call("POST", "/api/v1/admin/tokens", """
				{"username": "OA办公系统", "roles": ["UPLOADER", "VIEWER"], "validDays": 30, "description": "OA 接口",
				 "createSystemAccount": true}""", admin);
		assertThat(issued.status()).as("%s", issued.body()).isEqualTo(201);
		String oa = issued.body().get("token").asText();
		String id = issued.body().at("/details/id").asText();
		assertThat(call("POST", "/api/v1/evaluate", "{}", oa).status()).as("the OA token works").isEqualTo(400);
		Answer listed = call("GET", "/api/v1/admin/tokens?username=OA办公系统", null, admin);
		assertThat(listed.body().get("total").asInt()).isEqualTo(1);
		assertThat(listed.body().toString()).as("no secrets in the list").doesNotContain(oa).doesNotContain(TokenHashes.sha256(oa));

		assertThat(call("POST", "/api/v1/admin/tokens/" + id + "/revoke", null, admin).status()).isEqualTo(200);
		assertThat(call("POST", "/api/v1/evaluate", "{}", oa).status()).as("revoked").isEqualTo(401);

		String editor = TestTokens.token(this.context, "停用测试编辑", Role.RULE_EDITOR);
		assertThat(call("GET", "/api/v1/rulesets", null, editor).status()).isEqualTo(200);
		assertThat(call("POST", "/api/v1/admin/users/停用测试编辑/disable", null, admin).status()).isEqualTo(200);
		assertThat(call("GET", "/api/v1/rulesets", null, editor).status()).as("a disabled account's token").isEqualTo(401);
		Answer own = call("PUT", "/api/v1/admin/users/matrix-ADMIN/roles", "{\"roles\": [\"ADMIN\", \"APPROVER\"]}", admin);
		assertThat(own.status()).as("an administrator does not make themselves an approver").isEqualTo(403);
	}

	@Test
	void everyWriteIsAuditedRefusedOnesIncludedAndAdministratorsQueryIt() throws Exception {
		call("POST", "/api/v1/rulesets/v1/activate", "{}", this.tokens.get(Role.VIEWER));
		call("DELETE", "/api/v1/webhooks/w1", null, null);
		call("POST", "/api/v1/evaluate", "{}", this.tokens.get(Role.UPLOADER));

		Answer viewer = call("GET", "/api/v1/audit?actor=matrix-VIEWER&size=500", null, this.tokens.get(Role.ADMIN));
		Answer anonymous = call("GET", "/api/v1/audit?actor=anonymous&size=500", null, this.tokens.get(Role.ADMIN));
		Answer uploader = call("GET", "/api/v1/audit?actor=matrix-UPLOADER&from=2000-01-01&size=1", null, this.tokens.get(Role.ADMIN));

		assertThat(viewer.body().get("content")).anySatisfy(e -> {
			assertThat(e.get("path").asText()).isEqualTo("/api/v1/rulesets/v1/activate");
			assertThat(e.get("method").asText()).isEqualTo("POST");
			assertThat(e.get("status").asInt()).isEqualTo(403);
			assertThat(e.get("roles").asText()).isEqualTo("VIEWER");
			assertThat(e.get("address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		});
		assertThat(anonymous.body().get("content")).anySatisfy(e -> {
			assertThat(e.get("path").asText()).isEqualTo("/api/v1/webhooks/w1");
			assertThat(e.get("status").asInt()).isEqualTo(401);
		});
		assertThat(uploader.body().get("content")).singleElement().satisfies(e -> {
			assertThat(e.get("path").asText()).isEqualTo("/api/v1/evaluate");
			assertThat(e.get("status").asInt()).isEqualTo(400);
		});
		assertThat(uploader.body().get("total").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(uploader.body().get("size").asInt()).isEqualTo(1);
		assertThat(call("GET", "/api/v1/audit?from=yesterday", null, this.tokens.get(Role.ADMIN)).status()).isEqualTo(400);
	}

	private static String login(String username, String password) {
		return FactJson.mapper().createObjectNode().put("username", username).put("password", password).toString();
	}

	private static void expect(List<String> wrong, Row row, String as, boolean ok, Answer a) {
		if (!ok) {
			wrong.add(row.method() + " " + row.path() + " as " + as + ": " + a.status() + " " + a.body());
		}
	}

	private Answer call(String method, String path, String json, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URI.create("http://localhost:" + this.port + path).toASCIIString()))
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> r = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		String type = r.headers().firstValue("Content-Type").orElse("");
		JsonNode body = type.contains("json") && !r.body().isEmpty() ? FactJson.mapper().readTree(r.body()) : null;
		return new Answer(r.statusCode(), type, r.headers().firstValue("WWW-Authenticate").orElse(null), body);
	}

}
