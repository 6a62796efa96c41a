package org.kaohe.ingest;

/** Value type of a fact-table column, as written in JSON and as typed into a spreadsheet cell. */
public enum ColumnType {

	STRING("文本"),

	INTEGER("整数"),

	NUMBER("数字"),

	BOOLEAN("是/否 (true/false)"),

	/** ISO date {@code 2026-08-31}. */
	DATE("日期 YYYY-MM-DD"),

	/** ISO local date-time {@code 2026-08-11T23:40:00} (seconds optional). */
	DATETIME("日期时间 YYYY-MM-DDTHH:MM"),

	/** {@code 2026}, {@code 2026-Q3}, {@code 2026-09}, {@code 2026-W37}. */
	PERIOD("期间 2026-Q3 / 2026-09 / 2026-W37"),

	ENUM("枚举"),

	/** Id of a subject in the same document. */
	SUBJECT_REF("主体编号"),

	/** The site checklist: item code → met (true/false); spreadsheets use one column per item. */
	CHECKLIST("检查项（是/否）");

	private final String label;

	ColumnType(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
