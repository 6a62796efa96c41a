package org.kaohe.facts;

import java.time.LocalDate;

/**
 * The period being evaluated and the day deadlines are judged on. Rules read dates from here,
 * never from the clock.
 */
public final class EvaluationContext {

	private final Period period;

	private final LocalDate asOf;

	public EvaluationContext(Period period, LocalDate asOf) {
		this.period = period;
		this.asOf = asOf;
	}

	public Period getPeriod() {
		return this.period;
	}

	/** The day deadlines are judged on: the period's last day unless the request named another. */
	public LocalDate getAsOf() {
		return this.asOf;
	}

	public long getAsOfEpochDay() {
		return this.asOf.toEpochDay();
	}

	public long getPeriodStartEpochDay() {
		return this.period.start().toEpochDay();
	}

	public long getPeriodEndEpochDay() {
		return this.period.end().toEpochDay();
	}

	/** Months the evaluated period spans (3 for a quarter, 12 for a year, 0 for a week). */
	public int getMonthCount() {
		return switch (this.period.getGranularity()) {
			case YEAR -> 12;
			case QUARTER -> 3;
			case MONTH -> 1;
			case WEEK -> 0;
		};
	}

	public int getYear() {
		return this.period.getYear();
	}

	@Override
	public String toString() {
		return "EvaluationContext[" + this.period + " asOf " + this.asOf + "]";
	}

}
