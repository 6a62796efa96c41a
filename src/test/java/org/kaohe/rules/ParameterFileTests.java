package org.kaohe.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parameter file's own checks: schema, types, dated versions, ladders and tiers. */
class ParameterFileTests {

	private static final ChecklistProfiles PROFILES = ChecklistProfiles.parse("""
			profiles:
			  P6: {label: 六项, items: {A: 甲}}
			""", new ArrayList<>());

	private static List<RuleProblem> problems(String yaml) {
		List<RuleProblem> problems = new ArrayList<>();
		ParameterFile.parse(yaml, PROFILES, problems);
		return problems;
	}

	@Test
	void laterVersionsOverrideOnlyWhatTheyNameFromTheirValidFrom() {
		List<RuleProblem> problems = new ArrayList<>();
		ParameterFile file = ParameterFile.parse("""
				definitions:
				  k: {type: integer, min: 1, label: K}
				  n: {type: integer, label: N}
				versions:
				  - validFrom: 2020-01-01
				    values: {k: 3, n: 2}
				  - validFrom: 2026-07-01
				    values: {k: 2}
				""", PROFILES, problems);

		assertThat(problems).isEmpty();
		assertThat(file.inForce(LocalDate.of(2026, 6, 30)).integer("k")).isEqualTo(3);
		assertThat(file.inForce(LocalDate.of(2026, 7, 1)).integer("k")).isEqualTo(2);
		assertThat(file.inForce(LocalDate.of(2026, 7, 1)).integer("n")).isEqualTo(2);
		assertThat(file.inForce(LocalDate.of(2026, 7, 1)).getValidFrom()).isEqualTo(LocalDate.of(2026, 7, 1));
	}

	@Test
	void unknownKeysWrongTypesAndOverlappingVersionsAreAllReported() {
		List<RuleProblem> problems = problems("""
				definitions:
				  k: {type: integer, min: 1, label: K, colour: red}
				  f: {type: boolean, label: F}
				  p: {type: checklist_profile, label: P}
				versions:
				  - validFrom: 2020-01-01
				    values: {k: 0, f: maybe, p: NOPE, x: 1}
				  - validFrom: 2020-01-01
				    values: {k: 2}
				""");

		assertThat(problems).extracting(RuleProblem::code).containsExactlyInAnyOrder("UNKNOWN_KEY", "OUT_OF_RANGE",
				"WRONG_TYPE", "UNKNOWN_PROFILE", "UNKNOWN_PARAMETER", "OVERLAPPING_VERSIONS");
		assertThat(problems).filteredOn(p -> p.code().equals("WRONG_TYPE")).singleElement()
			.satisfies(p -> assertThat(p.line()).isEqualTo(7));
	}

	@Test
	void laddersWithGapsOrOverlapsAreRefused() {
		List<RuleProblem> problems = problems("""
				definitions:
				  gap: {type: ladder, label: G, fields: {days: integer}}
				  overlap: {type: ladder, label: O, fields: {days: integer}}
				  closed: {type: ladder, label: C, fields: {days: integer}}
				versions:
				  - validFrom: 2020-01-01
				    values:
				      gap: [{from: 1, to: 1, days: 7}, {from: 3, days: 90}]
				      overlap: [{from: 1, to: 2, days: 7}, {from: 2, days: 90}]
				      closed: [{from: 1, to: 2, days: 7}]
				""");

		assertThat(problems).extracting(RuleProblem::code).containsExactlyInAnyOrder("LADDER_GAP", "LADDER_OVERLAP", "LADDER_GAP");
		assertThat(problems).filteredOn(p -> p.code().equals("LADDER_GAP")).first()
			.satisfies(p -> assertThat(p.message()).contains("2–2"));
	}

	@Test
	void tiersApplyRatesPiecewise() {
		List<RuleProblem> problems = new ArrayList<>();
		ParameterFile file = ParameterFile.parse("""
				definitions:
				  t: {type: tiers, label: T}
				versions:
				  - validFrom: 2020-01-01
				    values:
				      t: [{upTo: 5, rate: 10}, {rate: 20}]
				""", PROFILES, problems);
		Tiers tiers = file.inForce(LocalDate.of(2026, 1, 1)).tiers("t");

		assertThat(problems).isEmpty();
		assertThat(tiers.apply(0)).isZero();
		assertThat(tiers.apply(3)).isEqualTo(30);
		assertThat(tiers.apply(5)).isEqualTo(50);
		assertThat(tiers.apply(7)).isEqualTo(90);
		assertThat(tiers.describe("µg", "万元")).isEqualTo("不超过5µg的部分每µg10万元，5µg以上的部分每µg20万元");
	}

	@Test
	void theFirstVersionMustSetEveryParameter() {
		assertThat(problems("""
				definitions:
				  k: {type: integer, label: K}
				  n: {type: integer, label: N}
				versions:
				  - validFrom: 2020-01-01
				    values: {k: 1}
				""")).extracting(RuleProblem::code).containsExactly("MISSING_VALUE");
	}

}
