package org.kaohe.scenario;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every folder of {@code fixtures/scenarios} against the real {@code rules/}, and checks that the
 * scenarios exercise the whole catalogue: every rule fired by some scenario and spared by a near-miss.
 */
class ScenarioTests {

	static final Path SCENARIOS = Path.of("fixtures", "scenarios");

	private static final ScenarioRunner RUNNER = new ScenarioRunner(RuleHarness.engine(), RuleHarness.ruleset());

	@TestFactory
	List<DynamicTest> everyScenarioProducesExactlyWhatItExpects() {
		return ScenarioRunner.folders(SCENARIOS).stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
			ScenarioResult result = RUNNER.run(Scenario.read(dir));

			assertThat(result.error()).as("error").isNull();
			assertThat(result.missing()).as("expected outcomes that did not occur").isEmpty();
			assertThat(result.unexpected()).as("outcomes that were not expected").isEmpty();
			assertThat(result.forbiddenFired()).as("outcomes the near-miss forbids").isEmpty();
		})).toList();
	}

	@Test
	void everyCatalogueRuleIsFiredBySomeScenarioAndSparedByANearMiss() {
		ScenarioReport report = RUNNER.runAll(SCENARIOS);

		assertThat(report.catalogue()).hasSizeGreaterThanOrEqualTo(39);
		assertThat(report.neverFired()).as("rules no scenario fires").isEmpty();
		assertThat(report.withoutNearMiss()).as("rules without a near-miss scenario").isEmpty();
	}

	@Test
	void theFirstReleaseRuleIdsOfSpecSectionSixAllExist() {
		List<String> required = List.of("R-SITE-01", "R-SITE-02", "R-SITE-03", "R-SITE-04", "R-SITE-05", "R-SITE-06",
				"R-SITE-07", "R-SITE-08", "R-SITE-09", "R-SITE-10", "R-ROAD-01", "R-CTY-01", "R-CTY-02", "R-CTY-03",
				"R-CTY-04", "R-CTY-06", "R-CTY-07", "R-CTY-08", "R-CTY-09", "R-CTY-10", "R-CTY-11", "R-CTY-12", "R-CTY-13",
				"R-CTY-14", "R-CTY-15", "R-DEPT-01", "R-DEPT-02", "R-DEPT-04", "R-DEPT-05", "R-DEPT-06", "R-PER-01",
				"R-PER-02", "R-ENT-01", "R-ENT-02", "R-ENT-03", "R-ENT-04", "R-ENT-05", "R-ENT-06", "R-ENT-07");

		assertThat(RuleHarness.ruleset().rules()).extracting(r -> r.id()).containsAll(required);
	}

	@Test
	void aFailingScenarioIsReportedWithTheDifference() throws Exception {
		Path dir = java.nio.file.Files.createTempDirectory("scenario");
		Path copy = dir.resolve("site-fails-two-items");
		java.nio.file.Files.createDirectories(copy);
		Path source = SCENARIOS.resolve("site-fails-two-checklist-items-gets-rectification-order-and-stop-work");
		java.nio.file.Files.copy(source.resolve("2026-Q3.json"), copy.resolve("2026-Q3.json"));
		java.nio.file.Files.writeString(copy.resolve("expected.json"), """
				{"outcomes": [{"subjectId": "S0001", "ruleId": "R-SITE-02", "kind": "ORDER", "measure": "STOP_WORK", "durationDays": 30}]}
				""");

		ScenarioResult result = RUNNER.run(Scenario.read(copy));

		assertThat(result.passed()).isFalse();
		assertThat(result.missing()).singleElement().hasToString("R-SITE-02 S0001 ORDER/STOP_WORK days=30");
		assertThat(result.unexpected()).extracting(ExpectedOutcome::ruleId).contains("R-SITE-01", "R-SITE-02");
	}

}
