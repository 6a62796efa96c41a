package org.kaohe.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.kaohe.CityFixture;
import org.kaohe.system.Role;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.TestActors;
import org.kaohe.testing.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-person rule ({@code kaohe.rules.two-person-rule=true}, as in the {@code postgres} profile):
 * whoever stored a version may not activate it, activation and rollback need an approver, and the
 * approver sees the checks, the diff and the what-if before deciding — with test sign-ins
 * ({@link TestActors}) and with real bearer tokens. Its own database; no scenario directory, so the
 * checks are quick.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:kaohe-two-person;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
		+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=120000", "kaohe.rules.two-person-rule=true",
		"kaohe.rules.scenarios=target/no-scenarios" })
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwoPersonRuleIntegrationTests {

	private static final RequestPostProcessor EDITOR_AND_APPROVER = TestActors.as("李编辑", Role.RULE_EDITOR, Role.APPROVER);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	RulesetApi api;

	@BeforeEach
	void api() {
		this.api = new RulesetApi(this.mvc);
	}

	@Test
	void theUploaderCannotActivateTheirOwnVersionAnotherApproverCanAfterSeeingChecksDiffAndWhatIf() {
		StoredTables.clear(this.jdbc);
		new KaoheApi(this.mvc).uploadJson(CityFixture.quarter("2026-Q3"), null);
		String v2 = this.api.upload(RulesetApi.withParameterVersion("2026-07-01", "周排名末位扣缴200万元", "weeklyLastDeductionWan: 200"),
				"扣缴标准提高", EDITOR_AND_APPROVER).body().get("version").asText();

		KaoheApi.Response own = this.api.activate(v2, "{\"reason\": \"我自己上线\"}", EDITOR_AND_APPROVER);
		KaoheApi.Response notApprover = this.api.activate(v2, "{\"reason\": \"帮忙上线\"}", RulesetApi.OTHER_EDITOR);

		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/two-person-rule");
		assertThat(notApprover.status()).isEqualTo(403);
		assertThat(notApprover.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/role-required");
		assertThat(this.api.activeVersion()).isEqualTo(RuleHarness.ruleset().version());
		JsonNode review = this.api.get("/api/v1/rulesets/" + v2, RulesetApi.APPROVER).body();
		assertThat(review.at("/checks/passed").asBoolean()).isTrue();
		assertThat(review.at("/diff/0/unifiedDiff").asText()).contains("+      weeklyLastDeductionWan: 200");
		KaoheApi.Response whatIf = this.api.simulate(v2, "{\"periods\": [\"2026-Q3\"]}", RulesetApi.APPROVER);
		assertThat(whatIf.status()).as("%s", whatIf.body()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/rulesets/active", RulesetApi.APPROVER).body().get("twoPersonRule").asBoolean()).isTrue();

		KaoheApi.Response approved = this.api.activate(v2, "{\"reason\": \"已审核检查结果和预演差异\"}", RulesetApi.APPROVER);

		assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
		assertThat(approved.body().at("/activation/actor").asText()).isEqualTo("王审批");
		assertThat(this.api.rollback("编辑想回滚", RulesetApi.OTHER_EDITOR).status()).isEqualTo(403);
		assertThat(this.api.rollback("审批人回滚", RulesetApi.APPROVER).status()).isEqualTo(200);
		assertThat(this.api.activeVersion()).isEqualTo(RuleHarness.ruleset().version());
	}

	@Test
	void withRealBearerTokensTheAccountThatStoredAVersionCannotActivateItAndAnotherApproverCan() {
		RequestPostProcessor editorWhoApproves = TestTokens.bearerToken(
				TestTokens.token(this.context, "令牌编辑", Role.RULE_EDITOR, Role.APPROVER));
		RequestPostProcessor approver = TestTokens.bearerToken(TestTokens.token(this.context, "令牌审批", Role.APPROVER));
		String version = this.api.upload(RulesetApi.withParameterVersion("2027-04-01", "令牌测试", "weeklyLastDeductionWan: 190"),
				"令牌测试", editorWhoApproves).body().get("version").asText();

		KaoheApi.Response own = this.api.activate(version, "{\"reason\": \"我自己上线\"}", editorWhoApproves);
		KaoheApi.Response approved = this.api.activate(version, "{\"reason\": \"另一位审批人\"}", approver);

		assertThat(own.status()).isEqualTo(403);
		assertThat(own.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/two-person-rule");
		assertThat(approved.status()).as("%s", approved.body()).isEqualTo(200);
		assertThat(approved.body().at("/activation/actor").asText()).isEqualTo("令牌审批");
		assertThat(this.api.rollback("恢复", approver).status()).isEqualTo(200);
	}

	@Test
	void whoeverReplacedAVersionsExpectationsCannotActivateItEither() {
		Map<String, String> files = RulesetApi.withParameterVersion("2027-01-01", "2027年标准", "monthlyBottomK: 4");
		String version = this.api.upload(files, "2027年标准", RulesetApi.EDITOR).body().get("version").asText();
		files.put("scenarios/new-case/expected.json", "{\"outcomes\": []}");
		files.put("scenarios/new-case/2027-Q1.json", "{\"schemaVersion\": 1, \"period\": \"2027-Q1\", \"submittedBy\": \"测试\", \"subjects\": []}");
		RequestPostProcessor approverWhoEdits = TestActors.as("钱审批", Role.APPROVER, Role.RULE_EDITOR);
		KaoheApi.Response replaced = this.api.upload(files, "加一个场景", approverWhoEdits);
		assertThat(replaced.body().get("result").asText()).as("%s", replaced.body()).isEqualTo("EXPECTATIONS_UPDATED");

		KaoheApi.Response refused = this.api.activate(version, "{\"reason\": \"上线\"}", approverWhoEdits);

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("type").asText()).isEqualTo("https://kaohe.org/problems/two-person-rule");
	}

}
