package org.kaohe.rules;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.RuleHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code rules/ledger-tasks.drl}: deadline misses and severe lags. */
class LedgerTaskRulesTests {

	@ParameterizedTest(name = "due {0}, {1}/100 done → R-DEPT-01 {2}, R-DEPT-02 {3}")
	@CsvSource(textBlock = """
			# DUE (asOf 2026-09-30), DONE, DEPT-01, DEPT-02
			  2026-10-01,            10,   '',      ''
			  2026-09-30,            80,   WARNING, ''
			  2026-09-23,            79.9, '',      ''
			  2026-09-23,            50,   '',      ''
			  2026-09-23,            49.9, '',      INTERVIEW;PUBLIC_CRITICISM
			  2026-08-31,            99,   WARNING, ''
			  2026-08-30,            99,   '',      INTERVIEW;PUBLIC_CRITICISM
			  2026-08-31,            100,  '',      ''
			""")
	@DisplayName("节点任务：完成率≥80%且逾期≤30天预警；完成率<50%或逾期>30天严重滞后")
	void deadlineMissAndSevereLag(String due, double done, String dept01, String dept02) {
		Result r = RuleHarness.evaluate(FactDocs.period("2026-Q3").department("D-GX", "市工信局", "INDUSTRY")
			.task("T-1", "D-GX", due, 100, done));

		assertThat(r.measures("R-DEPT-01", "D-GX")).isEqualTo(dept01.isEmpty() ? List.of() : List.of(dept01.split(";")));
		assertThat(r.measures("R-DEPT-02", "D-GX")).isEqualTo(dept02.isEmpty() ? List.of() : List.of(dept02.split(";")));
	}

	@ParameterizedTest(name = "owner {0} severely late again → {1}")
	@CsvSource(textBlock = """
			COUNTY,     FISCAL_DEDUCTION:100000;LISTED_SUPERVISION
			DEPARTMENT, LISTED_SUPERVISION
			""")
	void secondQuarterOfSevereLagEscalates(String ownerType, String measures) {
		FactDocs q2 = FactDocs.period("2026-Q2");
		FactDocs q3 = FactDocs.period("2026-Q3");
		for (FactDocs d : List.of(q2, q3)) {
			if (ownerType.equals("COUNTY")) {
				d.county("U1", "河东区");
			}
			else {
				d.department("U1", "市工信局", "INDUSTRY");
			}
		}
		q2.task("T-1", "U1", "2026-06-15", 10, 2);
		q3.task("T-1", "U1", "2026-06-15", 10, 3);

		Result r = RuleHarness.evaluate(q2, q3);

		assertThat(r.measures("R-DEPT-02", "U1")).isEqualTo(List.of(measures.split(";")));
	}

	@ParameterizedTest(name = "completedOn {0} for a task due 2026-08-31")
	@CsvSource(textBlock = """
			2026-08-31
			2026-09-15
			""")
	void completedTasksAreNeverLate(String completedOn) {
		Result r = RuleHarness.evaluate(FactDocs.period("2026-Q3").department("D-GX", "市工信局", "INDUSTRY")
			.task("T-1", "D-GX", "2026-08-31", 10, 10, "completedOn", completedOn));

		assertThat(r.firedRuleIds()).isEmpty();
	}

}
