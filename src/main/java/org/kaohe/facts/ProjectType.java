package org.kaohe.facts;

/** Construction project type. */
public enum ProjectType {

	HOUSING("房屋建筑"),

	MUNICIPAL("市政工程"),

	DEMOLITION("拆迁（拆除）工程"),

	LINEAR("线性工程"),

	METRO("地铁工程"),

	HEATING_NETWORK("热力管网"),

	HIGH_RISE("高层建筑"),

	ROAD("道路工程"),

	OTHER("其他");

	private final String label;

	ProjectType(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
