package org.kaohe.facts;

/** Type of an interview held outside Kaohe. */
public enum InterviewType {

	INTERVIEW("约谈"),

	PUBLIC_INTERVIEW("公开约谈"),

	ADMONITION_TALK("诫勉谈话");

	private final String label;

	InterviewType(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
