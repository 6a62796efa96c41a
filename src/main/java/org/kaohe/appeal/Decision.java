package org.kaohe.appeal;

/** What a reviewer decides on an appeal. */
public enum Decision {

	/** 维持：the machine outcome stands. */
	UPHELD("维持"),

	/** 变更：a different measure, amount or duration replaces the machine's. */
	AMENDED("变更"),

	/** 撤销：the outcome is withdrawn. */
	REVOKED("撤销");

	private final String label;

	Decision(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
