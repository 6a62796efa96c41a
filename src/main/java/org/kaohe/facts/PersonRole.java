package org.kaohe.facts;

/** Role of a responsible person. */
public enum PersonRole {

	GOV_HEAD("政府主要负责人"),

	PARTY_HEAD("党委主要负责人"),

	DEPUTY("分管负责人"),

	DEPARTMENT_HEAD("部门主要负责人"),

	OTHER("其他");

	private final String label;

	PersonRole(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
