package org.kaohe.facts;

import java.util.Map;

/**
 * A rank published by a higher authority (table {@code rankings}), e.g. the province's monthly
 * ranking; it wins over the rank Kaohe computes from measurements.
 */
public class OfficialRanking extends Fact {

	private String subjectId;

	private Period period;

	private String indicator;

	private int rank;

	private int of;

	public String getSubjectId() {
		return this.subjectId;
	}

	public void setSubjectId(String subjectId) {
		this.subjectId = subjectId;
	}

	public Period getPeriod() {
		return this.period;
	}

	public void setPeriod(Period period) {
		this.period = period;
	}

	public String getIndicator() {
		return this.indicator;
	}

	public void setIndicator(String indicator) {
		this.indicator = indicator;
	}

	public int getRank() {
		return this.rank;
	}

	public void setRank(int rank) {
		this.rank = rank;
	}

	/** Number of units ranked. */
	public int getOf() {
		return this.of;
	}

	public void setOf(int of) {
		this.of = of;
	}

	@Override
	public String getTable() {
		return "rankings";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("subjectId", this.subjectId).put("period", this.period)
			.put("indicator", this.indicator).put("rank", this.rank).put("of", this.of).toMap();
	}

}
