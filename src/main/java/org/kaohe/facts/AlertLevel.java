package org.kaohe.facts;

/** Heavy-pollution alert level in force at an inspection, lowest first (Ⅳ blue … Ⅰ red). */
public enum AlertLevel {

	NONE("无预警"),

	BLUE("蓝色（Ⅳ级）预警"),

	YELLOW("黄色（Ⅲ级）预警"),

	ORANGE("橙色（Ⅱ级）预警"),

	RED("红色（Ⅰ级）预警");

	private final String label;

	AlertLevel(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

	/** Whether this level is {@code other} or more severe; rule files compare levels with it. */
	public boolean isAtLeast(AlertLevel other) {
		return ordinal() >= other.ordinal();
	}

}
