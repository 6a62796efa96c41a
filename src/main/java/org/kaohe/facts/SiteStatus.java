package org.kaohe.facts;

/** Construction site status. */
public enum SiteStatus {

	WORKING("施工中"),

	STOPPED("停工"),

	COMPLETED("已完工");

	private final String label;

	SiteStatus(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
