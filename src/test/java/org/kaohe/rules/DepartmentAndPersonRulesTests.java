package org.kaohe.rules;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.RuleHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code rules/departments.drl}, {@code rules/roads.drl} and {@code rules/persons.drl}. */
class DepartmentAndPersonRulesTests {

	@ParameterizedTest(name = "self {0}, higher {1}, all compliant {2} → criticised {3}")
	@CsvSource(textBlock = """
			# SELF, HIGHER, ALL_COMPLIANT, CRITICISED
			  35,   2,      true,          false
			  35,   3,      true,          true
			  35,   11,     false,         false
			  10,   10,     false,         false
			  10,   11,     false,         true
			  0,    1,      false,         true
			""")
	void sectorSupervisionFailure(int self, int higher, boolean allCompliant, boolean criticised) {
		Result r = RuleHarness.evaluate(FactDocs.period("2026-Q3").department("D-ZJ", "市住建局", "CONSTRUCTION")
			.row("supervision", "departmentId", "D-ZJ", "selfFoundProblems", self, "higherFoundProblems", higher,
					"selfReportedAllCompliant", allCompliant));

		assertThat(r.measures("R-DEPT-04", "D-ZJ")).isEqualTo(criticised ? List.of("PUBLIC_CRITICISM") : List.of());
	}

	@ParameterizedTest(name = "road dust fail share {0} → criticised {1}")
	@CsvSource(textBlock = """
			20,    false
			20.01, true
			0.2,   false
			0.21,  true
			100,   true
			""")
	void roadDustFailShareAboveTwentyPercent(double share, boolean criticised) {
		Result r = RuleHarness.evaluate(FactDocs.period("2026-Q3").department("D-CG", "市城管局", "URBAN_MANAGEMENT")
			.measurement("D-CG", "2026-Q3", "ROAD_DUST_FAIL_SHARE", share));

		assertThat(r.measures("R-ROAD-01", "D-CG")).isEqualTo(criticised ? List.of("PUBLIC_CRITICISM") : List.of());
	}

	@ParameterizedTest(name = "first interview on {0} improved {1}, second on 2026-08-10 → held {2}")
	@CsvSource(textBlock = """
			# FIRST,     IMPROVED, HELD
			  2026-05-10, false,   true
			  2026-05-10, true,    false
			  2026-05-10, '',      false
			  2025-08-10, false,   true
			  2025-08-09, false,   false
			""")
	void repeatInterviewWithoutImprovement(String first, String improved, boolean held) {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").person("P001", "C01", "GOV_HEAD")
			.interview("P001", first, "PUBLIC_INTERVIEW", improved.isEmpty() ? null : Boolean.valueOf(improved))
			.interview("P001", "2026-08-10", "INTERVIEW", null);

		Result r = RuleHarness.evaluate(q3);

		assertThat(r.measures("R-PER-01", "P001")).isEqualTo(held ? List.of("ADMONITION_TALK", "PROMOTION_HOLD") : List.of());
		assertThat(r.measures("R-PER-02", "P001"))
			.isEqualTo(held ? List.of("ACCOUNTABILITY_REFERRAL", "NEGATIVE_RECORD") : List.of());
	}

	@Test
	void thirdInterviewIsReferredForOrganisationalMeasures() {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").person("P001", "C01", "GOV_HEAD")
			.interview("P001", "2026-01-10", "INTERVIEW", false)
			.interview("P001", "2026-05-10", "PUBLIC_INTERVIEW", false)
			.interview("P001", "2026-08-10", "INTERVIEW", null);

		assertThat(RuleHarness.evaluate(q3).measures("R-PER-01", "P001"))
			.containsExactly("ACCOUNTABILITY_REFERRAL", "ADMONITION_TALK", "PROMOTION_HOLD");
	}

	@Test
	void interviewsOfDifferentLeadersDoNotChainForTheUnit() {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区")
			.officialRank("C01", "2026-07", "PM25", 14, 15)
			.officialRank("C01", "2026-08", "PM25", 14, 15)
			.officialRank("C01", "2026-09", "PM25", 14, 15);

		Result r = RuleHarness.evaluate(q3);

		assertThat(r.measures("R-CTY-03", "C01")).containsExactly("PUBLIC_CRITICISM", "PUBLIC_INTERVIEW", "PUBLIC_INTERVIEW");
		assertThat(r.of("R-PER-01")).isEmpty();
	}

}
