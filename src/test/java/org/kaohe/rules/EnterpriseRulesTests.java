package org.kaohe.rules;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.RuleHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code rules/enterprises.drl} and {@code rules/one-case-four-checks.drl}. */
class EnterpriseRulesTests {

	private static FactDocs q3() {
		return FactDocs.period("2026-Q3").county("C01", "河东区").department("D-HB", "市生态环境局", "ECOLOGY")
			.enterprise("E0001", "C01", "regulatorId", "D-HB").person("P003", "C01", "DEPUTY").person("P001", "C01", "GOV_HEAD");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(textBlock = """
			# TYPE,                  RULE,     MEASURES
			  OVER_STANDARD,         R-ENT-01, FINE_REFERRAL;PRODUCTION_LIMIT
			  NO_PERMIT,             R-ENT-01, FINE_REFERRAL;PRODUCTION_LIMIT
			  COVERT_DISCHARGE,      R-ENT-02, BLACKLIST;FINE_REFERRAL_MAX:1000000;POLICE_REFERRAL;SUSPENSION
			  BYPASS,                R-ENT-02, BLACKLIST;FINE_REFERRAL_MAX:1000000;POLICE_REFERRAL;SUSPENSION
			  FACILITY_ABNORMAL,     R-ENT-02, BLACKLIST;FINE_REFERRAL_MAX:1000000;POLICE_REFERRAL;SUSPENSION
			  FUGITIVE_LEAK,         R-ENT-02, BLACKLIST;FINE_REFERRAL_MAX:200000;SUSPENSION
			  DATA_FALSIFICATION,    R-ENT-03, BLACKLIST;FINE_REFERRAL_MAX:1000000;POLICE_REFERRAL;SUSPENSION
			  SCATTERED_RESUMED,     R-ENT-06, CLOSURE_REFERRAL
			""")
	void violationTypesDecideTheMeasures(String type, String rule, String measures) {
		Result r = RuleHarness.evaluate(q3().violation("V-1", "E0001", "2026-08-03", type));

		assertThat(r.measures(rule, "E0001")).isEqualTo(List.of(measures.split(";")));
	}

	@ParameterizedTest(name = "{0} is a case for 一案四查 = {1}")
	@CsvSource(textBlock = """
			OVER_STANDARD,           true
			FUGITIVE_LEAK,           true
			DATA_FALSIFICATION,      true
			EMERGENCY_NONCOMPLIANCE, true
			SCATTERED_RESUMED,       false
			""")
	void oneCaseFourChecksFollowsSeriousCases(String type, boolean investigated) {
		Result r = RuleHarness.evaluate(q3().violation("V-1", "E0001", "2026-08-03", type));

		if (investigated) {
			assertThat(r.measures("R-DEPT-05", "E0001")).containsExactly("KEY_SUPERVISION");
			assertThat(r.measures("R-DEPT-05", "C01")).containsExactly("WRITTEN_SELF_CRITIQUE");
			assertThat(r.measures("R-DEPT-05", "D-HB")).containsExactly("WRITTEN_SELF_CRITIQUE");
			assertThat(r.measures("R-DEPT-05", "P003")).containsExactly("ACCOUNTABILITY");
			assertThat(r.of("R-DEPT-05", "P001")).as("the deputy answers, not the head").isEmpty();
			assertThat(r.of("R-DEPT-05")).allSatisfy(o -> assertThat(o.getRelatedSubject() == null
					|| o.getRelatedSubject().getId().equals("E0001")).isTrue());
		}
		else {
			assertThat(r.of("R-DEPT-05")).isEmpty();
		}
	}

	@ParameterizedTest(name = "emergency violations on {0} and {1} → second is {2}")
	@CsvSource(textBlock = """
			# FIRST,      SECOND,     SECOND IN SAME SEASON
			  2025-10-01, 2026-03-31, true
			  2025-09-30, 2025-10-01, false
			  2026-03-31, 2026-04-01, false
			""")
	void controlSeasonRunsOctoberToMarch(String first, String second, boolean sameSeason) {
		FactDocs doc = FactDocs.period(first.substring(0, 4)).county("C01", "河东区").enterprise("E0001", "C01");
		FactDocs firstDoc = FactDocs.period(first.substring(0, 4)).county("C01", "河东区").enterprise("E0001", "C01")
			.violation("V-1", "E0001", first, "EMERGENCY_NONCOMPLIANCE");
		FactDocs secondDoc = FactDocs.period(second.substring(0, 4)).county("C01", "河东区").enterprise("E0001", "C01")
			.violation("V-2", "E0001", second, "EMERGENCY_NONCOMPLIANCE");
		Result r = first.substring(0, 4).equals(second.substring(0, 4))
				? RuleHarness.evaluate(doc.violation("V-1", "E0001", first, "EMERGENCY_NONCOMPLIANCE")
					.violation("V-2", "E0001", second, "EMERGENCY_NONCOMPLIANCE"))
				: RuleHarness.evaluate(firstDoc, secondDoc);

		assertThat(r.of("R-ENT-04")).filteredOn(o -> o.getMeasure().name().equals("SUSPENSION")).hasSize(sameSeason ? 1 : 0);
	}

	@ParameterizedTest(name = "violations on {0} → blacklisted for repeats = {1}")
	@CsvSource(textBlock = """
			2025-09-30;2026-03-05;2026-08-03, true
			2025-09-29;2026-03-05;2026-08-03, false
			2026-03-05;2026-08-03,            false
			""")
	void threeViolationsWithin365DaysBlacklist(String dates, boolean blacklisted) {
		FactDocs y2025 = FactDocs.period("2025").county("C01", "河东区").enterprise("E0001", "C01");
		FactDocs y2026 = FactDocs.period("2026").county("C01", "河东区").enterprise("E0001", "C01");
		int n = 0;
		for (String d : dates.split(";")) {
			(d.startsWith("2025") ? y2025 : y2026).violation("V-" + (++n), "E0001", d, "OVER_STANDARD");
		}

		Result r = RuleHarness.evaluate(java.time.LocalDate.of(2026, 9, 30), y2025, y2026);

		assertThat(r.of("R-ENT-07", "E0001")).hasSize(blacklisted ? 1 : 0);
	}

	@Test
	void retrofitTaskOfAnEnterpriseIsItsOwnRuleNotTheDepartments() {
		Result r = RuleHarness.evaluate(q3().task("T-1", "E0001", "2026-08-31", 1, 0));

		assertThat(r.measures("R-ENT-05", "E0001")).containsExactly("RECTIFY_ORDER", "SUSPENSION");
		assertThat(r.of("R-DEPT-01")).isEmpty();
		assertThat(r.of("R-DEPT-02")).isEmpty();
	}

	@Test
	void fiscalMoneyGoesOnlyToGovernmentsAndFinesOnlyToEnterprisesAndSites() {
		Result r = RuleHarness.evaluate(q3().violation("V-1", "E0001", "2026-08-03", "COVERT_DISCHARGE")
			.officialRank("C01", "2026-W30", "PM25", 15, 15));

		assertThat(r.outcomes()).filteredOn(o -> o.getMeasure().name().startsWith("FISCAL_"))
			.allSatisfy(o -> assertThat(o.getSubject().getType().name()).isEqualTo("COUNTY"));
		assertThat(r.outcomes()).filteredOn(o -> o.getMeasure().name().contains("FINE"))
			.allSatisfy(o -> assertThat(o.getSubject().getType().name()).isIn("ENTERPRISE", "SITE"));
	}

}
