package org.kaohe.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A maximal run of ranks in consecutive periods (same subject, indicator and granularity), for
 * "N consecutive weeks/months/quarters" rules. Runs cross quarter and year ends.
 *
 * <pre>
 * $bottom : List() from collect( Rank( subjectId == $c.id, weekly, indicator == $ind, rankFromBottom &lt;= K ) )
 * $run : RankRun( current, length &gt;= N ) from RankRun.split($bottom)
 * </pre>
 */
public final class RankRun implements EvidenceBundle {

	private final List<Rank> ranks;

	private RankRun(List<Rank> ranks) {
		this.ranks = List.copyOf(ranks);
	}

	/** Splits ranks into maximal runs of adjacent periods, per subject, indicator and granularity. */
	public static List<RankRun> split(Collection<?> ranks) {
		Map<String, List<Rank>> bySeries = new LinkedHashMap<>();
		for (Object o : ranks) {
			Rank r = (Rank) o;
			bySeries.computeIfAbsent(r.getSubjectId() + "|" + r.getIndicator() + "|" + r.getGranularity(),
					k -> new ArrayList<>())
				.add(r);
		}
		List<RankRun> runs = new ArrayList<>();
		for (List<Rank> series : bySeries.values()) {
			series.sort(Comparator.comparing(Rank::getPeriod));
			List<Rank> run = new ArrayList<>();
			for (Rank r : series) {
				if (!run.isEmpty() && r.getPeriod().equals(run.get(run.size() - 1).getPeriod())) {
					continue;
				}
				if (!run.isEmpty() && !run.get(run.size() - 1).getPeriod().next().equals(r.getPeriod())) {
					runs.add(new RankRun(run));
					run = new ArrayList<>();
				}
				run.add(r);
			}
			if (!run.isEmpty()) {
				runs.add(new RankRun(run));
			}
		}
		return runs;
	}

	public List<Rank> getRanks() {
		return this.ranks;
	}

	public int getLength() {
		return this.ranks.size();
	}

	/** Whether the run includes at least one period being evaluated. */
	public boolean isCurrent() {
		return this.ranks.stream().anyMatch(Rank::isCurrent);
	}

	/** Number of the run's periods that belong to the evaluated period. */
	public int getCurrentLength() {
		return (int) this.ranks.stream().filter(Rank::isCurrent).count();
	}

	public Rank getFirst() {
		return this.ranks.get(0);
	}

	public Rank getLast() {
		return this.ranks.get(this.ranks.size() - 1);
	}

	public String getIndicator() {
		return getFirst().getIndicator();
	}

	/** "2026-W30 第13名（共15个）、2026-W31 第15名（共15个）". */
	public String getChain() {
		return Narration.chain(this.ranks);
	}

	@Override
	public List<Rank> getEvidenceFacts() {
		return this.ranks;
	}

	@Override
	public String toString() {
		return "RankRun" + this.ranks;
	}

}
