package org.kaohe.facts;

/** Heavy-pollution emergency performance class (绩效分级). */
public enum PerformanceClass {

	A("A级"),

	B("B级"),

	C("C级"),

	D("D级"),

	LEADING("引领性");

	private final String label;

	PerformanceClass(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
