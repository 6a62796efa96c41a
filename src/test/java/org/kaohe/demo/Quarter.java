package org.kaohe.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.facts.Granularity;
import org.kaohe.facts.Period;

/** The four quarters of the demo, in order. */
enum Quarter {

	Q4_2025("2025-Q4"), Q1_2026("2026-Q1"), Q2_2026("2026-Q2"), Q3_2026("2026-Q3");

	final Period period;

	Quarter(String period) {
		this.period = Period.parse(period);
	}

	LocalDate start() {
		return this.period.start();
	}

	LocalDate end() {
		return this.period.end();
	}

	/** The three months. */
	List<Period> months() {
		List<Period> months = new ArrayList<>();
		Period m = Period.containing(start(), Granularity.MONTH);
		for (int i = 0; i < 3; i++) {
			months.add(m.plus(i));
		}
		return months;
	}

	/** The ISO weeks whose Thursday falls in the quarter. */
	List<Period> weeks() {
		List<Period> weeks = new ArrayList<>();
		LocalDate thursday = start();
		while (thursday.getDayOfWeek() != DayOfWeek.THURSDAY) {
			thursday = thursday.plusDays(1);
		}
		for (; !thursday.isAfter(end()); thursday = thursday.plusWeeks(1)) {
			weeks.add(Period.containing(thursday, Granularity.WEEK));
		}
		return weeks;
	}

	boolean contains(LocalDate date) {
		return this.period.contains(date);
	}

	static Quarter of(LocalDate date) {
		for (Quarter q : values()) {
			if (q.contains(date)) {
				return q;
			}
		}
		throw new IllegalArgumentException("outside the demo: " + date);
	}

	/** The quarter containing a (finer or equal) period, by its anchor. */
	static Quarter of(Period p) {
		for (Quarter q : values()) {
			if (q.period.contains(p) || p.contains(q.period)) {
				return q;
			}
		}
		throw new IllegalArgumentException("outside the demo: " + p);
	}

	Quarter previous() {
		return (ordinal() == 0) ? null : values()[ordinal() - 1];
	}

	/** "2026年第3季度". */
	String chinese() {
		return this.period.toChinese();
	}

	@Override
	public String toString() {
		return this.period.toString();
	}

}
