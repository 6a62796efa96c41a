package org.kaohe.facts;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTests {

	@ParameterizedTest
	@CsvSource(textBlock = """
			# TEXT,    GRANULARITY, START,      END
			  2026,    YEAR,        2026-01-01, 2026-12-31
			  2026-Q3, QUARTER,     2026-07-01, 2026-09-30
			  2026-02, MONTH,       2026-02-01, 2026-02-28
			  2028-02, MONTH,       2028-02-01, 2028-02-29
			  2026-W37, WEEK,       2026-09-07, 2026-09-13
			  2026-W01, WEEK,       2025-12-29, 2026-01-04
			  2026-W53, WEEK,       2026-12-28, 2027-01-03
			""")
	void parsesTheFourFormsWithTheirDays(String text, Granularity granularity, LocalDate start, LocalDate end) {
		Period p = Period.parse(text);

		assertThat(p.getGranularity()).isEqualTo(granularity);
		assertThat(p.start()).isEqualTo(start);
		assertThat(p.end()).isEqualTo(end);
		assertThat(p).hasToString(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-Q5", "2026-13", "2026-W54", "2025-W53", "26-Q1", "2026Q1", "1989", "2101-Q1", "", "Q3-2026" })
	void refusesMalformedPeriods(String text) {
		assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class);
		assertThat(Period.isValid(text)).isFalse();
	}

	@ParameterizedTest(name = "{0} is followed by {1}")
	@CsvSource(textBlock = """
			2026-Q4,  2027-Q1
			2026-12,  2027-01
			2026-W53, 2027-W01
			2025-W52, 2026-W01
			2026-W26, 2026-W27
			2026,     2027
			""")
	void adjacencyCrossesQuarterAndYearEnds(String first, String second) {
		Period a = Period.parse(first);
		Period b = Period.parse(second);

		assertThat(a.next()).isEqualTo(b);
		assertThat(b.previous()).isEqualTo(a);
		assertThat(a.isAdjacentTo(b)).isTrue();
		assertThat(b.stepsAfter(a)).isEqualTo(1);
		assertThat(b.serial() - a.serial()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0} contains {1}: {2}")
	@CsvSource(textBlock = """
			2026-Q3, 2026-07,  true
			2026-Q3, 2026-06,  false
			2026-Q3, 2026-W27, true
			2026-Q2, 2026-W27, false
			2026-Q4, 2026-W53, true
			2027-Q1, 2026-W53, false
			2026,    2026-W53, true
			2026-Q3, 2026,     false
			2026-Q3, 2026-Q3,  true
			""")
	void aWeekBelongsWhereItsThursdayIs(String outer, String inner, boolean contained) {
		assertThat(Period.parse(outer).contains(Period.parse(inner))).isEqualTo(contained);
	}

	@Test
	void ordersByStartThenCoarserFirst() {
		assertThat(Period.parse("2026").compareTo(Period.parse("2026-Q1"))).isNegative();
		assertThat(Period.parse("2026-Q1").compareTo(Period.parse("2026-01"))).isNegative();
		assertThat(Period.parse("2026-02").compareTo(Period.parse("2026-01"))).isPositive();
		assertThat(Period.parse("2026-W27").toChinese()).isEqualTo("2026年第27周");
	}

}
