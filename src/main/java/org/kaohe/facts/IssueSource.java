package org.kaohe.facts;

/** Who found an inspection issue (督查问题来源). */
public enum IssueSource {

	CENTRAL_INSPECTION("中央环保督察"),

	PROVINCIAL_INSPECTION("省环保督察"),

	PROVINCIAL_EXPERT_GROUP("省攻坚办专家组"),

	CITY_OFFICE("市攻坚办"),

	COVERT_VISIT("暗访"),

	PETITION("信访举报"),

	MEDIA("媒体曝光");

	private final String label;

	IssueSource(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
