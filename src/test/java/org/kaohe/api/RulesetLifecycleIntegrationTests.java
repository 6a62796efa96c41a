package org.kaohe.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.Zips;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ruleset lifecycle through REST: the {@code rules/} folder as the first version, uploads with every
 * check, diffs, activation, forcing past failing scenarios, shipping new expectations, rollback and
 * the audit log. On the ruleset tests' own database ({@link RulesetDatabase}); each test leaves the
 * {@code rules/} folder in force.
 */
@SpringBootTest(properties = RulesetDatabase.URL)
@AutoConfigureMockMvc
class RulesetLifecycleIntegrationTests {

	private static final String RULES = RuleHarness.ruleset().version();

	/** Changes R-CTY-02's consecutive weeks from 2 to 3: exactly two scenarios expect otherwise. */
	private static final String N3 = "consecutiveWeeksN: 3";

	private static final List<String> N3_SCENARIOS = List.of("county-in-bottom-three-two-weeks-running-is-criticised",
			"bottom-three-run-across-the-quarter-boundary-counts");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	RulesetApi api;

	@BeforeEach
	void api() {
		this.api = new RulesetApi(this.mvc);
	}

	/** Every test leaves the rules folder in force for the next. */
	@AfterEach
	void restore() {
		if (!this.api.activeVersion().equals(RULES)) {
			assertThat(this.api.activate(RULES, "测试后恢复 / restore after test").status()).isEqualTo(200);
		}
	}

	@Test
	void theRulesFolderIsTheFirstVersionInForce() {
		JsonNode active = this.api.get("/api/v1/rulesets/active", RulesetApi.EDITOR).body();

		assertThat(active.get("version").asText()).isEqualTo(RULES);
		assertThat(active.get("rules").asInt()).isEqualTo(RuleHarness.ruleset().rules().size());
		assertThat(active.at("/since/actor").asText()).isEqualTo("system");
		assertThat(active.at("/schedule/0/appliesTo").asText()).contains("every period");
		JsonNode version = this.api.get("/api/v1/rulesets/" + RULES, RulesetApi.EDITOR).body();
		assertThat(version.at("/version/origin").asText()).isEqualTo("DIRECTORY");
		assertThat(version.at("/version/status").asText()).isEqualTo("PASSED");
		assertThat(version.at("/checks/scenariosRun").asInt()).isGreaterThan(90);
		assertThat(version.get("files")).extracting(f -> f.get("path").asText()).contains("parameters.yaml", "construction-sites.drl",
				"README.md");
		String shortVersion = RULES.substring("sha256:".length(), "sha256:".length() + 12);
		KaoheApi.Response file = this.api.get("/api/v1/rulesets/" + shortVersion + "/files/parameters.yaml", RulesetApi.EDITOR);
		assertThat(file.status()).isEqualTo(200);
		assertThat(new String(file.bytes(), StandardCharsets.UTF_8)).isEqualTo(RulesetApi.realFiles().get("parameters.yaml"));
	}

	@Test
	void anUploadWithASyntaxErrorADuplicateIdForbiddenCodeAndAFailingScenarioIsRefusedWithAllFourLocated() {
		Map<String, String> files = RulesetApi.realFiles();
		String header = "package kaohe\ndialect \"mvel\"\nimport org.kaohe.facts.*\nimport org.kaohe.outcome.*\n"
				+ "global org.kaohe.outcome.Outcomes outcomes\n";
		files.put("broken.drl", header + "rule \"语法错误\"\n  @id(\"R-NEW-01\") @basis(\"x\") @clause(\"x\")\nwhen\n  $c : County(\nthen\nend\n");
		files.put("duplicate.drl", header + "rule \"重复编号的规则\"\n  @id(\"R-SITE-05\") @basis(\"x\")\nwhen\n  $c : County( id == \"none\" )\n"
				+ "then\nend\n");
		files.put("evil.drl", header + "import java.io.File\nrule \"越界的规则\"\n  @id(\"R-NEW-02\") @basis(\"x\")\nwhen\n  $c : County( )\nthen\n"
				+ "  Runtime.getRuntime().exec(\"id\");\nend\n");
		files.put("parameters.yaml", files.get("parameters.yaml").replace("      seriousItemsK: 3\n", "      seriousItemsK: 2\n"));

		KaoheApi.Response r = this.api.upload(files, "四个错误", RulesetApi.EDITOR);

		assertThat(r.status()).as("%s", r.body()).isEqualTo(422);
		assertThat(r.contentType()).contains("application/problem+json");
		assertThat(r.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/invalid-rules");
		assertThat(r.body().get("versionStatus").asText()).isEqualTo("FAILED");
		JsonNode errors = r.body().get("errors");
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("file").asText()).isEqualTo("broken.drl");
			assertThat(e.get("code").asText()).isEqualTo("COMPILE_ERROR");
			assertThat(e.get("line").asInt()).isPositive();
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("file").asText()).isEqualTo("duplicate.drl");
			assertThat(e.get("code").asText()).isEqualTo("DUPLICATE_ID");
			assertThat(e.get("line").asInt()).isEqualTo(6);
			assertThat(e.get("ruleId").asText()).isEqualTo("R-SITE-05");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("file").asText()).isEqualTo("evil.drl");
			assertThat(e.get("code").asText()).isEqualTo("FORBIDDEN_IMPORT");
			assertThat(e.get("line").asInt()).isEqualTo(6);
			assertThat(e.get("column").asInt()).isEqualTo(8);
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("file").asText()).isEqualTo("evil.drl");
			assertThat(e.get("code").asText()).isEqualTo("FORBIDDEN_CODE");
			assertThat(e.get("line").asInt()).isEqualTo(12);
			assertThat(e.get("message").asText()).contains("Runtime");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.get("code").asText()).isEqualTo("SCENARIO_FAILED");
			assertThat(e.get("file").asText()).isEqualTo(
					"fixtures/scenarios/site-fails-two-checklist-items-gets-rectification-order-and-stop-work/expected.json");
		});
		String rejected = r.body().get("version").asText();
		assertThat(this.api.get("/api/v1/rulesets/" + rejected, RulesetApi.EDITOR).body().get("state").asText()).isEqualTo("REJECTED");
		KaoheApi.Response activation = this.api.activate(rejected, "{\"reason\": \"试试\", \"force\": true}", RulesetApi.APPROVER);
		assertThat(activation.status()).isEqualTo(422);
		assertThat(activation.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/ruleset-not-activatable");
		assertThat(this.api.activeVersion()).isEqualTo(RULES);
		KaoheApi.Response evaluated = this.api.postJson("/api/v1/evaluate", RulesetApi.scenarioFile(
				"site-fails-two-checklist-items-gets-rectification-order-and-stop-work", "2026-Q3.json"));
		assertThat(evaluated.status()).isEqualTo(200);
		assertThat(evaluated.body().get("rulesetVersion").asText()).isEqualTo(RULES);
	}

	@Test
	void aDatedParameterChangeIsStoredWithItsDiffGoesLiveAndRollsBackInOneCall() {
		long logBefore = log().get("total").asLong();
		KaoheApi.Response r = this.api.upload(RulesetApi.withParameterVersion("2027-01-01", "2027年起周排名末位扣缴150万元",
				"weeklyLastDeductionWan: 150"), "2027年扣缴标准提高", RulesetApi.EDITOR);

		assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
		String v2 = r.body().get("version").asText();
		assertThat(r.header("Location")).isEqualTo("/api/v1/rulesets/" + v2);
		assertThat(r.body().get("status").asText()).isEqualTo("PASSED");
		assertThat(r.body().get("parentVersion").asText()).isEqualTo(RULES);
		assertThat(r.body().get("diff")).singleElement().satisfies(d -> {
			assertThat(d.get("path").asText()).isEqualTo("parameters.yaml");
			assertThat(d.get("change").asText()).isEqualTo("MODIFIED");
			assertThat(d.get("linesAdded").asInt()).isEqualTo(4);
			assertThat(d.get("linesRemoved").asInt()).isZero();
			assertThat(d.get("unifiedDiff").asText()).startsWith("--- a/parameters.yaml\n+++ b/parameters.yaml\n@@")
				.contains("+      weeklyLastDeductionWan: 150\n");
		});
		JsonNode detail = this.api.get("/api/v1/rulesets/" + v2, RulesetApi.APPROVER).body();
		assertThat(detail.get("state").asText()).isEqualTo("CANDIDATE");
		assertThat(detail.at("/version/author").asText()).isEqualTo("李编辑");
		assertThat(detail.at("/version/comment").asText()).isEqualTo("2027年扣缴标准提高");
		assertThat(this.api.get("/api/v1/rulesets/active", RulesetApi.APPROVER).body().get("awaitingApproval"))
			.extracting(v -> v.get("version").asText()).contains(v2);
		assertThat(this.api.get("/api/v1/rulesets/" + v2 + "/diff?against=active", RulesetApi.APPROVER).body().get("files"))
			.hasSize(1);
		KaoheApi.Response again = this.api.upload(RulesetApi.withParameterVersion("2027-01-01", "2027年起周排名末位扣缴150万元",
				"weeklyLastDeductionWan: 150"), "再传一次", RulesetApi.EDITOR);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("result").asText()).isEqualTo("ALREADY_STORED");

		KaoheApi.Response activated = this.api.activate(v2, "{\"reason\": \"经局务会审议通过\"}", RulesetApi.APPROVER);

		assertThat(activated.status()).as("%s", activated.body()).isEqualTo(200);
		assertThat(activated.body().get("versionInForce").asText()).isEqualTo(v2);
		assertThat(activated.body().at("/activation/previousVersion").asText()).isEqualTo(RULES);
		assertThat(this.api.activeVersion()).isEqualTo(v2);

		KaoheApi.Response rolledBack = this.api.rollback("发现问题，回滚", RulesetApi.APPROVER);

		assertThat(rolledBack.status()).as("%s", rolledBack.body()).isEqualTo(200);
		assertThat(rolledBack.body().get("versionInForce").asText()).isEqualTo(RULES);
		assertThat(this.api.activeVersion()).isEqualTo(RULES);
		JsonNode entries = log().get("content");
		assertThat(log().get("total").asLong()).isEqualTo(logBefore + 2);
		JsonNode rollback = entries.get(0);
		JsonNode activation = entries.get(1);
		assertThat(rollback.get("action").asText()).isEqualTo("ROLLBACK");
		assertThat(rollback.get("actor").asText()).isEqualTo("王审批");
		assertThat(rollback.get("reason").asText()).isEqualTo("发现问题，回滚");
		assertThat(rollback.get("previousVersion").asText()).isEqualTo(v2);
		assertThat(rollback.get("version").asText()).isEqualTo(RULES);
		assertThat(rollback.get("revertsSeq").asLong()).isEqualTo(activation.get("seq").asLong());
		assertThat(activation.get("revokedBySeq").asLong()).isEqualTo(rollback.get("seq").asLong());
		assertThat(activation.get("reason").asText()).isEqualTo("经局务会审议通过");
		assertThat(activation.get("forced").asBoolean()).isFalse();
		assertThat(this.api.get("/api/v1/rulesets/" + v2, RulesetApi.APPROVER).body().get("state").asText()).isEqualTo("RETIRED");
	}

	@Test
	void failingScenariosBlockActivationUnlessForcedWithAReason() {
		Map<String, String> files = RulesetApi.withParameterVersion("2026-07-01", "连续3周靠后才通报", N3);

		KaoheApi.Response r = this.api.upload(files, "连续周数改为3", RulesetApi.EDITOR);

		assertThat(r.status()).isEqualTo(422);
		assertThat(r.body().get("versionStatus").asText()).isEqualTo("SCENARIO_FAILURES");
		assertThat(r.body().get("errors")).extracting(e -> e.get("file").asText())
			.containsExactlyInAnyOrderElementsOf(N3_SCENARIOS.stream().map(s -> "fixtures/scenarios/" + s + "/expected.json").toList());
		String version = r.body().get("version").asText();
		KaoheApi.Response unforced = this.api.activate(version, "{\"reason\": \"上线\"}", RulesetApi.APPROVER);
		assertThat(unforced.status()).isEqualTo(422);
		assertThat(unforced.body().get("detail").asText()).contains("force");
		assertThat(this.api.activate(version, "{\"force\": true}", RulesetApi.APPROVER).status()).isEqualTo(400);

		KaoheApi.Response forced = this.api.activate(version, "{\"reason\": \"结论变化是有意的\", \"force\": true}", RulesetApi.APPROVER);

		assertThat(forced.status()).as("%s", forced.body()).isEqualTo(200);
		assertThat(forced.body().at("/activation/forced").asBoolean()).isTrue();
		assertThat(forced.body().at("/activation/reason").asText()).isEqualTo("结论变化是有意的");
		assertThat(this.api.activeVersion()).isEqualTo(version);
		// once in force, what it was checked against is history: its expectations can no longer change
		KaoheApi.Response reshipped = this.api.upload(withNewExpectations(files), "附新的场景预期", RulesetApi.EDITOR);
		assertThat(reshipped.status()).as("%s", reshipped.body()).isEqualTo(409);
	}

	@Test
	void shippedExpectationsReplaceThoseOfAVersionNeverInForceAndMakeItPass() {
		Map<String, String> files = RulesetApi.withParameterVersion("2026-07-01", "连续3周靠后才通报（另一版）", N3);
		KaoheApi.Response first = this.api.upload(files, "未附预期", RulesetApi.EDITOR);
		assertThat(first.body().get("versionStatus").asText()).isEqualTo("SCENARIO_FAILURES");

		KaoheApi.Response second = this.api.upload(withNewExpectations(files), "附预期", RulesetApi.OTHER_EDITOR);

		assertThat(second.status()).as("%s", second.body()).isEqualTo(201);
		assertThat(second.body().get("result").asText()).isEqualTo("EXPECTATIONS_UPDATED");
		assertThat(second.body().get("status").asText()).isEqualTo("PASSED");
		assertThat(second.body().get("version").asText()).isEqualTo(first.body().get("version").asText());
		assertThat(second.body().get("diff")).extracting(d -> d.get("path").asText())
			.containsExactlyInAnyOrder("parameters.yaml", "scenarios/" + N3_SCENARIOS.get(0) + "/expected.json",
					"scenarios/" + N3_SCENARIOS.get(1) + "/expected.json");
		JsonNode detail = this.api.get("/api/v1/rulesets/" + first.body().get("version").asText(), RulesetApi.APPROVER).body();
		assertThat(detail.at("/version/status").asText()).isEqualTo("PASSED");
		assertThat(detail.at("/version/expectationsUpdatedBy").asText()).isEqualTo("赵编辑");
		assertThat(detail.get("state").asText()).isEqualTo("CANDIDATE");
	}

	/** The two scenarios N = 3 changes, expecting the single-week warning instead of the criticism. */
	private static Map<String, String> withNewExpectations(Map<String, String> files) {
		Map<String, String> shipped = new java.util.HashMap<>(files);
		for (String s : N3_SCENARIOS) {
			shipped.put("scenarios/" + s + "/expected.json",
					RulesetApi.scenarioFile(s, "expected.json").replace("PUBLIC_CRITICISM", "WARNING"));
		}
		return shipped;
	}

	@Test
	void aZipOfTheRulesFolderIsAVersionLikeAnyOther() throws Exception {
		Map<String, byte[]> entries = new java.util.TreeMap<>();
		RulesetApi.withParameterVersion("2027-07-01", "压缩包上传", "monthlyBottomK: 4")
			.forEach((p, t) -> entries.put("rules/" + p, t.getBytes(StandardCharsets.UTF_8)));

		KaoheApi.Response r = this.api.uploadZip(Zips.zip(entries), "zip", RulesetApi.EDITOR);

		assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
		assertThat(r.body().get("diff")).extracting(d -> d.get("path").asText()).containsExactly("parameters.yaml");
		KaoheApi.Response raw = this.api.uploadRawZip(Zips.zip(entries), "同一个包，直接作为请求体", RulesetApi.EDITOR);
		assertThat(raw.status()).as("%s", raw.body()).isEqualTo(200);
		assertThat(raw.body().get("result").asText()).isEqualTo("ALREADY_STORED");
		assertThat(raw.body().get("version").asText()).isEqualTo(r.body().get("version").asText());
	}

	@Test
	void unsafeArchivesAreRefusedAndNothingIsStored() throws Exception {
		long versions = count("ruleset_version");
		List<KaoheApi.Response> refusals = new ArrayList<>();
		refusals.add(this.api.uploadZip(Zips.zip(Map.of("../evil.drl", "x".getBytes(StandardCharsets.UTF_8))), "", RulesetApi.EDITOR));
		refusals.add(this.api.uploadZip(Zips.bomb("parameters.yaml", 4), "", RulesetApi.EDITOR));
		refusals.add(this.api.uploadZip(Zips.zip(Map.of("parameters.yaml", "名称".getBytes(java.nio.charset.Charset.forName("GB18030")))),
				"", RulesetApi.EDITOR));
		refusals.add(this.api.upload(Map.of("C:/rules/a.drl", "x"), "", RulesetApi.EDITOR));

		assertThat(refusals).allSatisfy(r -> {
			assertThat(r.status()).isEqualTo(400);
			assertThat(r.contentType()).contains("application/problem+json");
			assertThat(r.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/invalid-rule-archive");
			assertThat(r.body().get("errors")).isNotEmpty();
		});
		assertThat(refusals).extracting(r -> r.body().at("/errors/0/code").asText())
			.containsExactly("PATH_TRAVERSAL", "COMPRESSION_RATIO", "NOT_UTF8", "DRIVE_LETTER");
		assertThat(count("ruleset_version")).isEqualTo(versions);
		assertThat(Files.exists(Path.of("evil.drl"))).isFalse();
	}

	@Test
	void badRequestsAreAnsweredWithProblems() {
		assertThat(this.api.get("/api/v1/rulesets/sha256:0123456789abcdef", RulesetApi.EDITOR).status()).isEqualTo(404);
		assertThat(this.api.activate("sha256:0123456789abcdef", "{\"reason\": \"x\"}", RulesetApi.APPROVER).status()).isEqualTo(404);
		assertThat(this.api.activate(RULES, "{\"reason\": \"x\", \"effectiveFrom\": \"明年\"}", RulesetApi.APPROVER).status())
			.isEqualTo(400);
		assertThat(this.api.activate(RULES, "{\"reason\": \"x\", \"when\": 1}", RulesetApi.APPROVER).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/rulesets/" + RULES + "/files/nothing.drl", RulesetApi.EDITOR).status()).isEqualTo(404);
		assertThat(this.api.simulate(RULES, "{\"periods\": [\"2031-Q1\"]}", RulesetApi.EDITOR).body().get("type").asText())
			.isEqualTo("https://kaohe.org/problems/not-evaluable");
		assertThat(this.api.simulate(RULES, "{\"periods\": []}", RulesetApi.EDITOR).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/rulesets?size=501", RulesetApi.EDITOR).status()).isEqualTo(400);
		assertThat(this.api.get("/api/v1/rulesets?size=1", RulesetApi.EDITOR).body().get("size").asInt()).isEqualTo(1);
	}

	private JsonNode log() {
		return this.api.get("/api/v1/rulesets/activations?size=10", RulesetApi.APPROVER).body();
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

}
