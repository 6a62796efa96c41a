package org.kaohe.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version scheduled for the periods from a date: stored evaluations and stateless ones of earlier
 * periods keep the version that was in force for them, later periods get the new one, a version named
 * in the call wins, and a rollback gives the later periods back.
 */
@SpringBootTest(properties = RulesetDatabase.URL)
@AutoConfigureMockMvc
class EffectiveDatingIntegrationTests {

	private static final String RULES = RuleHarness.ruleset().version();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	RulesetApi api;

	@BeforeEach
	void twoDemoQuartersStored() throws Exception {
		this.api = new RulesetApi(this.mvc);
		StoredTables.clear(this.jdbc);
		for (String q : new String[] { "2026-Q2", "2026-Q3" }) {
			byte[] doc = Files.readAllBytes(Path.of("fixtures", "demo-city", q + ".json"));
			assertThat(this.mvc.perform(MockMvcRequestBuilders.post("/api/v1/facts").contentType(MediaType.APPLICATION_JSON).content(doc))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(201);
		}
	}

	@AfterEach
	void restore() {
		if (!this.api.activeVersion().equals(RULES)) {
			assertThat(this.api.activate(RULES, "测试后恢复 / restore after test").status()).isEqualTo(200);
		}
	}

	@Test
	void aVersionScheduledFromADateAppliesToThePeriodsStartingThenAndTheCallMayNameAnother() throws Exception {
		String v2 = higherWeeklyDeduction();

		KaoheApi.Response scheduled = this.api.activate(v2,
				"{\"reason\": \"2026年下半年起执行新的扣缴标准\", \"effectiveFrom\": \"2026-07-01\"}", RulesetApi.APPROVER);

		assertThat(scheduled.status()).as("%s", scheduled.body()).isEqualTo(200);
		assertThat(scheduled.body().at("/activation/effectiveFrom").asText()).isEqualTo("2026-07-01");
		JsonNode q2 = evaluate("{\"period\": \"2026-Q2\"}");
		JsonNode q3 = evaluate("{\"period\": \"2026-Q3\"}");
		assertThat(q2.get("rulesetVersion").asText()).isEqualTo(RULES);
		assertThat(weeklyDeductions(q2)).isNotEmpty().containsOnly(1_000_000L);
		assertThat(q3.get("rulesetVersion").asText()).isEqualTo(v2);
		assertThat(weeklyDeductions(q3)).isNotEmpty().containsOnly(1_500_000L);
		JsonNode q3UnderRules = evaluate("{\"period\": \"2026-Q3\", \"rulesetVersion\": \"" + RULES + "\"}");
		assertThat(q3UnderRules.get("rulesetVersion").asText()).isEqualTo(RULES);
		assertThat(weeklyDeductions(q3UnderRules)).containsOnly(1_000_000L);
		assertThat(this.api.get("/api/v1/evaluations/" + q3.get("runId").asText(), RulesetApi.EDITOR).body().get("rulesetVersion")
			.asText()).isEqualTo(v2);
		String q2Document = Files.readString(Path.of("fixtures", "demo-city", "2026-Q2.json"));
		String q3Document = Files.readString(Path.of("fixtures", "demo-city", "2026-Q3.json"));
		assertThat(stateless(q2Document).get("rulesetVersion").asText()).isEqualTo(RULES);
		assertThat(stateless(q3Document).get("rulesetVersion").asText()).isEqualTo(v2);
		assertThat(stateless("{\"periods\": [" + q3Document + "], \"rulesetVersion\": \"" + RULES + "\"}").get("rulesetVersion").asText())
			.isEqualTo(RULES);
		JsonNode active = this.api.get("/api/v1/rulesets/active", RulesetApi.EDITOR).body();
		assertThat(active.get("version").asText()).isEqualTo(v2);
		assertThat(active.get("schedule")).extracting(e -> e.get("version").asText()).containsExactly(RULES, v2);
		assertThat(active.at("/schedule/0/appliesTo").asText()).contains("starting before 2026-07-01");
		assertThat(active.at("/schedule/1/effectiveFrom").asText()).isEqualTo("2026-07-01");
		assertThat(this.api.get("/api/v1/rulesets/" + RULES, RulesetApi.EDITOR).body().get("state").asText()).isEqualTo("IN_USE");

		KaoheApi.Response rolledBack = this.api.rollback("新标准暂缓执行", RulesetApi.APPROVER);

		assertThat(rolledBack.status()).as("%s", rolledBack.body()).isEqualTo(200);
		assertThat(rolledBack.body().at("/activation/effectiveFrom").asText()).isEqualTo("2026-07-01");
		assertThat(evaluate("{\"period\": \"2026-Q3\"}").get("rulesetVersion").asText()).isEqualTo(RULES);
	}

	@Test
	void aStoredRunCannotBeMadeWithAVersionNeverInForceButAStatelessEvaluationCan() {
		Map<String, String> files = RulesetApi.withParameterVersion("2026-04-01", "从未启用的版本", "weeklyLastDeductionWan: 120");
		String never = this.api.upload(files, "从未启用", RulesetApi.EDITOR).body().get("version").asText();

		KaoheApi.Response refused = this.api.postJson("/api/v1/evaluations",
				"{\"period\": \"2026-Q3\", \"rulesetVersion\": \"" + never + "\"}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/ruleset-not-activatable");
		JsonNode tried = stateless("{\"periods\": [" + RulesetApi.scenarioFile(
				"county-last-in-a-week-gets-yellow-card-and-one-million-deduction", "2026-Q3.json") + "], \"rulesetVersion\": \"" + never
				+ "\"}");
		assertThat(tried.get("rulesetVersion").asText()).isEqualTo(never);
		assertThat(weeklyDeductions(tried)).containsOnly(1_200_000L);
	}

	/** The rules with R-CTY-01's deduction at 150万 from 2026-04-01, shipping the one scenario's new amount. */
	private String higherWeeklyDeduction() {
		Map<String, String> files = RulesetApi.withParameterVersion("2026-04-01", "周排名末位扣缴150万元", "weeklyLastDeductionWan: 150");
		String scenario = "county-last-in-a-week-gets-yellow-card-and-one-million-deduction";
		files.put("scenarios/" + scenario + "/expected.json",
				RulesetApi.scenarioFile(scenario, "expected.json").replace("\"amountYuan\": 1000000", "\"amountYuan\": 1500000"));
		KaoheApi.Response r = this.api.upload(files, "扣缴标准提高", RulesetApi.EDITOR);
		assertThat(r.status()).as("%s", r.body()).isIn(200, 201);
		assertThat(r.body().get("status").asText()).isEqualTo("PASSED");
		return r.body().get("version").asText();
	}

	private JsonNode evaluate(String body) {
		KaoheApi.Response r = this.api.postJson("/api/v1/evaluations", body);
		assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
		return r.body();
	}

	private JsonNode stateless(String body) {
		KaoheApi.Response r = this.api.postJson("/api/v1/evaluate", body);
		assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
		return r.body();
	}

	private static java.util.List<Long> weeklyDeductions(JsonNode run) {
		java.util.List<Long> amounts = new java.util.ArrayList<>();
		run.get("outcomes").forEach(o -> {
			if (o.get("ruleId").asText().equals("R-CTY-01") && o.get("measure").asText().equals("FISCAL_DEDUCTION")) {
				amounts.add(o.get("amountYuan").asLong());
			}
		});
		return amounts;
	}

}
