package org.kaohe.facts;

/** Type of an enterprise or site violation. */
public enum ViolationType {

	OVER_STANDARD("超标排放"),

	COVERT_DISCHARGE("偷排（暗管）"),

	BYPASS("旁路排放"),

	FACILITY_ABNORMAL("治污设施不正常运行"),

	DATA_FALSIFICATION("监测数据造假"),

	FUGITIVE_LEAK("无组织排放泄漏"),

	EMERGENCY_NONCOMPLIANCE("不执行重污染天气应急管控"),

	SCATTERED_RESUMED("散乱污死灰复燃"),

	NO_PERMIT("无证排污");

	private final String label;

	ViolationType(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
