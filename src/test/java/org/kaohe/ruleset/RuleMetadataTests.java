package org.kaohe.ruleset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kaohe.engine.RuleDescriptor;
import org.kaohe.rules.RuleSource;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** What explanations know about rules beyond what the engine runs: parameters read, conditions described. */
class RuleMetadataTests {

	private static final RuleMetadata METADATA = RuleMetadata.of(RuleHarness.ruleset());

	@TempDir
	Path noScenarios;

	@Test
	void conditionsYamlDescribesEveryRuleAndNamesOnlyRealRulesAndParameters() {
		assertThat(METADATA.problems()).isEmpty();
		assertThat(RuleHarness.ruleset().rules()).allSatisfy(r -> assertThat(METADATA.conditionsFor(r))
			.as("%s#%s has no entry in conditions.yaml", r.id(), r.part())
			.isPresent());
	}

	@Test
	void aRuleReadsItsOwnParametersAndThoseOfTheFunctionsItCalls() {
		RuleDescriptor serious = rule("工地问题严重：顶格处罚并记入企业黑名单");

		assertThat(METADATA.parametersReadBy(serious.name())).containsExactly("seriousItemsK", "siteFineMaxYuan", "siteFineMinYuan");
		// only the condition decides whether it fires; the fine it imposes does not
		assertThat(METADATA.parametersDecidingFiring(serious.name())).containsExactly("seriousItemsK");
		assertThat(METADATA.parametersReadBy(rule("月排名累计进入组内后K位：通报批评，再次约谈政府主要负责人，三次约谈党委主要负责人").name()))
			.contains("monthlyRankIndicators", "monthlyBottomK", "monthlyCountWindow", "monthlyBottomLadder");
	}

	@Test
	void functionsOfARuleFileCountForTheRulesThatCallThem() {
		String drl = """
				function String gap(Parameters params) { return "" + params.integer("lagBottomK"); }
				rule "A"
				when
				    $c : County( id == gap(params) )
				then
				    outcomes.impose($c, Measure.WARNING, 1, "" + params.number("lagWarnRatio"));
				end
				rule "B"
				when
				    $c : County()
				then
				end
				""";

		Map<String, java.util.List<String>> all = RuleMetadata.readsIn(drl, false);
		Map<String, java.util.List<String>> deciding = RuleMetadata.readsIn(drl, true);

		assertThat(all.get("A")).containsExactlyInAnyOrder("lagBottomK", "lagWarnRatio");
		assertThat(deciding.get("A")).containsExactly("lagBottomK");
		assertThat(all.get("B")).isEmpty();
	}

	@Test
	void theChecksRefuseAConditionsFileNamingUnknownRulesParametersOrMeasures() throws Exception {
		Map<String, byte[]> files = new HashMap<>(RuleHarness.ruleset().source().files());
		String text = new String(files.get("conditions.yaml"), StandardCharsets.UTF_8) + """
				  R-NONE-01:
				    conditions:
				      - label: 不存在的规则
				        actual: count inspections
				        compare: ">="
				        value: 1
				  R-SITE-01#不存在的部分:
				    conditions:
				      - label: 不存在的参数
				        actual: count inspections
				        compare: ">="
				        parameter: noSuchParameter
				  R-SITE-05:
				    conditions:
				      - label: 写错的取值
				        actual: largest inspections.failedItems
				        compare: "~"
				        value: 1
				""";
		files.put("conditions.yaml", text.getBytes(StandardCharsets.UTF_8));
		Files.createDirectories(this.noScenarios);

		CheckReport report = new RulesetChecks(RuleHarness.engine(), this.noScenarios).check(RuleSource.of(files));

		assertThat(report.isPassed()).isFalse();
		assertThat(report.problems()).filteredOn(p -> p.file().equals("conditions.yaml"))
			.extracting(p -> p.code())
			.contains("UNKNOWN_RULE", "UNKNOWN_PARAMETER", "BAD_MEASURE", "BAD_COMPARE");
		assertThat(report.problems()).filteredOn(p -> p.file().equals("conditions.yaml")).allSatisfy(p -> assertThat(p.line()).isPositive());
	}

	private static RuleDescriptor rule(String name) {
		return RuleHarness.ruleset().rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
	}

}
