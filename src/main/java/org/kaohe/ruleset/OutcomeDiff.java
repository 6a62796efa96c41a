package org.kaohe.ruleset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectRef;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;

/**
 * What changes between two evaluations of the same facts (the active ruleset and a candidate): outcomes
 * added, removed and changed (kind, measure, amount, severity, duration, target), with counts per kind
 * and money totals, overall and per subject. The what-if diff policy staff and approvers read before a
 * rule change goes live.
 */
public final class OutcomeDiff {

	private OutcomeDiff() {
	}

	/**
	 * Compares two outcome lists of one period. Outcomes are paired by rule, subject and evidence; within
	 * such a pair group, the same measure pairs first.
	 */
	public static PeriodDiff compare(Period period, List<Outcome> before, List<Outcome> after) {
		Map<String, List<Outcome>> left = group(before);
		Map<String, List<Outcome>> right = group(after);
		List<Change> changes = new ArrayList<>();
		java.util.Set<String> keys = new java.util.TreeSet<>(left.keySet());
		keys.addAll(right.keySet());
		for (String key : keys) {
			List<Outcome> l = new ArrayList<>(left.getOrDefault(key, List.of()));
			List<Outcome> r = new ArrayList<>(right.getOrDefault(key, List.of()));
			for (var it = l.iterator(); it.hasNext();) {
				Outcome o = it.next();
				Outcome same = r.stream().filter(x -> x.getMeasure() == o.getMeasure()).findFirst().orElse(null);
				if (same != null) {
					it.remove();
					r.remove(same);
					List<String> fields = differences(o, same);
					if (!fields.isEmpty()) {
						changes.add(Change.of(ChangeType.CHANGED, o, same, fields));
					}
				}
			}
			while (!l.isEmpty() && !r.isEmpty()) {
				Outcome o = l.remove(0);
				Outcome n = r.remove(0);
				changes.add(Change.of(ChangeType.CHANGED, o, n, differences(o, n)));
			}
			l.forEach(o -> changes.add(Change.of(ChangeType.REMOVED, o, null, List.of())));
			r.forEach(n -> changes.add(Change.of(ChangeType.ADDED, null, n, List.of())));
		}
		changes.sort(Comparator.comparing((Change c) -> c.subject().getId()).thenComparing(Change::ruleId).thenComparing(Change::type));
		return new PeriodDiff(period, before.size(), after.size(), Totals.of(before), Totals.of(after), changes);
	}

	private static Map<String, List<Outcome>> group(List<Outcome> outcomes) {
		Map<String, List<Outcome>> map = new TreeMap<>();
		outcomes.forEach(o -> map.computeIfAbsent(o.getMatchKey(), k -> new ArrayList<>()).add(o));
		return map;
	}

	private static List<String> differences(Outcome a, Outcome b) {
		List<String> fields = new ArrayList<>();
		if (a.getKind() != b.getKind()) {
			fields.add("kind");
		}
		if (a.getMeasure() != b.getMeasure()) {
			fields.add("measure");
		}
		if (!Objects.equals(a.getAmountYuan(), b.getAmountYuan())) {
			fields.add("amountYuan");
		}
		if (a.getSeverity() != b.getSeverity()) {
			fields.add("severity");
		}
		if (!Objects.equals(a.getDurationDays(), b.getDurationDays()) || !Objects.equals(a.getDurationHours(), b.getDurationHours())) {
			fields.add("duration");
		}
		if (a.getTargetRole() != b.getTargetRole()) {
			fields.add("targetRole");
		}
		if (!Objects.equals(a.getFineRangeYuan(), b.getFineRangeYuan())) {
			fields.add("fineRangeYuan");
		}
		return fields;
	}

	/** Sums the diffs of several periods. */
	public static Summary summarize(List<PeriodDiff> periods) {
		Map<ChangeType, Integer> byType = new EnumMap<>(ChangeType.class);
		Map<String, SubjectSummary> bySubject = new LinkedHashMap<>();
		Totals before = Totals.empty();
		Totals after = Totals.empty();
		for (PeriodDiff p : periods) {
			before = before.plus(p.totalsBefore());
			after = after.plus(p.totalsAfter());
			for (Change c : p.changes()) {
				byType.merge(c.type(), 1, Integer::sum);
				bySubject.computeIfAbsent(c.subject().getId(), id -> new SubjectSummary(c.subject(), 0, 0, 0, 0))
					.add(c);
			}
		}
		List<SubjectSummary> subjects = bySubject.values().stream()
			.sorted(Comparator.comparing(s -> s.subject().getId()))
			.toList();
		return new Summary(byType, before, after, after.moneyYuan() - before.moneyYuan(), subjects);
	}

	public enum ChangeType {

		ADDED, REMOVED, CHANGED

	}

	/**
	 * One difference.
	 *
	 * @param type added, removed or changed
	 * @param subject who it concerns
	 * @param ruleId the rule
	 * @param before the outcome under the active ruleset (null when added)
	 * @param after the outcome under the candidate (null when removed)
	 * @param changedFields for a change: which of kind, measure, amountYuan, severity, duration, targetRole,
	 * fineRangeYuan differ
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@io.swagger.v3.oas.annotations.media.Schema(name = "OutcomeChange")
	public record Change(ChangeType type, SubjectRef subject, String ruleId, OutcomeView before, OutcomeView after,
			List<String> changedFields) {

		static Change of(ChangeType type, Outcome before, Outcome after, List<String> fields) {
			Outcome any = (before != null) ? before : after;
			return new Change(type, any.getSubject(), any.getRuleId(), OutcomeView.of(before), OutcomeView.of(after),
					fields.isEmpty() ? null : List.copyOf(fields));
		}

	}

	/** The fields of an outcome a diff reader compares. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record OutcomeView(String id, OutcomeKind kind, Measure measure, String measureLabel, int severity, Long amountYuan,
			Integer durationDays, Integer durationHours, String targetRole, String reason) {

		static OutcomeView of(Outcome o) {
			if (o == null) {
				return null;
			}
			return new OutcomeView(o.getId(), o.getKind(), o.getMeasure(), o.getMeasureLabel(), o.getSeverity(), o.getAmountYuan(),
					o.getDurationDays(), o.getDurationHours(), (o.getTargetRole() != null) ? o.getTargetRole().name() : null,
					o.getReason());
		}

	}

	/**
	 * Counts per kind and money in one outcome list.
	 *
	 * @param counts outcomes per kind
	 * @param deductionYuan fiscal deductions
	 * @param rewardYuan fiscal rewards
	 * @param maximumFineYuan maximum-fine referrals (ranged referrals carry no amount)
	 * @param amountYuanByKind the amounts of the outcomes of each kind added up (FINE: deductions and fines;
	 * COMMENDATION: rewards)
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "OutcomeDiffTotals")
	public record Totals(Map<OutcomeKind, Integer> counts, long deductionYuan, long rewardYuan, long maximumFineYuan,
			Map<OutcomeKind, Long> amountYuanByKind) {

		static Totals empty() {
			return new Totals(new EnumMap<>(OutcomeKind.class), 0, 0, 0, new EnumMap<>(OutcomeKind.class));
		}

		static Totals of(List<Outcome> outcomes) {
			Map<OutcomeKind, Integer> counts = new EnumMap<>(OutcomeKind.class);
			Map<OutcomeKind, Long> amounts = new EnumMap<>(OutcomeKind.class);
			long deduction = 0;
			long reward = 0;
			long fines = 0;
			for (Outcome o : outcomes) {
				counts.merge(o.getKind(), 1, Integer::sum);
				long amount = (o.getAmountYuan() != null) ? o.getAmountYuan() : 0;
				if (o.getAmountYuan() != null) {
					amounts.merge(o.getKind(), amount, Long::sum);
				}
				switch (o.getMeasure()) {
					case FISCAL_DEDUCTION -> deduction += amount;
					case FISCAL_REWARD -> reward += amount;
					case FINE_REFERRAL_MAX -> fines += amount;
					default -> {
					}
				}
			}
			return new Totals(counts, deduction, reward, fines, amounts);
		}

		Totals plus(Totals other) {
			Map<OutcomeKind, Integer> counts = new EnumMap<>(OutcomeKind.class);
			counts.putAll(this.counts);
			other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
			Map<OutcomeKind, Long> amounts = new EnumMap<>(OutcomeKind.class);
			amounts.putAll(this.amountYuanByKind);
			other.amountYuanByKind.forEach((k, v) -> amounts.merge(k, v, Long::sum));
			return new Totals(counts, this.deductionYuan + other.deductionYuan, this.rewardYuan + other.rewardYuan,
					this.maximumFineYuan + other.maximumFineYuan, amounts);
		}

		/** Net money: deductions and fines minus rewards. */
		public long moneyYuan() {
			return this.deductionYuan + this.maximumFineYuan - this.rewardYuan;
		}

	}

	/**
	 * The diff of one period.
	 *
	 * @param period the period replayed
	 * @param countBefore outcomes under the active ruleset
	 * @param countAfter outcomes under the candidate
	 * @param totalsBefore counts and money under the active ruleset
	 * @param totalsAfter counts and money under the candidate
	 * @param changes every difference
	 */
	public record PeriodDiff(Period period, int countBefore, int countAfter, Totals totalsBefore, Totals totalsAfter,
			List<Change> changes) {
	}

	/**
	 * Over all replayed periods.
	 *
	 * @param changesByType how many outcomes were added, removed, changed
	 * @param totalsBefore counts and money under the active ruleset
	 * @param totalsAfter counts and money under the candidate
	 * @param netMoneyChangeYuan how net money (deductions and fines minus rewards) moves
	 * @param subjects per subject: how many changes and the money difference
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "OutcomeDiffSummary")
	public record Summary(Map<ChangeType, Integer> changesByType, Totals totalsBefore, Totals totalsAfter, long netMoneyChangeYuan,
			List<SubjectSummary> subjects) {
	}

	/** One subject's changes over the replayed periods. */
	public static final class SubjectSummary {

		private final SubjectRef subject;

		private int added;

		private int removed;

		private int changed;

		private long moneyChangeYuan;

		SubjectSummary(SubjectRef subject, int added, int removed, int changed, long money) {
			this.subject = subject;
			this.added = added;
			this.removed = removed;
			this.changed = changed;
			this.moneyChangeYuan = money;
		}

		void add(Change c) {
			switch (c.type()) {
				case ADDED -> this.added++;
				case REMOVED -> this.removed++;
				case CHANGED -> this.changed++;
			}
			this.moneyChangeYuan += signedMoney(c.after()) - signedMoney(c.before());
		}

		private static long signedMoney(OutcomeView v) {
			if (v == null || v.amountYuan() == null) {
				return 0;
			}
			return (v.measure() == Measure.FISCAL_REWARD) ? -v.amountYuan()
					: (v.measure() == Measure.FISCAL_DEDUCTION || v.measure() == Measure.FINE_REFERRAL_MAX) ? v.amountYuan() : 0;
		}

		public SubjectRef subject() {
			return this.subject;
		}

		public SubjectRef getSubject() {
			return this.subject;
		}

		public int getAdded() {
			return this.added;
		}

		public int getRemoved() {
			return this.removed;
		}

		public int getChanged() {
			return this.changed;
		}

		/** Net money change for the subject (deductions and fines up, rewards down). */
		public long getMoneyChangeYuan() {
			return this.moneyChangeYuan;
		}

	}

}
