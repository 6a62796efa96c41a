package org.kaohe.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.CityFixture;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ruleset with a rule that keeps re-activating itself, activated the normal way (it passes the
 * scenarios and the warm-up: it only loops on data they do not contain). A stored evaluation that
 * meets such data is stopped by the firing cap ({@code kaohe.engine.*}, the production defaults here),
 * answered as a {@code runaway-rules} problem naming the rule, and stores nothing: no run, no outcome,
 * no rank, no outbox event. The engine's own tests ({@code RuleEngineTests}) cover the cap and the time
 * limit on the engine alone; this is the same through {@code POST /api/v1/evaluations}.
 *
 * <p>On the ruleset tests' database ({@link RulesetDatabase}); the {@code rules/} folder is put back in
 * force after each test.
 */
@SpringBootTest(properties = RulesetDatabase.URL)
@AutoConfigureMockMvc
class RunawayRulesIntegrationTests {

	private static final String RULES = RuleHarness.ruleset().version();

	/** Loops only on a county whose name starts with 失控: no scenario and no warm-up has one. */
	private static final String LOOPING_RULE = """
			package kaohe
			dialect "mvel"
			import org.kaohe.facts.*
			import org.kaohe.outcome.*
			global org.kaohe.outcome.Outcomes outcomes
			global org.kaohe.rules.Parameters params

			rule "名称带失控的区县被反复改名（测试用的失控规则）"
			    @id("R-TEST-RUNAWAY") @basis("测试") @clause("SPEECH-2022-CITY.documents")
			when
			    $c : County( name.startsWith("失控") )
			then
			    modify($c) { setName($c.name + "!") };
			end
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	RulesetApi rulesets;

	KaoheApi api;

	@BeforeEach
	void clean() {
		this.rulesets = new RulesetApi(this.mvc);
		this.api = new KaoheApi(this.mvc);
		StoredTables.clear(this.jdbc);
	}

	@AfterEach
	void restore() {
		if (!this.rulesets.activeVersion().equals(RULES)) {
			assertThat(this.rulesets.activate(RULES, "测试后恢复 / restore after test").status()).isEqualTo(200);
		}
		StoredTables.clear(this.jdbc);
	}

	@Test
	void aRuleThatKeepsReactivatingIsStoppedReportedAndTheRunStoresNothing() {
		String looping = activatedLoopingVersion();
		this.api.uploadJson(CityFixture.quarter("2026-Q2"), null);
		assertThat(this.api.uploadJson(quarterWithATrapCounty(), null).status()).isEqualTo(201);
		Map<String, Long> before = StoredTables.counts(this.jdbc);

		KaoheApi.Response r = this.api.evaluate("2026-Q3", null);

		assertRunawayProblem(r);
		assertThat(StoredTables.counts(this.jdbc)).isEqualTo(before);
		assertThat(before).containsEntry("evaluation_run", 0L).containsEntry("outcome", 0L);
		// the period without the trap evaluates under the same version: the cap stops runaways, not rules
		JsonNode q2 = this.api.evaluate("2026-Q2", null).body();
		assertThat(q2.get("rulesetVersion").asText()).isEqualTo(looping);
		assertThat(q2.get("outcomes")).isNotEmpty();
	}

	@Test
	void theLoopingVersionNamedForAStoredRunAfterARollbackIsStoppedToo() {
		String looping = activatedLoopingVersion();
		assertThat(this.rulesets.activate(RULES, "撤回失控版本 / back to the rules folder").status()).isEqualTo(200);
		assertThat(this.api.uploadJson(quarterWithATrapCounty(), null).status()).isEqualTo(201);
		Map<String, Long> before = StoredTables.counts(this.jdbc);

		KaoheApi.Response r = this.api.evaluate("{\"period\": \"2026-Q3\", \"rulesetVersion\": \"" + looping + "\"}");

		assertRunawayProblem(r);
		assertThat(StoredTables.counts(this.jdbc)).isEqualTo(before);
		// the version in force evaluates the same facts and stores run 1
		KaoheApi.Response fine = this.api.evaluate("2026-Q3", null);
		assertThat(fine.status()).as("%s", fine.body()).isEqualTo(201);
		assertThat(fine.body().get("runNumber").asInt()).isEqualTo(1);
		assertThat(fine.body().get("rulesetVersion").asText()).isEqualTo(RULES);
	}

	private void assertRunawayProblem(KaoheApi.Response r) {
		assertThat(r.status()).as("%s", r.body()).isEqualTo(422);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.body().get("type").asText()).endsWith("runaway-rules");
		assertThat(r.body().get("title").asText()).contains("规则失控").contains("Runaway");
		assertThat(r.body().get("detail").asText()).contains("上限").contains("R-TEST-RUNAWAY");
		assertThat(r.body().get("errors").isArray()).isTrue();
		assertThat(r.body().toString()).doesNotContain("at org.").doesNotContain("Exception");
	}

	/** The real rules plus the looping rule, stored and activated like any version (its checks pass). */
	private String activatedLoopingVersion() {
		Map<String, String> files = RulesetApi.realFiles();
		files.put("runaway-test.drl", LOOPING_RULE);
		KaoheApi.Response stored = this.rulesets.upload(files, "失控规则测试", RulesetApi.EDITOR);
		assertThat(stored.status()).as("%s", stored.body()).isIn(200, 201);
		String version = stored.body().get("version").asText();
		KaoheApi.Response activated = this.rulesets.activate(version, "失控规则测试");
		assertThat(activated.status()).as("%s", activated.body()).isEqualTo(200);
		return version;
	}

	/** The city's 2026-Q3 with one county renamed so the looping rule loops. */
	private static ObjectNode quarterWithATrapCounty() {
		ObjectNode q3 = CityFixture.quarter("2026-Q3");
		for (JsonNode s : (ArrayNode) q3.get("subjects")) {
			if (s.get("id").asText().equals("C06")) {
				((ObjectNode) s).put("name", "失控测试区");
			}
		}
		return q3;
	}

}
