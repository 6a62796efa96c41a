package org.kaohe.rules;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.facts.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The one-line measures of {@code conditions.yaml}, read over evidence rows. */
class FactMeasureTests {

	private static final Period Q3 = Period.parse("2026-Q3");

	private static final List<Map<String, Object>> ROWS = List.of(
			Map.of("table", "rankings", "period", "2026-Q2", "rankFromBottom", 1, "value", 5.1, "groupMean", 4.8),
			Map.of("table", "rankings", "period", "2026-Q3", "rankFromBottom", 2, "value", 5.0, "groupMean", 4.6),
			Map.of("table", "rankings", "period", "2026-W27", "rankFromBottom", 3),
			Map.of("table", "inspections", "at", "2026-08-11T23:40", "failedItems", List.of("FENCING", "MATERIAL_COVER"),
					"items", Map.of("MONITORING", false), "earthworkObserved", true, "nightPermit", false),
			Map.of("table", "inspections", "at", "2026-05-03T10:00", "failedItems", List.of("FENCING"), "earthworkObserved", false),
			Map.of("table", "tasks", "planned", 9, "done", 7, "daysOverdue", 5),
			Map.of("table", "violations", "on", "2026-08-03", "type", "OVER_STANDARD"),
			Map.of("table", "violations", "on", "2026-07-20", "type", "BYPASS"));

	/** {@code last} orders by the row's period start: 2026-W27 starts on 29 June, before 2026-Q3. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			count rankings                                                        | 3
			count rankings where current                                          | 2
			count rankings where history                                          | 1
			max rankings.rankFromBottom where current                             | 3
			min rankings.rankFromBottom                                           | 1
			max rankings.value - groupMean where current                          | 0.4
			max inspections.failedItems.size where current                        | 2
			max inspections.failedItems.size                                      | 2
			count inspections where current and earthworkObserved and !nightPermit | 1
			count inspections where items.MONITORING = false                      | 1
			min tasks.done / planned                                              | 0.7778
			count violations where type = OVER_STANDARD or type = BYPASS           | 2
			count violations where current and type != BYPASS                     | 1
			distinct rankings.period where current                                | 2
			count violations + count inspections                                  | 4
			sum tasks.daysOverdue * 2                                             | 10
			last rankings.rankFromBottom                                          | 2
			first rankings.rankFromBottom                                         | 1
			""")
	void measuresReadTheRows(String measure, double expected) {
		Object value = FactMeasure.parse(measure).evaluate(ROWS, Q3);

		assertThat(((Number) value).doubleValue()).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.0001));
	}

	@Test
	void aMeasureWithoutMatchingRowsHasNoValueButACountOfZero() {
		assertThat(FactMeasure.parse("max exposures.on").evaluate(ROWS, Q3)).isNull();
		assertThat(FactMeasure.parse("count exposures").evaluate(ROWS, Q3)).isEqualTo(0.0);
	}

	@Test
	void aWeekBelongsToThePeriodOfItsThursdayAndAYearToEveryPeriodItOverlaps() {
		// 2026-W27 runs from Monday 29 June to Sunday 5 July; its Thursday is 2 July, in Q3
		assertThat(FactMeasure.isCurrent(Map.of("period", "2026-W27"), Q3)).isTrue();
		assertThat(FactMeasure.isCurrent(Map.of("period", "2026-W27"), Period.parse("2026-Q2"))).isFalse();
		assertThat(FactMeasure.isCurrent(Map.of("period", "2026"), Q3)).isTrue();
		assertThat(FactMeasure.isCurrent(Map.of("period", "2026-06"), Q3)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			largest inspections.failedItems
			max inspections
			count
			count rankings where rank >>> 3
			max inspections.failedItems.size where (current)
			""")
	void unreadableMeasuresAreRefusedWithWhatIsWrong(String measure) {
		assertThatIllegalArgumentException().isThrownBy(() -> FactMeasure.parse(measure)).withMessageContaining("/");
	}

}
