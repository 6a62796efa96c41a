package org.kaohe.facts;

/** Enterprise industry. */
public enum Industry {

	POWER("电力"),

	CEMENT("水泥"),

	CARBON("碳素"),

	COKING("焦化"),

	BRICK("砖瓦"),

	NONFERROUS("有色"),

	FOUNDRY("铸造"),

	REFRACTORY("耐材"),

	CHEMICAL("化工"),

	STEEL("钢铁"),

	GLASS("玻璃"),

	CONSTRUCTION("建筑施工"),

	OTHER("其他");

	private final String label;

	Industry(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
