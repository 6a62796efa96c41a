package org.kaohe.api;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.kaohe.ingest.FactJson;
import org.kaohe.system.Role;
import org.kaohe.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/evaluate} on the running service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatelessEvaluationIntegrationTests {

	private static final Path CASE = Path.of("fixtures", "scenarios",
			"county-in-monthly-bottom-three-a-second-time-this-year-is-publicly-interviewed", "2026-Q3.json");

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ApplicationContext context;

	private ResponseEntity<String> post(String body) {
		// the OA system: a system account with an UPLOADER token, as an administrator would issue it
		HttpHeaders headers = TestTokens.bearer(TestTokens.token(this.context, "OA系统", Role.UPLOADER));
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.postForEntity("/api/v1/evaluate", new HttpEntity<>(body, headers), String.class);
	}

	@Test
	void evaluatesADocumentWithoutStoringIt() throws Exception {
		ResponseEntity<String> response = post(Files.readString(CASE));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode body = FactJson.mapper().readTree(response.getBody());
		assertThat(body.get("period").asText()).isEqualTo("2026-Q3");
		assertThat(body.get("factsHash").asText()).startsWith("sha256:");
		assertThat(body.get("outcomes")).hasSize(2);
		JsonNode interview = body.get("outcomes").get(0).get("measure").asText().equals("PUBLIC_INTERVIEW")
				? body.get("outcomes").get(0) : body.get("outcomes").get(1);
		assertThat(interview.get("ruleId").asText()).isEqualTo("R-CTY-03");
		assertThat(interview.get("kind").asText()).isEqualTo("INTERVIEW");
		assertThat(interview.get("reason").asText()).contains("PM2.5 月排名 2026-07 第14名（共15个）、2026-08 第15名（共15个）", "本年度第2次");
		assertThat(interview.get("amountYuan").isNull()).isTrue();
	}

	@Test
	void acceptsEarlierPeriodsAsHistory() throws Exception {
		Path dir = Path.of("fixtures", "scenarios", "third-bottom-month-of-the-year-interviews-the-party-head");
		String body = "{\"periods\": [" + Files.readString(dir.resolve("2026-Q3.json")) + ","
				+ Files.readString(dir.resolve("2026-Q1.json")) + "]}";

		ResponseEntity<String> response = post(body);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("PARTY_HEAD").doesNotContain("PUBLIC_CRITICISM");
	}

	@Test
	void anInvalidDocumentIs400ProblemJsonListingEveryProblem() throws Exception {
		String bad = Files.readString(CASE).replace("\"rank\": 14", "\"rank\": 16").replace("\"schemaVersion\": 1",
				"\"schemaVersion\": 1, \"extra\": true");

		ResponseEntity<String> response = post("{\"periods\": [" + bad + "]}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode problem = FactJson.mapper().readTree(response.getBody());
		assertThat(problem.get("type").asText()).isEqualTo("https://kaohe.org/problems/invalid-facts");
		assertThat(problem.get("title").asText()).contains("事实文档无效").contains("Invalid fact document");
		assertThat(problem.get("errors")).hasSize(2);
		assertThat(problem.get("errors").findValuesAsText("code")).containsExactlyInAnyOrder("UNKNOWN_FIELD", "RANK_EXCEEDS_OF");
		assertThat(problem.get("errors").findValuesAsText("path")).contains("$.periods[0].rankings[0].rank");
	}

	@Test
	void malformedJsonIs400WithItsLocation() {
		ResponseEntity<String> response = post("{\"schemaVersion\": 1,,}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("MALFORMED_JSON").doesNotContain("Exception");
	}

}
