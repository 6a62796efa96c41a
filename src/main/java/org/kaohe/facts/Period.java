package org.kaohe.facts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An assessment period: a year ({@code 2026}), quarter ({@code 2026-Q3}), month ({@code 2026-09})
 * or ISO week ({@code 2026-W37}).
 *
 * <p>"Consecutive" in the rules means adjacent periods of the same granularity, so {@link #next()}
 * and {@link #previous()} cross quarter and year ends ({@code 2026-W53} is followed by
 * {@code 2027-W01} only in years that have 53 ISO weeks). A week belongs to the month, quarter and
 * year that contain its Thursday, the same convention ISO uses to give a week its year.
 */
public final class Period implements Comparable<Period> {

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

	private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	private final Granularity granularity;

	private final int year;

	/** Quarter 1-4, month 1-12 or ISO week 1-53; 0 for a year. */
	private final int index;

	private Period(Granularity granularity, int year, int index) {
		this.granularity = granularity;
		this.year = year;
		this.index = index;
	}

	public static Period year(int year) {
		return new Period(Granularity.YEAR, year, 0);
	}

	public static Period quarter(int year, int quarter) {
		return new Period(Granularity.QUARTER, year, quarter);
	}

	public static Period month(int year, int month) {
		return new Period(Granularity.MONTH, year, month);
	}

	public static Period week(int year, int week) {
		return new Period(Granularity.WEEK, year, week);
	}

	/** The period of the given granularity that contains {@code date}. */
	public static Period containing(LocalDate date, Granularity granularity) {
		return switch (granularity) {
			case YEAR -> year(date.getYear());
			case QUARTER -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
			case MONTH -> month(date.getYear(), date.getMonthValue());
			case WEEK -> week(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		};
	}

	/**
	 * Parses a period string.
	 *
	 * @throws IllegalArgumentException if the text is not one of the four forms or names a week
	 * the year does not have
	 */
	@JsonCreator
	public static Period parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("period is null");
		}
		String t = text.trim();
		Matcher m;
		if ((m = YEAR.matcher(t)).matches()) {
			return checkedYear(year(Integer.parseInt(m.group(1))));
		}
		if ((m = QUARTER.matcher(t)).matches()) {
			return checkedYear(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		if ((m = MONTH.matcher(t)).matches()) {
			return checkedYear(month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
		}
		if ((m = WEEK.matcher(t)).matches()) {
			int y = Integer.parseInt(m.group(1));
			int w = Integer.parseInt(m.group(2));
			if (w < 1 || w > weeksIn(y)) {
				throw new IllegalArgumentException(
						"ISO week " + w + " does not exist in " + y + " (it has " + weeksIn(y) + " weeks)");
			}
			return checkedYear(week(y, w));
		}
		throw new IllegalArgumentException("not a period: '" + text + "' (expected 2026, 2026-Q3, 2026-09 or 2026-W37)");
	}

	/** Whether {@code text} parses as a period. */
	public static boolean isValid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static Period checkedYear(Period p) {
		if (p.year < 1990 || p.year > 2100) {
			throw new IllegalArgumentException("year " + p.year + " is outside 1990-2100");
		}
		return p;
	}

	private static int weeksIn(int year) {
		return (int) LocalDate.of(year, 12, 28).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
	}

	public Granularity getGranularity() {
		return this.granularity;
	}

	public int getYear() {
		return this.year;
	}

	/** Quarter, month or week number within the year; 0 for a year. */
	public int getIndex() {
		return this.index;
	}

	/**
	 * A number that grows by one from each period to the next of the same granularity (months:
	 * year×12+month), for windows in rule conditions ({@code serial > $r.serial - 12}).
	 */
	public int serial() {
		return switch (this.granularity) {
			case YEAR -> this.year;
			case QUARTER -> this.year * 4 + this.index - 1;
			case MONTH -> this.year * 12 + this.index - 1;
			case WEEK -> (int) Math.floorDiv(start().toEpochDay(), 7);
		};
	}

	/** The calendar year the period belongs to (a week's by its Thursday). */
	public int calendarYear() {
		return anchor().getYear();
	}

	/** First day of the period. */
	public LocalDate start() {
		return switch (this.granularity) {
			case YEAR -> LocalDate.of(this.year, 1, 1);
			case QUARTER -> LocalDate.of(this.year, (this.index - 1) * 3 + 1, 1);
			case MONTH -> LocalDate.of(this.year, this.index, 1);
			case WEEK -> LocalDate.of(this.year, 1, 4)
				.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, this.index)
				.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		};
	}

	/** Last day of the period (inclusive). */
	public LocalDate end() {
		return switch (this.granularity) {
			case YEAR -> LocalDate.of(this.year, 12, 31);
			case QUARTER -> YearMonth.of(this.year, this.index * 3).atEndOfMonth();
			case MONTH -> YearMonth.of(this.year, this.index).atEndOfMonth();
			case WEEK -> start().plusDays(6);
		};
	}

	/** The day that decides which month, quarter and year a week belongs to. */
	private LocalDate anchor() {
		return (this.granularity == Granularity.WEEK) ? start().plusDays(3) : start();
	}

	/** The adjacent later period of the same granularity. */
	public Period next() {
		return plus(1);
	}

	/** The adjacent earlier period of the same granularity. */
	public Period previous() {
		return plus(-1);
	}

	/** The period {@code n} steps later (earlier when negative), same granularity. */
	public Period plus(int n) {
		return switch (this.granularity) {
			case YEAR -> year(this.year + n);
			case QUARTER -> {
				int q = this.year * 4 + (this.index - 1) + n;
				yield quarter(Math.floorDiv(q, 4), Math.floorMod(q, 4) + 1);
			}
			case MONTH -> {
				int m = this.year * 12 + (this.index - 1) + n;
				yield month(Math.floorDiv(m, 12), Math.floorMod(m, 12) + 1);
			}
			case WEEK -> containing(start().plusWeeks(n), Granularity.WEEK);
		};
	}

	/** Whether {@code other} is the period right before or right after this one. */
	public boolean isAdjacentTo(Period other) {
		return other != null && other.granularity == this.granularity
				&& (other.equals(next()) || other.equals(previous()));
	}

	/**
	 * Whether {@code other} lies within this period: a finer period is contained when its anchor day
	 * (a week's Thursday, otherwise its first day) is inside this period; a period contains itself.
	 */
	public boolean contains(Period other) {
		if (other.granularity.ordinal() < this.granularity.ordinal()) {
			return false;
		}
		if (other.granularity == this.granularity) {
			return equals(other);
		}
		return contains(other.anchor());
	}

	/** Whether the day falls within this period. */
	public boolean contains(LocalDate date) {
		return !date.isBefore(start()) && !date.isAfter(end());
	}

	/** The coarser period of the given granularity that contains this one. */
	public Period within(Granularity coarser) {
		return containing(anchor(), coarser);
	}

	/**
	 * Number of steps from {@code earlier} to this period (same granularity); positive when this
	 * period is later.
	 */
	public int stepsAfter(Period earlier) {
		if (earlier.granularity != this.granularity) {
			throw new IllegalArgumentException("cannot compare " + earlier + " with " + this);
		}
		return switch (this.granularity) {
			case YEAR -> this.year - earlier.year;
			case QUARTER -> (this.year * 4 + this.index) - (earlier.year * 4 + earlier.index);
			case MONTH -> (this.year * 12 + this.index) - (earlier.year * 12 + earlier.index);
			case WEEK -> (int) ((start().toEpochDay() - earlier.start().toEpochDay()) / 7);
		};
	}

	/** Orders by start day, then coarser granularity first. */
	@Override
	public int compareTo(Period other) {
		int byStart = start().compareTo(other.start());
		return (byStart != 0) ? byStart : Integer.compare(this.granularity.ordinal(), other.granularity.ordinal());
	}

	@JsonValue
	@Override
	public String toString() {
		return switch (this.granularity) {
			case YEAR -> String.valueOf(this.year);
			case QUARTER -> this.year + "-Q" + this.index;
			case MONTH -> String.format("%d-%02d", this.year, this.index);
			case WEEK -> String.format("%d-W%02d", this.year, this.index);
		};
	}

	/** Chinese reading for reasons: 2026年第3季度, 2026年8月, 2026年第37周, 2026年. */
	public String toChinese() {
		return switch (this.granularity) {
			case YEAR -> this.year + "年";
			case QUARTER -> this.year + "年第" + this.index + "季度";
			case MONTH -> this.year + "年" + this.index + "月";
			case WEEK -> this.year + "年第" + this.index + "周";
		};
	}

	@Override
	public boolean equals(Object o) {
		return (o instanceof Period p) && p.granularity == this.granularity && p.year == this.year
				&& p.index == this.index;
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.granularity, this.year, this.index);
	}

}
