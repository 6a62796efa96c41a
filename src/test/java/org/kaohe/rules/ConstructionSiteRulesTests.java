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

/** The rules of {@code rules/construction-sites.drl}, at the boundaries of their thresholds. */
class ConstructionSiteRulesTests {

	private static FactDocs city(String period) {
		return FactDocs.period(period)
			.county("C01", "河东区")
			.department("D-ZJ", "市住建局", "CONSTRUCTION")
			.enterprise("E0002", "C01", "industry", "CONSTRUCTION")
			.site("S0001", "C01", "builderId", "E0002", "regulatorId", "D-ZJ");
	}

	@ParameterizedTest(name = "{0} failed item(s): R-SITE-08 fires = {1}")
	@CsvSource(textBlock = """
			# FAILED_ITEMS, SERIOUS
			  1,            false
			  2,            false
			  3,            true
			  7,            true
			""")
	@DisplayName("问题严重：一次检查不达标项达到3项即顶格处罚")
	void seriousCaseNeedsThreeFailedItems(int failedItems, boolean serious) {
		String[] failed = FactDocs.ITEMS.subList(0, failedItems).toArray(String[]::new);

		Result r = RuleHarness.evaluate(city("2026-Q3").inspection("S0001", "2026-08-11T10:00:00", failed));

		assertThat(r.firedRuleIds()).contains("R-SITE-01", "R-SITE-02");
		assertThat(r.of("R-SITE-08")).hasSize(serious ? 2 : 0);
		if (serious) {
			assertThat(r.measures("R-SITE-08", "S0001")).containsExactly("BLACKLIST", "FINE_REFERRAL_MAX:100000");
			assertThat(r.of("R-ENT-07", "E0002")).singleElement().extracting(o -> o.getMeasure().name()).isEqualTo("BLACKLIST");
		}
	}

	@ParameterizedTest(name = "failure number {0} within a year stops work {1} days")
	@CsvSource(textBlock = """
			# FAILURES, DAYS
			  1,        7
			  2,        30
			  3,        90
			  4,        90
			""")
	void stopWorkLadderCountsFailuresWithinAYear(int failures, int days) {
		FactDocs q3 = city("2026-Q3");
		for (int i = 0; i < failures; i++) {
			q3.inspection("S0001", "2026-07-%02dT10:00:00".formatted(10 + i * 5), "FENCING");
		}

		Result r = RuleHarness.evaluate(q3);

		List<Integer> stops = r.of("R-SITE-02").stream()
			.filter(o -> o.getDurationDays() != null)
			.map(Outcome::getDurationDays)
			.sorted()
			.toList();
		assertThat(stops).hasSize(failures).last().isEqualTo(days);
		assertThat(r.of("R-SITE-02")).filteredOn(o -> o.getMeasure().name().equals("FINE_REFERRAL"))
			.allSatisfy(o -> assertThat(o.getFineRangeYuan().minYuan()).isEqualTo(10_000))
			.hasSize(failures);
	}

	@ParameterizedTest(name = "earthwork at {0}: night violation = {1}")
	@CsvSource(textBlock = """
			# TIME,  NIGHT
			  21:59, false
			  22:00, true
			  23:40, true
			  05:59, true
			  06:00, false
			""")
	@DisplayName("夜间22时至次日6时无许可涉土作业即停工")
	void nightWindowIsTwentyTwoToSix(String time, boolean night) {
		Result r = RuleHarness.evaluate(city("2026-Q3").inspectionWith("S0001", "2026-08-11T" + time + ":00", List.of(),
				"earthworkObserved", true, "nightPermit", false));

		assertThat(r.measures("R-SITE-03", "S0001")).isEqualTo(night ? List.of("FINE_REFERRAL", "STOP_WORK") : List.of());
	}

	@Test
	void nightPermitMakesNightWorkLawful() {
		Result r = RuleHarness.evaluate(city("2026-Q3").inspectionWith("S0001", "2026-08-11T23:00:00", List.of(),
				"earthworkObserved", true, "nightPermit", true));

		assertThat(r.firedRuleIds()).isEmpty();
	}

	@ParameterizedTest(name = "{0} night violations in the county: criticism = {1}")
	@CsvSource(textBlock = """
			2, false
			3, true
			""")
	void countyIsCriticisedFromThreeNightViolations(int violations, boolean criticised) {
		FactDocs q3 = city("2026-Q3").site("S0002", "C01").site("S0003", "C01");
		for (int i = 1; i <= violations; i++) {
			q3.inspectionWith("S000" + i, "2026-08-1" + i + "T23:00:00", List.of(), "earthworkObserved", true);
		}

		Result r = RuleHarness.evaluate(q3);

		assertThat(r.of("R-SITE-03", "C01")).hasSize(criticised ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} m from a national station: strict stop = {1}")
	@CsvSource(textBlock = """
			999,  true
			1000, true
			1001, false
			""")
	void strictZoneIsOneKilometre(int distance, boolean strict) {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01", "distanceToStationM", distance)
			.inspection("S0001", "2026-08-11T10:00:00", "MONITORING");

		assertThat(RuleHarness.evaluate(q3).of("R-SITE-09")).hasSize(strict ? 1 : 0);
	}

	@ParameterizedTest(name = "alarm {0} min, peak {1}: exceedance = {2}")
	@CsvSource(textBlock = """
			# MINUTES, PEAK,  WARNED
			  9,       300,   false
			  10,      300,   true
			  10,      249.9, false
			  10,      250,   true
			""")
	void pm10AlarmNeedsTenMinutesAbove250(int minutes, double peak, boolean warned) {
		FactDocs q3 = city("2026-Q3").row("monitoringAlarms", "siteId", "S0001", "at", "2026-08-10T09:00:00", "minutesOver",
				minutes, "peakPm10", peak);

		assertThat(RuleHarness.evaluate(q3).measures("R-SITE-06", "S0001")).isEqualTo(warned ? List.of("WARNING") : List.of());
	}

	@Test
	void pm10AlarmsOnDifferentDaysAreEachAFirst() {
		FactDocs q3 = city("2026-Q3")
			.row("monitoringAlarms", "siteId", "S0001", "at", "2026-08-10T09:00:00", "minutesOver", 15)
			.row("monitoringAlarms", "siteId", "S0001", "at", "2026-08-11T09:00:00", "minutesOver", 15);

		assertThat(RuleHarness.evaluate(q3).measures("R-SITE-06", "S0001")).containsExactly("WARNING", "WARNING");
	}

	@ParameterizedTest(name = "earthwork during {0} alert: stopped = {1}")
	@CsvSource(textBlock = """
			NONE,   false
			BLUE,   false
			YELLOW, true
			ORANGE, true
			RED,    true
			""")
	void earthworkIsBannedFromYellowAlerts(String alert, boolean stopped) {
		FactDocs q1 = city("2026-Q1").inspectionWith("S0001", "2026-01-12T10:00:00", List.of(), "alertLevel", alert,
				"earthworkObserved", true);

		assertThat(RuleHarness.evaluate(q1).of("R-SITE-07")).hasSize(stopped ? 2 : 0);
	}

	@ParameterizedTest(name = "{0} unsealed + {1} without GPS: fine range {2}–{3}")
	@CsvSource(textBlock = """
			0, 0, 0,    0
			1, 0, 2000, 20000
			2, 3, 10000, 100000
			""")
	void truckFinesArePerTruck(int unsealed, int withoutGps, long min, long max) {
		FactDocs q3 = city("2026-Q3").inspectionWith("S0001", "2026-08-11T10:00:00", List.of(), "trucksUnsealed", unsealed,
				"trucksWithoutGps", withoutGps);

		List<Outcome> fines = RuleHarness.evaluate(q3).of("R-SITE-10");
		if (min == 0) {
			assertThat(fines).isEmpty();
		}
		else {
			assertThat(fines).singleElement().satisfies(o -> {
				assertThat(o.getFineRangeYuan().minYuan()).isEqualTo(min);
				assertThat(o.getFineRangeYuan().maxYuan()).isEqualTo(max);
				assertThat(o.getAmountYuan()).isNull();
			});
		}
	}

	@Test
	void siteWorkingWithoutAcceptanceIsStoppedButStoppedSiteIsNot() {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区")
			.site("S0001", "C01", "startAcceptancePassed", false)
			.site("S0002", "C01", "startAcceptancePassed", false, "status", "STOPPED");

		Result r = RuleHarness.evaluate(q3);

		assertThat(r.measures("R-SITE-05", "S0001")).containsExactly("STOP_WORK");
		assertThat(r.of("R-SITE-05", "S0002")).isEmpty();
	}

	@Test
	void everyOutcomeCarriesRuleBasisEvidenceAndVersion() {
		Result r = RuleHarness.evaluate(city("2026-Q3").inspection("S0001", "2026-08-11T10:00:00", "FENCING"));

		assertThat(r.outcomes()).isNotEmpty().allSatisfy(o -> {
			assertThat(o.getRuleName()).isNotBlank();
			assertThat(o.getBasis()).isNotBlank();
			assertThat(o.getReason()).contains("工地S0001");
			assertThat(o.getEvidence()).anySatisfy(e -> assertThat(e).containsEntry("table", "inspections"));
			assertThat(o.getRulesetVersion()).isEqualTo(RuleHarness.ruleset().version());
			assertThat(o.getPeriod()).hasToString("2026-Q3");
		});
	}

}
