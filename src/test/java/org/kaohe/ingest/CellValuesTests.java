package org.kaohe.ingest;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kaohe.facts.SubjectType;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTests {

	private static Column column(ColumnType type) {
		return new Column("f", "字段", type, false, null, Set.of(), Set.of(), false, "");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			true,  true
			FALSE, false
			是,    true
			否,    false
			1,     true
			0,     false
			Y,     true
			n,     false
			√,     true
			""")
	void booleansAsPeopleTypeThem(String text, boolean expected) {
		assertThat(CellValues.toJson(column(ColumnType.BOOLEAN), text).booleanValue()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			maybe
			2
			""")
	void otherBooleanTextIsLeftForTheValidator(String text) {
		assertThat(CellValues.toJson(column(ColumnType.BOOLEAN), text).isTextual()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-08-31          | 2026-08-31
			2026/8/31           | 2026-08-31
			2026.8.1            | 2026-08-01
			2026年8月31日        | 2026-08-31
			2026/8/31 0:00      | 2026-08-31
			2026/8/31 10:00     | 2026/8/31 10:00
			2026-02-30          | 2026-02-30
			31/08/2026          | 31/08/2026
			""")
	void datesBecomeIsoOrStayAsTyped(String text, String expected) {
		assertThat(CellValues.toJson(column(ColumnType.DATE), text).textValue()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2026-08-11T23:40:00 | 2026-08-11T23:40:00
			2026-08-11 23:40    | 2026-08-11T23:40:00
			2026/8/11 9:05:30   | 2026-08-11T09:05:30
			2026-08-11          | 2026-08-11T00:00:00
			""")
	void dateTimes(String text, String expected) {
		assertThat(CellValues.toJson(column(ColumnType.DATETIME), text).textValue()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			15       | 15     | true
			15.0     | 15     | true
			1,234    | 1234   | true
			3.1%     | 3.1    | false
			-0.5     | -0.5   | false
			1E3      | 1000   | true
			""")
	void numbers(String text, String expected, boolean integral) {
		JsonNode n = CellValues.toJson(column(ColumnType.NUMBER), text);
		assertThat(n.isNumber()).isTrue();
		assertThat(n.isIntegralNumber()).isEqualTo(integral);
		assertThat(n.decimalValue()).isEqualByComparingTo(expected);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			十五
			15 台
			""")
	void textInANumberColumnIsLeftForTheValidator(String text) {
		assertThat(CellValues.toJson(column(ColumnType.INTEGER), text).isTextual()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			COUNTY,          COUNTY
			county,          COUNTY
			县（市、区）,      COUNTY
			SITE 施工工地,    SITE
			VILLAGE,         VILLAGE
			""")
	void enumsByCodeOrChineseName(String text, String expected) {
		Column c = new Column("type", "主体类型", ColumnType.ENUM, true, SubjectType.class, Set.of(), Set.of(), false, "");
		assertThat(CellValues.toJson(c, text).textValue()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			2026-q3,     2026-Q3
			2026-07,     2026-07
			2026-07-01,  2026-07
			2026-W27,    2026-W27
			""")
	void periodsAsTypedOrAsExcelTurnedThemIntoDates(String text, String expected) {
		assertThat(CellValues.toJson(column(ColumnType.PERIOD), text).textValue()).isEqualTo(expected);
	}

}
