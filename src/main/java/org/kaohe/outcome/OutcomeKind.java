package org.kaohe.outcome;

/**
 * The six kinds of outcome; each routes to a different office (SPEC §5). Declared from the mildest
 * sanction to commendation so reports read in a familiar order.
 */
public enum OutcomeKind {

	/** 预警、通报批评、黄牌、书面检查、曝光 → the notice. */
	WARNING("预警与通报批评"),

	/** 约谈、公开约谈、诫勉谈话 → the leaders' calendar. */
	INTERVIEW("约谈"),

	/** 财政扣款、罚款建议、顶格处罚 → finance or the enforcing bureau. */
	FINE("扣款与罚款"),

	/** 限期整改、停工、停产、挂牌督办、黑名单、区域限批 → enforcement. */
	ORDER("整改与处置"),

	/** 一票否决、暂缓提拔、问责、负面信息、移送 → organisation and discipline offices. */
	ACCOUNTABILITY("问责"),

	/** 通报表彰、财政奖励、干部使用倾斜 → publicity and finance. */
	COMMENDATION("表彰奖励");

	private final String label;

	OutcomeKind(String label) {
		this.label = label;
	}

	public String getLabel() {
		return this.label;
	}

}
