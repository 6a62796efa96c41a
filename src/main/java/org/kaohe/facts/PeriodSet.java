package org.kaohe.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The distinct periods a set of measurements or ranks falls in (several indicators worsening, or bottom,
 * in one month count as one month), for "N months in the last 12" and "N consecutive months" rules.
 *
 * <pre>
 * $worse : List() from collect( Measurement( subjectId == $c.id, monthly, yoyChangePct &gt; 0, … ) )
 * $set : PeriodSet() from PeriodSet.of($worse)
 * $month : PeriodSet.Entry( current ) from $set.entries
 * $window : PeriodSet( count &gt;= 2 ) from $set.window($month.period, 12)
 * </pre>
 */
public final class PeriodSet implements EvidenceBundle {

	private final List<Entry> entries;

	private PeriodSet(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/** Groups measurements or ranks by period, in period order. */
	public static PeriodSet of(Collection<?> facts) {
		Map<Period, List<Fact>> byPeriod = new TreeMap<>();
		for (Object o : facts) {
			Period p = (o instanceof Measurement m) ? m.getPeriod() : ((Rank) o).getPeriod();
			byPeriod.computeIfAbsent(p, k -> new ArrayList<>()).add((Fact) o);
		}
		List<Entry> entries = new ArrayList<>();
		byPeriod.forEach((p, ms) -> entries.add(new Entry(p, ms)));
		return new PeriodSet(entries);
	}

	public List<Entry> getEntries() {
		return this.entries;
	}

	public int getCount() {
		return this.entries.size();
	}

	/** The entries in the {@code length} periods ending with {@code end} (same granularity). */
	public PeriodSet window(Period end, int length) {
		return new PeriodSet(this.entries.stream()
			.filter(e -> e.period.getGranularity() == end.getGranularity())
			.filter(e -> e.period.compareTo(end) <= 0 && end.stepsAfter(e.period) < length)
			.toList());
	}

	/**
	 * The entries counted for {@code end}: those of its calendar year up to it ({@code CALENDAR_YEAR}), or
	 * of the 12 periods ending with it (any other mode).
	 */
	public PeriodSet countedFor(Period end, String mode) {
		if ("CALENDAR_YEAR".equals(mode)) {
			return new PeriodSet(this.entries.stream()
				.filter(e -> e.period.getGranularity() == end.getGranularity())
				.filter(e -> e.period.calendarYear() == end.calendarYear() && e.period.compareTo(end) <= 0)
				.toList());
		}
		return window(end, 12);
	}

	/** Maximal runs of consecutive periods. */
	public List<PeriodSet> getRuns() {
		List<PeriodSet> runs = new ArrayList<>();
		List<Entry> run = new ArrayList<>();
		for (Entry e : this.entries) {
			if (!run.isEmpty() && !run.get(run.size() - 1).period.next().equals(e.period)) {
				runs.add(new PeriodSet(run));
				run = new ArrayList<>();
			}
			run.add(e);
		}
		if (!run.isEmpty()) {
			runs.add(new PeriodSet(run));
		}
		return runs;
	}

	/** Whether any entry belongs to the evaluated period. */
	public boolean isCurrent() {
		return this.entries.stream().anyMatch(Entry::isCurrent);
	}

	/** "2026-07（PM2.5同比+3.1%）、2026-08（综合指数同比+1.2%）" or "2026-07（PM2.5第14名（共15个））". */
	public String getChain() {
		return this.entries.stream().map(Entry::getText).collect(Collectors.joining("、"));
	}

	/**
	 * For sets of ranks: "PM2.5 月排名 2026-07 第14名（共15个）、2026-08 第15名（共15个）" when one indicator, otherwise
	 * "月排名 2026-07（PM2.5第14名（共15个），PM10第15名（共15个））、…".
	 */
	public String getRankChain() {
		List<Rank> ranks = this.entries.stream().flatMap(e -> e.measurements.stream()).filter(Rank.class::isInstance)
			.map(Rank.class::cast).toList();
		String kind = ranks.isEmpty() ? "" : switch (ranks.get(0).getGranularity()) {
			case WEEK -> "周排名 ";
			case MONTH -> "月排名 ";
			case QUARTER -> "季度排名 ";
			case YEAR -> "年度排名 ";
		};
		boolean oneIndicator = ranks.stream().map(Rank::getIndicator).distinct().count() == 1
				&& this.entries.stream().allMatch(e -> e.measurements.size() == 1);
		if (oneIndicator && !ranks.isEmpty()) {
			return ranks.get(0).getIndicatorLabel() + " " + kind + Narration.chain(ranks);
		}
		return kind + getChain();
	}

	@Override
	public List<Fact> getEvidenceFacts() {
		return this.entries.stream().flatMap(e -> e.measurements.stream()).toList();
	}

	@Override
	public String toString() {
		return "PeriodSet" + this.entries.stream().map(e -> e.period.toString()).toList();
	}

	/** One period with the measurements that put it in the set. */
	public static final class Entry {

		private final Period period;

		private final List<Fact> measurements;

		Entry(Period period, List<Fact> facts) {
			this.period = period;
			this.measurements = List.copyOf(facts);
		}

		public Period getPeriod() {
			return this.period;
		}

		/** The measurements or ranks that put the period in the set. */
		public List<Fact> getMeasurements() {
			return this.measurements;
		}

		/** Whether the period belongs to the evaluated document. */
		public boolean isCurrent() {
			return this.measurements.stream().anyMatch(Fact::isCurrent);
		}

		/** "2026-07（PM2.5同比+3.1%）" or "2026-07（PM2.5第14名（共15个））". */
		public String getText() {
			return this.period + "（" + this.measurements.stream().map(Entry::describe).collect(Collectors.joining("，")) + "）";
		}

		private static String describe(Fact f) {
			if (f instanceof Rank r) {
				return r.getIndicatorLabel() + "第" + r.getRank() + "名（共" + r.getOf() + "个）";
			}
			Measurement m = (Measurement) f;
			return m.getIndicatorLabel() + (m.getYoyChangePct() != null ? "同比+" + Narration.number(m.getYoyChangePct()) + "%"
					: "=" + Narration.number(m.getValue()));
		}

	}

}
