package org.kaohe.rules;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code rules/inspection-issues.drl}: overdue ladder, relapse, higher-level findings. */
class InspectionIssueRulesTests {

	private static FactDocs q3() {
		return FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01");
	}

	@ParameterizedTest(name = "deadline {0}, rectified {1} → {2}")
	@CsvSource(textBlock = """
			# DEADLINE,  RECTIFIED,  MEASURES (as of 2026-09-30)
			  2026-09-30, '',        ''
			  2026-09-29, '',        WRITTEN_SELF_CRITIQUE
			  2026-09-20, 2026-09-20, ''
			  2026-09-20, 2026-09-21, WRITTEN_SELF_CRITIQUE
			  2026-08-31, '',        WRITTEN_SELF_CRITIQUE
			  2026-08-30, '',        INTERVIEW
			  2026-08-01, '',        INTERVIEW
			  2026-07-31, '',        INTERVIEW;LISTED_SUPERVISION
			""")
	void overdueLadderByDays(String deadline, String rectified, String measures) {
		FactDocs q3 = q3();
		if (rectified.isEmpty()) {
			q3.issue("I-1", "C01", "2026-07-01", deadline, "objectId", "S0001");
		}
		else {
			q3.issue("I-1", "C01", "2026-07-01", deadline, "objectId", "S0001", "rectifiedOn", rectified);
		}

		assertThat(RuleHarness.evaluate(q3).measures("R-CTY-12", "C01"))
			.isEqualTo(measures.isEmpty() ? List.of() : List.of(measures.split(";")));
	}

	@Test
	void lateRectificationInAnEarlierQuarterIsNotPunishedAgain() {
		FactDocs q3 = q3().issue("I-1", "C01", "2026-04-01", "2026-04-20", "rectifiedOn", "2026-05-05");

		assertThat(RuleHarness.evaluate(q3).of("R-CTY-12")).isEmpty();
	}

	@Test
	void asOfMovesTheJudgingDay() {
		FactDocs q3 = q3().issue("I-1", "C01", "2026-07-01", "2026-09-10");

		assertThat(RuleHarness.evaluate(LocalDate.of(2026, 9, 10), q3).of("R-CTY-12")).isEmpty();
		assertThat(RuleHarness.evaluate(LocalDate.of(2026, 10, 11), q3).measures("R-CTY-12", "C01")).containsExactly("INTERVIEW");
	}

	@ParameterizedTest(name = "source {0}, closed {1} → R-DEPT-06 fires = {2}")
	@CsvSource(textBlock = """
			CENTRAL_INSPECTION,      '',         true
			PROVINCIAL_EXPERT_GROUP, '',         true
			COVERT_VISIT,            '',         true
			CITY_OFFICE,             '',         false
			PETITION,                '',         false
			PROVINCIAL_INSPECTION,   2026-09-01, false
			PROVINCIAL_INSPECTION,   2026-09-05, true
			""")
	void higherLevelFindingsLeftOpen(String source, String closed, boolean fires) {
		FactDocs q3 = q3();
		if (closed.isEmpty()) {
			q3.issue("I-1", "C01", "2026-08-01", "2026-09-01", "source", source);
		}
		else {
			q3.issue("I-1", "C01", "2026-08-01", "2026-09-01", "source", source, "rectifiedOn", closed, "closedOn", closed);
		}

		assertThat(RuleHarness.evaluate(q3).measures("R-DEPT-06", "C01"))
			.isEqualTo(fires ? List.of("INTERVIEW", "LISTED_SUPERVISION") : List.of());
	}

	@ParameterizedTest(name = "closed {0}, found again 2026-08-05 → relapse = {1}")
	@CsvSource(textBlock = """
			2026-02-06, true
			2026-02-05, false
			""")
	void relapseWindowIs180Days(String closedOn, boolean relapse) {
		FactDocs q1 = FactDocs.period("2026-Q1").county("C01", "河东区").site("S0001", "C01")
			.issue("I-1", "C01", "2026-01-10", "2026-01-20", "objectId", "S0001", "rectifiedOn", "2026-01-18", "closedOn", closedOn);
		FactDocs q3 = q3().issue("I-2", "C01", "2026-08-05", "2026-10-05", "objectId", "S0001");

		assertThat(RuleHarness.evaluate(q1, q3).of("R-CTY-13")).hasSize(relapse ? 1 : 0);
	}

	@Test
	void relapseOfAnotherCategoryIsNotARelapse() {
		FactDocs q2 = FactDocs.period("2026-Q2").county("C01", "河东区").site("S0001", "C01")
			.issue("I-1", "C01", "2026-04-10", "2026-04-20", "objectId", "S0001", "rectifiedOn", "2026-04-18", "closedOn", "2026-04-25");
		FactDocs q3 = q3().issue("I-2", "C01", "2026-08-05", "2026-10-05", "objectId", "S0001", "category", "VEHICLE");

		assertThat(RuleHarness.evaluate(q2, q3).of("R-CTY-13")).isEmpty();
	}

}
