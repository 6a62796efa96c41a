package org.kaohe.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.kaohe.outcome.Measure;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rules/README.md} is what policy staff read: its tables must not drift from the rules. */
class RulesReadmeTests {

	private static String readme() throws IOException {
		return Files.readString(Path.of("rules", "README.md"));
	}

	@Test
	void everyRuleIdIsListedWithItsName() throws IOException {
		String readme = readme();

		assertThat(RuleHarness.ruleset().rules()).allSatisfy(r -> {
			assertThat(readme).contains("| " + r.id() + " |");
			assertThat(readme).contains(r.name());
		});
	}

	@Test
	void everyMeasureCodeIsListed() throws IOException {
		String readme = readme();

		for (Measure m : Measure.values()) {
			assertThat(readme).contains("| `" + m.name() + "` | " + m.getLabel() + " |");
		}
	}

	@Test
	void theWorkedExampleOfANewRuleCompilesAndFires() throws IOException {
		String readme = readme();
		String drl = readme.substring(readme.indexOf("   rule \"工地在线监测设备未联网"), readme.indexOf("   end\n") + 7)
			.replaceAll("(?m)^   ", "");
		String definition = readme.substring(readme.indexOf("     monitoringRectifyDays:"), readme.indexOf("rules: [R-SITE-11]") + 18)
			.replaceAll("(?m)^   ", "");
		java.util.Map<String, byte[]> files = new java.util.HashMap<>(RuleHarness.ruleset().source().files());
		String sites = new String(files.get("construction-sites.drl"), java.nio.charset.StandardCharsets.UTF_8);
		files.put("construction-sites.drl", (sites + "\n" + drl).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String parameters = new String(files.get("parameters.yaml"), java.nio.charset.StandardCharsets.UTF_8)
			.replace("definitions:\n", "definitions:\n" + definition + "\n")
			.replace("      siteRectifyHours: 24\n", "      siteRectifyHours: 24\n      monitoringRectifyDays: 3\n");
		files.put("parameters.yaml", parameters.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		org.kaohe.engine.Ruleset extended = org.kaohe.engine.RuleEngine.compile(RuleSource.of(files));

		org.kaohe.facts.FactDocument q3 = new org.kaohe.ingest.FactDocumentReader(extended::validationContext).read(
				org.kaohe.testing.FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01")
					.inspection("S0001", "2026-08-11T10:00:00", "MONITORING").tree(),
				org.kaohe.ingest.RowLocator.JSON);
		var outcomes = RuleHarness.engine().evaluate(extended, org.kaohe.engine.EvaluationRequest.of(q3)).outcomes();

		assertThat(outcomes).filteredOn(o -> o.getRuleId().equals("R-SITE-11")).singleElement().satisfies(o -> {
			assertThat(o.getMeasure()).isEqualTo(Measure.RECTIFY_ORDER);
			assertThat(o.getDurationDays()).isEqualTo(3);
			assertThat(o.getBasis()).contains("第X条");
		});
	}

	@Test
	void everyRuleFileIsDescribed() throws IOException {
		String readme = readme();

		RuleHarness.ruleset().source().files().keySet().stream()
			.filter(RuleSource::affectsOutcomes)
			.forEach(f -> assertThat(readme).contains("`" + f + "`"));
	}

}
