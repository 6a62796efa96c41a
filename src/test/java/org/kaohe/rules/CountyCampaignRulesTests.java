package org.kaohe.rules;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.RuleHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code rules/county-campaigns.drl}: straw-burning fire points and emergency response. */
class CountyCampaignRulesTests {

	@ParameterizedTest(name = "fires {0} (Apr–Jun), {1} (Jul–Sep) → Q3 {2}")
	@CsvSource(textBlock = """
			# Q2 FIRES, Q3 FIRES (JUL;AUG), Q3 MEASURES
			  0,        0;0,                ''
			  0,        1;0,                FISCAL_DEDUCTION:500000;PUBLIC_CRITICISM
			  0,        3;0,                FISCAL_DEDUCTION:700000;PUBLIC_CRITICISM
			  0,        1;2,                FISCAL_DEDUCTION:200000;FISCAL_DEDUCTION:500000;PUBLIC_CRITICISM
			  2,        0;4,                FISCAL_DEDUCTION:400000
			""")
	void firstFireOfTheYearAndLaterFires(int q2Fires, String q3Fires, String measures) {
		FactDocs q2 = FactDocs.period("2026-Q2").county("C01", "河东县", "县组").measurement("C01", "2026-06", "FIRE_POINTS", q2Fires);
		String[] f = q3Fires.split(";");
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东县", "县组")
			.measurement("C01", "2026-07", "FIRE_POINTS", Double.parseDouble(f[0]))
			.measurement("C01", "2026-08", "FIRE_POINTS", Double.parseDouble(f[1]));

		assertThat(RuleHarness.evaluate(q2, q3).measures("R-CTY-10", "C01"))
			.isEqualTo(measures.isEmpty() ? List.of() : List.of(measures.split(";")));
	}

	@ParameterizedTest(name = "{0} fires on {1} mu: interview = {2}")
	@CsvSource(textBlock = """
			3, 300000, false
			3, 299999, true
			1, 100000, false
			2, 100000, true
			""")
	void fireDensityAboveTenPerMillionMu(int fires, int mu, boolean interview) {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东县", "县组", "cropAreaMu", mu)
			.measurement("C01", "2026-09", "FIRE_POINTS", fires);

		assertThat(RuleHarness.evaluate(q3).of("R-CTY-10", "C01"))
			.filteredOn(o -> o.getMeasure().name().equals("INTERVIEW"))
			.hasSize(interview ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} enterprise violations + {1} site alert earthworks → {2}")
	@CsvSource(textBlock = """
			# ENTERPRISES, SITES, R-CTY-11 MEASURES
			  2,           0,     ''
			  2,           1,     PUBLIC_CRITICISM
			  3,           2,     PUBLIC_CRITICISM
			  3,           3,     INTERVIEW;PUBLIC_CRITICISM
			""")
	void emergencyViolationsInTheTerritory(int enterprises, int sites, String measures) {
		FactDocs q1 = FactDocs.period("2026-Q1").county("C01", "河东区");
		for (int i = 1; i <= 3; i++) {
			q1.enterprise("E000" + i, "C01").site("S000" + i, "C01");
		}
		for (int i = 1; i <= enterprises; i++) {
			q1.violation("V-" + i, "E000" + i, "2026-01-12", "EMERGENCY_NONCOMPLIANCE");
		}
		for (int i = 1; i <= sites; i++) {
			q1.inspectionWith("S000" + i, "2026-01-13T10:00:00", List.of(), "alertLevel", "ORANGE", "earthworkObserved", true);
		}

		Result r = RuleHarness.evaluate(q1);

		assertThat(r.measures("R-CTY-11", "C01")).isEqualTo(measures.isEmpty() ? List.of() : List.of(measures.split(";")));
	}

}
