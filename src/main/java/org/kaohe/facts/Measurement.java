package org.kaohe.facts;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An indicator value of a subject for a period (table {@code measurements}): a week's PM2.5, a
 * month's fire points, a year's assessment score. Ranks are computed from these per period,
 * indicator and ranking group.
 */
public class Measurement extends Fact {

	private String subjectId;

	private Period period;

	private String indicator;

	private double value;

	private Double target;

	private Double yoyChangePct;

	private String indicatorLabel;

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

	public double getValue() {
		return this.value;
	}

	public void setValue(double value) {
		this.value = value;
	}

	/** The subject's target for the indicator in this period, if any. */
	public Double getTarget() {
		return this.target;
	}

	public void setTarget(Double target) {
		this.target = target;
	}

	/** Year-on-year change in percent; positive means the value rose (for concentrations: worse). */
	public Double getYoyChangePct() {
		return this.yoyChangePct;
	}

	public void setYoyChangePct(Double yoyChangePct) {
		this.yoyChangePct = yoyChangePct;
	}

	/** Chinese name of the indicator from the parameter file; set by the engine. */
	@JsonIgnore
	public String getIndicatorLabel() {
		return (this.indicatorLabel != null) ? this.indicatorLabel : this.indicator;
	}

	public void setIndicatorLabel(String indicatorLabel) {
		this.indicatorLabel = indicatorLabel;
	}

	/**
	 * The value as a percentage, for shares: values up to 1 are read as fractions (0.25 → 25), larger
	 * ones as percentages already. Documented in the upload template for ROAD_DUST_FAIL_SHARE.
	 */
	@JsonIgnore
	public double getPercentValue() {
		return (this.value <= 1.0) ? this.value * 100 : this.value;
	}

	/** Calendar year of the measured period. */
	@JsonIgnore
	public int getYear() {
		return this.period.calendarYear();
	}

	/** Consecutive-period counter of the measured period ({@link Period#serial()}). */
	@JsonIgnore
	public int getSerial() {
		return this.period.serial();
	}

	@JsonIgnore
	public boolean isWeekly() {
		return this.period.getGranularity() == Granularity.WEEK;
	}

	@JsonIgnore
	public boolean isMonthly() {
		return this.period.getGranularity() == Granularity.MONTH;
	}

	@JsonIgnore
	public boolean isQuarterly() {
		return this.period.getGranularity() == Granularity.QUARTER;
	}

	@JsonIgnore
	public boolean isYearly() {
		return this.period.getGranularity() == Granularity.YEAR;
	}

	/** The distinct periods of the given measurements, in order. */
	public static java.util.List<Period> periodsOf(java.util.Collection<?> measurements) {
		return measurements.stream().map(m -> ((Measurement) m).getPeriod()).distinct().sorted().toList();
	}

	@Override
	public String getTable() {
		return "measurements";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("subjectId", this.subjectId).put("period", this.period)
			.put("indicator", this.indicator).put("value", this.value).put("target", this.target)
			.put("yoyChangePct", this.yoyChangePct).toMap();
	}

}
