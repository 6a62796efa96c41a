package org.kaohe.facts;

/** Who named the subject publicly. */
public enum ExposureSource {

	MEDIA("媒体曝光"),

	CENTRAL_INSPECTION("中央环保督察通报"),

	PROVINCIAL_NOTICE("省级通报"),

	CITY_NOTICE("市级通报");

	private final String label;

	ExposureSource(String label) {
		this.label = label;
	}

	/** Chinese name for reasons and reports. */
	public String getLabel() {
		return this.label;
	}

}
