package org.kaohe.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Measurement;
import org.kaohe.facts.OfficialRanking;
import org.kaohe.facts.Period;
import org.kaohe.facts.Rank;
import org.kaohe.facts.Subject;
import org.kaohe.rules.IndicatorDefinition;
import org.kaohe.rules.Parameters;

/**
 * Computes every subject's rank for each (period, indicator, ranking group) of a fact document.
 *
 * <p>A ranking group is the subjects of one type sharing a {@code group} (城区组, 县组); subjects
 * without a group rank together. Which direction is better comes from the indicator definitions in
 * the parameter file. Ties share a rank (1, 2, 2, 4) counted from either end, so two units tied for
 * last are both last. An official rank in the document ({@code rankings}) replaces the computed one
 * for that subject, period and indicator; the measured value and group mean are kept beside it.
 */
public final class RankingCalculator {

	private RankingCalculator() {
	}

	/** Ranks for every measurement and official ranking of the document. */
	public static List<Rank> rank(FactDocument document, Parameters parameters) {
		Map<String, Subject> subjects = new HashMap<>();
		document.getSubjects().forEach(s -> subjects.put(s.getId(), s));

		Map<GroupKey, List<Measurement>> groups = new LinkedHashMap<>();
		for (Measurement m : document.getMeasurements()) {
			Subject s = subjects.get(m.getSubjectId());
			if (s == null || parameters.indicator(m.getIndicator()) == null) {
				continue;
			}
			groups.computeIfAbsent(GroupKey.of(s, m.getPeriod(), m.getIndicator()), k -> new ArrayList<>()).add(m);
		}

		Map<String, Rank> bySubjectPeriodIndicator = new LinkedHashMap<>();
		Map<GroupKey, Double> means = new HashMap<>();
		for (Map.Entry<GroupKey, List<Measurement>> e : groups.entrySet()) {
			GroupKey key = e.getKey();
			IndicatorDefinition indicator = parameters.indicator(key.indicator());
			List<Measurement> members = e.getValue();
			double mean = members.stream().mapToDouble(Measurement::getValue).average().orElse(Double.NaN);
			means.put(key, mean);
			double[] sorted = members.stream().mapToDouble(Measurement::getValue).sorted().toArray();
			for (Measurement m : members) {
				int less = lowerBound(sorted, m.getValue());
				int greater = sorted.length - upperBound(sorted, m.getValue());
				int better = indicator.lowerIsBetter() ? less : greater;
				int worse = indicator.lowerIsBetter() ? greater : less;
				Rank r = base(subjects.get(m.getSubjectId()), m.getPeriod(), key, indicator);
				r.setValue(m.getValue());
				r.setTarget(m.getTarget());
				r.setYoyChangePct(m.getYoyChangePct());
				r.setRank(better + 1);
				r.setRankFromBottom(worse + 1);
				r.setOf(members.size());
				r.setGroupMean(round(mean));
				bySubjectPeriodIndicator.put(id(m.getSubjectId(), m.getPeriod(), key.indicator()), r);
			}
		}

		for (OfficialRanking o : document.getRankings()) {
			Subject s = subjects.get(o.getSubjectId());
			if (s == null) {
				continue;
			}
			GroupKey key = GroupKey.of(s, o.getPeriod(), o.getIndicator());
			String id = id(o.getSubjectId(), o.getPeriod(), o.getIndicator());
			Rank r = bySubjectPeriodIndicator.get(id);
			if (r == null) {
				r = base(s, o.getPeriod(), key, parameters.indicator(o.getIndicator()));
				Double mean = means.get(key);
				r.setGroupMean((mean != null) ? round(mean) : null);
				bySubjectPeriodIndicator.put(id, r);
			}
			r.setRank(o.getRank());
			r.setOf(o.getOf());
			r.setRankFromBottom(o.getOf() - o.getRank() + 1);
			r.setOfficial(true);
		}

		List<Rank> ranks = new ArrayList<>(bySubjectPeriodIndicator.values());
		ranks.sort(Comparator.comparing(Rank::getPeriod)
			.thenComparing(Rank::getIndicator)
			.thenComparing(r -> Objects.toString(r.getGroup(), ""))
			.thenComparingInt(Rank::getRank)
			.thenComparing(Rank::getSubjectId));
		return ranks;
	}

	private static Rank base(Subject s, Period period, GroupKey key, IndicatorDefinition indicator) {
		Rank r = new Rank();
		r.setSubjectId(s.getId());
		r.setSubjectName(s.getName());
		r.setPeriod(period);
		r.setIndicator(key.indicator());
		r.setIndicatorLabel((indicator != null) ? indicator.label() : key.indicator());
		r.setGroup(s.getGroup());
		return r;
	}

	/** Number of values strictly below {@code v}. */
	private static int lowerBound(double[] sorted, double v) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] < v) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** Number of values at or below {@code v}. */
	private static int upperBound(double[] sorted, double v) {
		int lo = 0;
		int hi = sorted.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (sorted[mid] <= v) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	private static String id(String subjectId, Period period, String indicator) {
		return subjectId + "|" + period + "|" + indicator;
	}

	private static double round(double v) {
		return Math.round(v * 1000.0) / 1000.0;
	}

	private record GroupKey(Period period, String indicator, String type, String group) {

		static GroupKey of(Subject s, Period period, String indicator) {
			return new GroupKey(period, indicator, s.getType().name(), Objects.toString(s.getGroup(), ""));
		}

	}

}
