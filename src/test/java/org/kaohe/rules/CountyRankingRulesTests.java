package org.kaohe.rules;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.outcome.Outcome;
import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;
import org.kaohe.testing.RuleHarness.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of {@code rules/county-rankings.drl} and the annual-grade decision table. */
class CountyRankingRulesTests {

	private static FactDocs q3() {
		return FactDocs.period("2026-Q3").county("C01", "河东区");
	}

	@ParameterizedTest(name = "week rank {0} of 15: yellow card = {1}, bottom-3 warning = {2}")
	@CsvSource(textBlock = """
			# RANK, LAST,  BOTTOM_K
			  12,   false, false
			  13,   false, true
			  14,   false, true
			  15,   true,  true
			""")
	void weeklyLastAndBottomThree(int rank, boolean last, boolean bottom) {
		Result r = RuleHarness.evaluate(q3().officialRank("C01", "2026-W30", "PM25", rank, 15));

		assertThat(r.measures("R-CTY-01", "C01")).isEqualTo(last ? List.of("FISCAL_DEDUCTION:1000000", "YELLOW_CARD") : List.of());
		assertThat(r.measures("R-CTY-02", "C01")).isEqualTo(bottom ? List.of("WARNING") : List.of());
	}

	@Test
	@DisplayName("并列倒数第一都算末位")
	void unitsTiedForLastAreBothLast() {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").county("C02", "河西区").county("C03", "南城区")
			.measurement("C01", "2026-W30", "PM25", 50)
			.measurement("C02", "2026-W30", "PM25", 50)
			.measurement("C03", "2026-W30", "PM25", 30);

		Result r = RuleHarness.evaluate(q3);

		assertThat(r.of("R-CTY-01")).extracting(o -> o.getSubject().getId()).containsOnly("C01", "C02").hasSize(4);
	}

	@ParameterizedTest(name = "weeks {0} in bottom three → {1}")
	@CsvSource(textBlock = """
			# WEEKS IN BOTTOM THREE (of W30-W33), MEASURES
			  30,             WARNING
			  30;31,          PUBLIC_CRITICISM
			  30;32,          WARNING;WARNING
			  30;31;32;33,    PUBLIC_CRITICISM
			  30;31;33,       PUBLIC_CRITICISM;WARNING
			""")
	void consecutiveWeeksInBottomThree(String weeks, String measures) {
		FactDocs q3 = q3();
		for (int w = 30; w <= 33; w++) {
			boolean bottom = List.of(weeks.split(";")).contains(String.valueOf(w));
			q3.officialRank("C01", "2026-W" + w, "PM25", bottom ? 13 : 10, 15);
		}

		assertThat(RuleHarness.evaluate(q3).measures("R-CTY-02", "C01")).containsExactlyElementsOf(List.of(measures.split(";")));
	}

	@Test
	void consecutiveWeeksReasonNamesTheWholeChain() {
		Result r = RuleHarness.evaluate(q3().officialRank("C01", "2026-W30", "PM25", 13, 15)
			.officialRank("C01", "2026-W31", "PM25", 13, 15));

		assertThat(r.of("R-CTY-02")).singleElement()
			.satisfies(o -> assertThat(o.getReason()).contains("连续2周").contains("2026-W30 第13名（共15个）、2026-W31 第13名（共15个）"));
	}

	@ParameterizedTest(name = "bottom months {0} this year → {1}")
	@CsvSource(textBlock = """
			# BOTTOM MONTHS IN 2026, MEASURES OF R-CTY-03 IN Q3
			  07,            PUBLIC_CRITICISM
			  07;08,         PUBLIC_CRITICISM;PUBLIC_INTERVIEW>GOV_HEAD
			  07;08;09,      PUBLIC_CRITICISM;PUBLIC_INTERVIEW>GOV_HEAD;PUBLIC_INTERVIEW>PARTY_HEAD
			  02;07,         PUBLIC_INTERVIEW>GOV_HEAD
			  02;05;07,      PUBLIC_INTERVIEW>PARTY_HEAD
			""")
	void monthlyBottomCountClimbsTheLadder(String months, String expected) {
		List<String> bottom = List.of(months.split(";"));
		FactDocs q1 = FactDocs.period("2026-Q1").county("C01", "河东区");
		FactDocs q2 = FactDocs.period("2026-Q2").county("C01", "河东区");
		FactDocs q3 = q3();
		for (int m = 1; m <= 9; m++) {
			FactDocs doc = (m <= 3) ? q1 : (m <= 6) ? q2 : q3;
			doc.officialRank("C01", "2026-%02d".formatted(m), "PM25", bottom.contains("%02d".formatted(m)) ? 14 : 5, 15);
		}

		List<String> actual = RuleHarness.evaluate(q1, q2, q3).of("R-CTY-03").stream()
			.map(o -> o.getMeasure() + (o.getTargetRole() != null ? ">" + o.getTargetRole() : ""))
			.toList();

		assertThat(actual).containsExactlyInAnyOrderElementsOf(List.of(expected.split(";")));
	}

	@ParameterizedTest(name = "PM2.5 {0} vs group mean 40: deduction {1} yuan")
	@CsvSource(textBlock = """
			# VALUE, DEDUCTION_YUAN
			  40,    0
			  40.5,  50000
			  45,    500000
			  45.5,  600000
			  50,    1500000
			""")
	@DisplayName("生态补偿：超出均值0–5µg每µg 10万元，超出部分每µg 20万元")
	void ecoCompensationTiers(double value, long deduction) {
		// two counties symmetric around 40 plus the one under test keep the mean at 40 only when value == 40,
		// so the other two are chosen to make the mean exactly 40 whatever the value
		double other = (120 - value) / 2;
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").county("C02", "河西区").county("C03", "南城区")
			.measurement("C01", "2026-07", "PM10", value)
			.measurement("C02", "2026-07", "PM10", other)
			.measurement("C03", "2026-07", "PM10", other);

		List<Outcome> deductions = RuleHarness.evaluate(q3).of("R-CTY-04", "C01");

		if (deduction == 0) {
			assertThat(deductions).isEmpty();
		}
		else {
			assertThat(deductions).singleElement().extracting(Outcome::getAmountYuan).isEqualTo(deduction);
		}
	}

	@ParameterizedTest(name = "annual rank {0} of 15, exposed = {1}: veto = {2}")
	@CsvSource(textBlock = """
			12, true,  false
			13, true,  true
			13, false, false
			15, true,  true
			""")
	void annualVetoNeedsBottomThreeAndExposure(int rank, boolean exposed, boolean veto) {
		FactDocs q4 = FactDocs.period("2025-Q4").county("C01", "河东区").officialRank("C01", "2025", "ASSESSMENT_SCORE", rank, 15);
		if (exposed) {
			q4.row("exposures", "subjectId", "C01", "on", "2025-11-02", "source", "MEDIA");
		}

		assertThat(RuleHarness.evaluate(q4).measures("R-CTY-08", "C01"))
			.isEqualTo(veto ? List.of("AWARD_VETO", "PROMOTION_VETO") : List.of());
	}

	@ParameterizedTest(name = "score {0} → {1}")
	@CsvSource(textBlock = """
			# SCORE, MEASURE (empty: 合格, nothing)
			  90,    COMMENDATION
			  89.99, COMMENDATION
			  70,    COMMENDATION
			  69.99, ''
			  60,    ''
			  59.99, PUBLIC_CRITICISM
			""")
	@DisplayName("年度考核等次（决策表）")
	void annualGrades(double score, String measure) {
		FactDocs q4 = FactDocs.period("2025-Q4").county("C01", "河东区").measurement("C01", "2025", "ASSESSMENT_SCORE", score);

		assertThat(RuleHarness.evaluate(q4).measures("R-CTY-09", "C01"))
			.isEqualTo(measure.isEmpty() ? List.of() : List.of(measure));
	}

	@ParameterizedTest(name = "monthly yoy {0}% → {1}")
	@CsvSource(textBlock = """
			# JUL;AUG;SEP YOY, MEASURES
			  0;0;0,           ''
			  0.1;0;0,         WARNING
			  1;1;-1,          PUBLIC_CRITICISM;WARNING
			  1;1;1,           PUBLIC_CRITICISM;PUBLIC_INTERVIEW;REGIONAL_APPROVAL_FREEZE;WARNING
			""")
	void yearOnYearWorseningCounts(String yoy, String measures) {
		String[] changes = yoy.split(";");
		FactDocs q3 = q3();
		for (int i = 0; i < 3; i++) {
			q3.measurement("C01", "2026-0" + (7 + i), "COMPOSITE_INDEX", 5.0, "yoyChangePct", Double.parseDouble(changes[i]));
		}

		List<String> actual = RuleHarness.evaluate(q3).measures("R-CTY-06", "C01");

		assertThat(actual).isEqualTo(measures.isEmpty() ? List.of() : List.of(measures.split(";")));
	}

	@ParameterizedTest(name = "quarter ranks {0}, {1} of 15 → {2}")
	@CsvSource(textBlock = """
			12, 13, ''
			13, 13, GOV_HEAD
			15, 14, GOV_HEAD
			15, 15, GOV_HEAD;PARTY_HEAD
			""")
	void twoBadQuartersHoldLeadersAccountable(int q2Rank, int q3Rank, String targets) {
		FactDocs q2 = FactDocs.period("2026-Q2").county("C01", "河东区").officialRank("C01", "2026-Q2", "COMPOSITE_INDEX", q2Rank, 15);
		FactDocs q3 = q3().officialRank("C01", "2026-Q3", "COMPOSITE_INDEX", q3Rank, 15);

		List<String> actual = RuleHarness.evaluate(q2, q3).of("R-CTY-07").stream()
			.map(o -> o.getTargetRole().name())
			.sorted()
			.toList();

		assertThat(actual).isEqualTo(targets.isEmpty() ? List.of() : List.of(targets.split(";")));
	}

	@ParameterizedTest(name = "monthly ranks {0} → {1}")
	@CsvSource(textBlock = """
			# JUL;AUG;SEP RANK, MEASURES
			  2;4;2,            ''
			  1;4;5,            COMMENDATION;FISCAL_REWARD:500000
			  3;3;3,            CADRE_PREFERENCE;COMMENDATION;FISCAL_REWARD:1000000
			  1;2;3,            CADRE_PREFERENCE;COMMENDATION;COMMENDATION;FISCAL_REWARD:1000000;FISCAL_REWARD:500000
			""")
	void commendationsForFirstPlaceAndThreeTopMonths(String ranks, String measures) {
		String[] r = ranks.split(";");
		FactDocs q3 = q3();
		for (int i = 0; i < 3; i++) {
			q3.officialRank("C01", "2026-0" + (7 + i), "PM25", Integer.parseInt(r[i]), 15);
		}

		assertThat(RuleHarness.evaluate(q3).measures("R-CTY-15", "C01"))
			.isEqualTo(measures.isEmpty() ? List.of() : List.of(measures.split(";")));
	}

	@ParameterizedTest(name = "work-score quarters {0} → {1}")
	@CsvSource(textBlock = """
			# Q1;Q2;Q3 RANK, MEASURE IN Q3
			  5;12;13,       ''
			  5;13;13,       ADMONITION_TALK
			  13;13;13,      YELLOW_CARD
			""")
	void continuousLagLadder(String ranks, String measure) {
		String[] r = ranks.split(";");
		FactDocs q1 = FactDocs.period("2026-Q1").county("C01", "河东区").officialRank("C01", "2026-Q1", "ASSESSMENT_SCORE", Integer.parseInt(r[0]), 15);
		FactDocs q2 = FactDocs.period("2026-Q2").county("C01", "河东区").officialRank("C01", "2026-Q2", "ASSESSMENT_SCORE", Integer.parseInt(r[1]), 15);
		FactDocs q3 = q3().officialRank("C01", "2026-Q3", "ASSESSMENT_SCORE", Integer.parseInt(r[2]), 15);

		assertThat(RuleHarness.evaluate(q1, q2, q3).measures("R-CTY-14", "C01"))
			.isEqualTo(measure.isEmpty() ? List.of() : List.of(measure));
	}

	@Test
	@DisplayName("同一个月几个指标同时进入后三位只算一次")
	void aMonthCountsOnceWhateverNumberOfIndicatorsAreBottom() {
		FactDocs q3 = q3().officialRank("C01", "2026-07", "PM25", 14, 15)
			.officialRank("C01", "2026-07", "PM10", 15, 15)
			.officialRank("C01", "2026-07", "COMPOSITE_INDEX", 13, 15);

		assertThat(RuleHarness.evaluate(q3).of("R-CTY-03")).singleElement().satisfies(o -> {
			assertThat(o.getMeasure().name()).isEqualTo("PUBLIC_CRITICISM");
			assertThat(o.getReason()).contains("本年度第1次", "综合指数第13名", "PM2.5第14名", "PM10第15名");
		});
	}

	@ParameterizedTest(name = "a group of {0}: bottom three applies = {1}")
	@CsvSource(textBlock = """
			1, false
			3, false
			4, true
			""")
	void bottomThreeNeedsMoreThanThreeUnits(int of, boolean applies) {
		Result r = RuleHarness.evaluate(q3().officialRank("C01", "2026-07", "PM25", of, of));

		assertThat(r.of("R-CTY-03")).hasSize(applies ? 1 : 0);
	}

	@Test
	void evidenceOfTheMonthlyLadderIsTheCountedMonthsOnly() {
		FactDocs q4 = FactDocs.period("2025-Q4").county("C01", "河东区").officialRank("C01", "2025-12", "PM25", 14, 15);
		FactDocs q1 = FactDocs.period("2026-Q1").county("C01", "河东区").officialRank("C01", "2026-01", "PM25", 14, 15);

		assertThat(RuleHarness.evaluate(q4, q1).of("R-CTY-03")).singleElement().satisfies(o -> assertThat(o.getEvidence())
			.filteredOn(e -> "rankings".equals(e.get("table")))
			.extracting(e -> e.get("period"))
			.containsExactly("2026-01"));
	}

}
