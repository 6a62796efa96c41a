package org.kaohe.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.rules.RuleSource;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Policy staff change a threshold by editing {@code parameters.yaml}, not Java: changing the
 * consecutive-weeks N from 2 to 3 changes the scenario about consecutive weeks, and no other.
 */
class ParameterChangeTests {

	@Test
	void changingConsecutiveWeeksChangesOnlyTheConsecutiveWeekScenarios(@TempDir Path dir) throws IOException {
		copyRules(dir);
		Path parameters = dir.resolve("parameters.yaml");
		String text = Files.readString(parameters);
		assertThat(text).contains("      consecutiveWeeksN: 2\n");
		Files.writeString(parameters, text + """
				  - validFrom: 2026-07-01
				    comment: 连续靠后周数改为3周（测试）
				    values:
				      consecutiveWeeksN: 3
				""");
		Ruleset changed = RuleEngine.compile(RuleSource.fromDirectory(dir));

		Map<String, String> before = outcomesByScenario(RuleHarness.ruleset());
		Map<String, String> after = outcomesByScenario(changed);

		Map<String, String> differing = new TreeMap<>();
		before.forEach((name, outcomes) -> {
			if (!outcomes.equals(after.get(name))) {
				differing.put(name, outcomes + " → " + after.get(name));
			}
		});
		assertThat(differing.keySet()).containsExactlyInAnyOrder("county-in-bottom-three-two-weeks-running-is-criticised",
				"bottom-three-run-across-the-quarter-boundary-counts");
		assertThat(differing.get("county-in-bottom-three-two-weeks-running-is-criticised"))
			.isEqualTo("[R-CTY-02 C01 WARNING/PUBLIC_CRITICISM] → [R-CTY-02 C01 WARNING/WARNING]");
	}

	private static Map<String, String> outcomesByScenario(Ruleset ruleset) {
		ScenarioRunner runner = new ScenarioRunner(RuleHarness.engine(), ruleset);
		Map<String, String> result = new TreeMap<>();
		for (Path dir : ScenarioRunner.folders(ScenarioTests.SCENARIOS)) {
			Scenario s = Scenario.read(dir);
			Scenario everything = new Scenario(s.name(), s.documents(), s.description(), s.asOf(), true, java.util.List.of(),
					java.util.List.of());
			result.put(s.name(), runner.run(everything).unexpected().stream()
				.map(e -> e.ruleId() + " " + e.subjectId() + " " + e.kind() + "/" + e.measure())
				.sorted()
				.toList()
				.toString());
		}
		return result;
	}

	private static void copyRules(Path target) throws IOException {
		try (Stream<Path> files = Files.walk(RuleHarness.RULES)) {
			for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				Path to = target.resolve(RuleHarness.RULES.relativize(p).toString());
				Files.createDirectories(to.getParent());
				Files.copy(p, to);
			}
		}
	}

}
