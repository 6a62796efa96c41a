package org.kaohe.facts;

import java.util.Map;

/**
 * A subject's place for one period and indicator within its ranking group: either computed from
 * measurements (competition ranking, ties share a rank) or taken from an official ranking.
 *
 * <p>{@code rank} counts from the best (1 = best); {@code rankFromBottom} counts from the worst
 * (1 = last), so units tied for last are all last. "Bottom K" is {@code rankFromBottom <= K}, "top
 * K" is {@code rank <= K}.
 */
public class Rank extends Fact {

	private String subjectId;

	private String subjectName;

	private Period period;

	private String indicator;

	private String indicatorLabel;

	private String group;

	private Double value;

	private int rank;

	private int rankFromBottom;

	private int of;

	private boolean official;

	private Double groupMean;

	private Double target;

	private Double yoyChangePct;

	public String getSubjectId() {
		return this.subjectId;
	}

	public void setSubjectId(String subjectId) {
		this.subjectId = subjectId;
	}

	public String getSubjectName() {
		return this.subjectName;
	}

	public void setSubjectName(String subjectName) {
		this.subjectName = subjectName;
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

	/** Chinese name of the indicator (PM2.5, 综合指数 …) from the parameter file. */
	public String getIndicatorLabel() {
		return (this.indicatorLabel != null) ? this.indicatorLabel : this.indicator;
	}

	public void setIndicatorLabel(String indicatorLabel) {
		this.indicatorLabel = indicatorLabel;
	}

	public String getGroup() {
		return this.group;
	}

	public void setGroup(String group) {
		this.group = group;
	}

	/** The measured value; null for an official rank without a measurement. */
	public Double getValue() {
		return this.value;
	}

	public void setValue(Double value) {
		this.value = value;
	}

	public int getRank() {
		return this.rank;
	}

	public void setRank(int rank) {
		this.rank = rank;
	}

	public int getRankFromBottom() {
		return this.rankFromBottom;
	}

	public void setRankFromBottom(int rankFromBottom) {
		this.rankFromBottom = rankFromBottom;
	}

	/** Number of units ranked in the group. */
	public int getOf() {
		return this.of;
	}

	public void setOf(int of) {
		this.of = of;
	}

	/** Whether the rank comes from the document's official rankings rather than from measurements. */
	public boolean isOfficial() {
		return this.official;
	}

	public void setOfficial(boolean official) {
		this.official = official;
	}

	/** Mean of the group's measured values (考核基数); null when nobody in the group was measured. */
	public Double getGroupMean() {
		return this.groupMean;
	}

	public void setGroupMean(Double groupMean) {
		this.groupMean = groupMean;
	}

	public Double getTarget() {
		return this.target;
	}

	public void setTarget(Double target) {
		this.target = target;
	}

	public Double getYoyChangePct() {
		return this.yoyChangePct;
	}

	public void setYoyChangePct(Double yoyChangePct) {
		this.yoyChangePct = yoyChangePct;
	}

	public Granularity getGranularity() {
		return this.period.getGranularity();
	}

	/** Consecutive-period counter ({@link Period#serial()}), for windows in rule conditions. */
	public int getSerial() {
		return this.period.serial();
	}

	/** Calendar year of the ranked period. */
	public int getYear() {
		return this.period.calendarYear();
	}

	public boolean isWeekly() {
		return this.period.getGranularity() == Granularity.WEEK;
	}

	public boolean isMonthly() {
		return this.period.getGranularity() == Granularity.MONTH;
	}

	public boolean isQuarterly() {
		return this.period.getGranularity() == Granularity.QUARTER;
	}

	public boolean isYearly() {
		return this.period.getGranularity() == Granularity.YEAR;
	}

	/** Whether the subject is last in its group (alone or tied). */
	public boolean isLast() {
		return this.rankFromBottom == 1;
	}

	/** The value above the group mean (positive = worse for concentrations); 0 when unknown. */
	public double getExcessOverMean() {
		return (this.value != null && this.groupMean != null) ? this.value - this.groupMean : 0;
	}

	/** "2026-08 第15名（共15个）" for history chains in reasons. */
	public String getChainText() {
		return this.period + " 第" + this.rank + "名（共" + this.of + "个）";
	}

	@Override
	public String getTable() {
		return "rankings";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("subjectId", this.subjectId).put("period", this.period)
			.put("indicator", this.indicator).put("group", this.group).put("rank", this.rank).put("of", this.of)
			.put("rankFromBottom", this.rankFromBottom).put("value", this.value).put("groupMean", this.groupMean)
			.put("source", this.official ? "OFFICIAL" : "COMPUTED").toMap();
	}

	@Override
	public String toString() {
		return "Rank[" + this.subjectId + " " + this.period + " " + this.indicator + " " + this.rank + "/" + this.of + "]";
	}

}
