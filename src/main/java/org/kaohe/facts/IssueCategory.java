package org.kaohe.facts;

/** Category of an inspection issue. */
public enum IssueCategory {

	DUST("扬尘"),

	INDUSTRY("工业"),

	COAL("燃煤"),

	VEHICLE("机动车"),

	STRAW("秸秆焚烧"),

	EMERGENCY("应急管控"),

	CATERING("餐饮油烟"),

	WATER("水污染"),

	OTHER("其他");

	private final String label;

	IssueCategory(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
