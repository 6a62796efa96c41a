package org.kaohe.ruleset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RuleSource;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** All checks before activation, reported together. */
class RulesetChecksTests {

	private static final RulesetChecks CHECKS = new RulesetChecks(RuleHarness.engine(), Path.of("fixtures", "scenarios"));

	private static Map<String, byte[]> realFiles() {
		return new HashMap<>(RuleHarness.ruleset().source().files());
	}

	private static String text(Map<String, byte[]> files, String path) {
		return new String(files.get(path), StandardCharsets.UTF_8);
	}

	private static void put(Map<String, byte[]> files, String path, String text) {
		files.put(path, text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theRealRulesPassEveryCheck() {
		CheckReport report = CHECKS.check(RuleHarness.ruleset().source());

		assertThat(report.problems()).isEmpty();
		assertThat(report.isPassed()).isTrue();
		assertThat(report.scenariosRun()).isGreaterThan(90);
		assertThat(report.unusedParameters()).isEmpty();
	}

	@Test
	void aSyntaxErrorADuplicateIdAForbiddenCallAndAFailingScenarioAreAllReportedTogether() {
		Map<String, byte[]> files = realFiles();
		String header = "package kaohe\ndialect \"mvel\"\nimport org.kaohe.facts.*\nimport org.kaohe.outcome.*\n"
				+ "global org.kaohe.outcome.Outcomes outcomes\n";
		put(files, "broken.drl", header + "rule \"语法错误\"\n  @id(\"R-NEW-01\") @basis(\"x\")\nwhen\n  $c : County(\nthen\nend\n");
		put(files, "duplicate.drl", header + "rule \"重复编号的规则\"\n  @id(\"R-SITE-05\") @basis(\"x\")\nwhen\n  $c : County( id == \"none\" )\nthen\nend\n");
		put(files, "evil.drl", header + "rule \"越界的规则\"\n  @id(\"R-NEW-02\") @basis(\"x\")\nwhen\n  $c : County( )\nthen\n"
				+ "  Runtime.getRuntime().exec(\"id\");\nend\n");
		put(files, "parameters.yaml", text(files, "parameters.yaml").replace("      seriousItemsK: 3\n", "      seriousItemsK: 2\n"));

		CheckReport report = CHECKS.check(RuleSource.of(files));

		assertThat(report.isPassed()).isFalse();
		assertThat(report.problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("broken.drl");
			assertThat(p.code()).isEqualTo("COMPILE_ERROR");
			assertThat(p.line()).isPositive();
		});
		assertThat(report.problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("duplicate.drl");
			assertThat(p.code()).isEqualTo("DUPLICATE_ID");
			assertThat(p.line()).isEqualTo(6);
		});
		assertThat(report.problems()).anySatisfy(p -> {
			assertThat(p.file()).isEqualTo("evil.drl");
			assertThat(p.code()).isEqualTo("FORBIDDEN_CODE");
			assertThat(p.line()).isEqualTo(11);
		});
		assertThat(report.problems()).filteredOn(p -> p.code().equals("SCENARIO_FAILED"))
			.extracting(RuleProblem::file)
			.contains("fixtures/scenarios/site-fails-two-checklist-items-gets-rectification-order-and-stop-work/expected.json");
		assertThat(report.excludedFiles()).containsExactlyInAnyOrder("broken.drl", "evil.drl");
	}

	@Test
	void aParameterReadThatIsNotDeclaredIsFoundBeforeAnyEvaluation() {
		Map<String, byte[]> files = realFiles();
		put(files, "construction-sites.drl", text(files, "construction-sites.drl")
			.replace("params.integer(\"siteRectifyHours\")", "params.integer(\"siteRectifyHour\")"));

		CheckReport report = CHECKS.check(RuleSource.of(files));

		assertThat(report.problems()).filteredOn(p -> p.code().equals("UNKNOWN_PARAMETER")).isNotEmpty()
			.allSatisfy(p -> {
				assertThat(p.file()).isEqualTo("construction-sites.drl");
				assertThat(p.message()).contains("siteRectifyHour");
			});
	}

	@Test
	void aLadderWithAGapIsRefused() {
		Map<String, byte[]> files = realFiles();
		put(files, "parameters.yaml", text(files, "parameters.yaml").replace("        - {from: 2, to: 2, days: 30}\n", ""));

		CheckReport report = CHECKS.check(RuleSource.of(files));

		assertThat(report.problems()).extracting(RuleProblem::code).contains("LADDER_GAP");
	}

}
