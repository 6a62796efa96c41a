package org.kaohe.outcome;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.kaohe.facts.EvidenceBundle;
import org.kaohe.facts.Evidential;
import org.kaohe.facts.Interview;

/**
 * A subject's interviews (约谈) in a window, in date order, from the interviews table and from Kaohe's
 * own earlier and current outcomes: what the repeat-interview escalation (R-PER-01) reads.
 *
 * <p>An interview counts as "without improvement" when the table says {@code improvedAfter: false},
 * or when it was Kaohe's and the same rule had to interview again later (the problem persisted). An
 * interview the table marks as improved, or not yet judged, never does.
 */
public final class InterviewChain implements EvidenceBundle {

	private final List<Entry> entries;

	private InterviewChain(List<Entry> entries) {
		this.entries = entries;
	}

	/**
	 * Builds the chain.
	 *
	 * @param table {@link Interview} facts in the window
	 * @param prior {@link PriorOutcome}s that were interviews, in the window
	 * @param current {@link Outcome}s of the evaluated period that are interviews
	 * @param includeTargeted whether Kaohe's interviews addressed to a leader role count; a person's chain
	 * includes them (the rule selects those addressed to the person's role), a unit's chain does not,
	 * because an interview of the government head and one of the Party head are two people's
	 * @param asOf the day current outcomes are dated
	 * @param windowDays only interviews at most this many days before the latest interview of the evaluated
	 * period count ("the 2nd interview within 12 months of the first")
	 */
	public static InterviewChain of(Collection<?> table, Collection<?> prior, Collection<?> current,
			boolean includeTargeted, LocalDate asOf, int windowDays) {
		List<Entry> entries = new ArrayList<>();
		for (Object o : table) {
			Interview i = (Interview) o;
			entries.add(new Entry(i.getOn(), i.getType().getLabel(), null, i.getImprovedAfter(), i.isCurrent(), i));
		}
		for (Object o : prior) {
			PriorOutcome p = (PriorOutcome) o;
			if (includeTargeted || p.getTargetRole() == null) {
				entries.add(new Entry(p.getPeriod().end(), p.getMeasure().getLabel(), p.getRuleId(), null, false, p));
			}
		}
		for (Object o : current) {
			Outcome c = (Outcome) o;
			if (includeTargeted || c.getTargetRole() == null) {
				entries.add(new Entry(asOf, c.getMeasure().getLabel(), c.getRuleId(), null, true, c));
			}
		}
		entries.sort(Comparator.comparing(Entry::date).thenComparing(e -> e.current));
		LocalDate latestCurrent = entries.stream().filter(Entry::current).map(Entry::date).max(Comparator.naturalOrder())
			.orElse(null);
		if (latestCurrent != null) {
			LocalDate from = latestCurrent.minusDays(windowDays);
			entries.removeIf(e -> e.date.isBefore(from) || e.date.isAfter(latestCurrent));
		}
		List<Entry> judged = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			Entry e = entries.get(i);
			Boolean improved = e.improvedAfter;
			if (improved == null && e.ruleId != null) {
				for (int j = i + 1; j < entries.size(); j++) {
					if (e.ruleId.equals(entries.get(j).ruleId)) {
						improved = Boolean.FALSE;
						break;
					}
				}
			}
			judged.add(new Entry(e.date, e.label, e.ruleId, improved, e.current, e.source));
		}
		return new InterviewChain(List.copyOf(judged));
	}

	/** Interviews in the chain. */
	public int getCount() {
		return this.entries.size();
	}

	/**
	 * Whether an interview of the evaluated period follows an earlier interview that brought no
	 * improvement: "约谈一次没有改进的，再约谈".
	 */
	public boolean isRepeatWithoutImprovement() {
		for (int j = 0; j < this.entries.size(); j++) {
			if (!this.entries.get(j).current) {
				continue;
			}
			for (int i = 0; i < j; i++) {
				// an interview the same day is not an earlier one that failed to bring improvement
				if (Boolean.FALSE.equals(this.entries.get(i).improvedAfter)
						&& this.entries.get(i).date.isBefore(this.entries.get(j).date)) {
					return true;
				}
			}
		}
		return false;
	}

	/** "2026-03-10 公开约谈（约谈后无改进）、2026-09-30 约谈". */
	public String getChain() {
		return this.entries.stream()
			.map(e -> e.date + " " + e.label + (Boolean.FALSE.equals(e.improvedAfter) ? "（约谈后无改进）"
					: Boolean.TRUE.equals(e.improvedAfter) ? "（约谈后有改进）" : ""))
			.collect(Collectors.joining("、"));
	}

	@Override
	public List<Evidential> getEvidenceFacts() {
		return this.entries.stream().map(Entry::source).toList();
	}

	private record Entry(LocalDate date, String label, String ruleId, Boolean improvedAfter, boolean current,
			Evidential source) {
	}

}
