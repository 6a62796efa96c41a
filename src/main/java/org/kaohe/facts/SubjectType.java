package org.kaohe.facts;

/** Kind of assessed subject. */
public enum SubjectType {

	COUNTY("县（市、区）"),

	DEPARTMENT("市直部门"),

	ENTERPRISE("企业"),

	SITE("施工工地"),

	PERSON("责任人");

	private final String label;

	SubjectType(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
