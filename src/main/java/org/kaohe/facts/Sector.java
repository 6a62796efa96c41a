package org.kaohe.facts;

/** Sector a city department regulates. */
public enum Sector {

	INDUSTRY("工业和信息化"),

	CONSTRUCTION("住房和城乡建设"),

	ECOLOGY("生态环境"),

	URBAN_MANAGEMENT("城市管理"),

	TRANSPORT("交通运输"),

	AGRICULTURE("农业农村"),

	PUBLIC_SECURITY("公安"),

	NATURAL_RESOURCES("自然资源"),

	WATER("水利"),

	OTHER("其他");

	private final String label;

	Sector(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
