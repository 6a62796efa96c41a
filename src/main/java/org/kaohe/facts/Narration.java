package org.kaohe.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Text helpers for reasons written in rule files ({@code import function
 * org.kaohe.facts.Narration.yuan}): money in 万元, numbers without trailing zeros, rank chains.
 */
public final class Narration {

	private Narration() {
	}

	/** Money for reasons: 1000000 → "100万元", 35000 → "3.5万元", 2000 → "2000元". */
	public static String yuan(long amountYuan) {
		if (Math.abs(amountYuan) >= 10_000) {
			return number(amountYuan / 10_000.0) + "万元";
		}
		return amountYuan + "元";
	}

	/** A number without trailing zeros, at most two decimals: 15.0 → "15", 9.765 → "9.77". */
	public static String number(double value) {
		BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		return (d.scale() < 0) ? d.setScale(0).toPlainString() : d.toPlainString();
	}

	/** A ratio as a percentage: 0.2 → "20%", 0.3333 → "33.33%". */
	public static String percent(double ratio) {
		return number(ratio * 100) + "%";
	}

	/** Ranks in period order: "2026-07 第14名（共15个）、2026-08 第15名（共15个）". */
	public static String chain(Collection<Rank> ranks) {
		return ranks.stream()
			.sorted(Comparator.comparing(Rank::getPeriod))
			.map(Rank::getChainText)
			.collect(Collectors.joining("、"));
	}

	/** Items joined with the Chinese enumeration comma. */
	public static String join(Collection<?> items) {
		return items.stream().map(String::valueOf).collect(Collectors.joining("、"));
	}

	/** Inspection times in order: "2026-05-03 10:00、2026-08-11 23:40". */
	public static String inspectionTimes(Collection<?> inspections) {
		return inspections.stream()
			.map(Inspection.class::cast)
			.sorted(Comparator.comparingLong(Inspection::getEpochMinute))
			.map(Inspection::getAtText)
			.collect(Collectors.joining("、"));
	}

	/** Periods of the given facts in order, joined: "2026-07、2026-09". */
	public static String periods(List<Rank> ranks) {
		return ranks.stream()
			.map(Rank::getPeriod)
			.sorted()
			.map(Period::toString)
			.collect(Collectors.joining("、"));
	}

}
