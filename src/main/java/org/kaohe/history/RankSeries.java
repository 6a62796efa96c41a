package org.kaohe.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.stereotype.Service;

import org.kaohe.engine.Ruleset;
import org.kaohe.facts.Granularity;
import org.kaohe.facts.Period;
import org.kaohe.facts.Rank;
import org.kaohe.ranking.RankingCalculator;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.system.NotFoundException;

/**
 * Ranks over time: {@code GET /api/v1/rankings/series} (each unit's rank and value for one indicator,
 * period after period) and {@code GET /api/v1/rankings/indicators} (which indicators the stored facts
 * rank, at which granularities and in which groups).
 *
 * <p>The ranks are computed exactly as {@code GET /api/v1/rankings} computes them: from the latest
 * revision of every stored period, with the parameters of the ruleset in force for that period, official
 * ranks replacing computed ones. A ranked period (a month, a week) normally lies in one stored period (its
 * quarter); should two stored documents rank it, the one whose period contains it wins.
 */
@Service
public class RankSeries {

	private final StoredPeriods periods;

	private final ActiveRuleset rules;

	RankSeries(StoredPeriods periods, ActiveRuleset rules) {
		this.periods = periods;
		this.rules = rules;
	}

	/** Every indicator ranked in the stored facts, in the order of the code. */
	public List<IndicatorCoverage> indicators() {
		Map<String, String> labels = new TreeMap<>();
		Map<String, Set<Granularity>> granularities = new TreeMap<>();
		Map<String, Set<String>> groups = new TreeMap<>();
		Map<String, Set<Period>> periodsOf = new TreeMap<>();
		for (RankView r : ranks()) {
			labels.putIfAbsent(r.indicator(), r.indicatorLabel());
			granularities.computeIfAbsent(r.indicator(), k -> EnumSet.noneOf(Granularity.class))
				.add(r.period().getGranularity());
			if (r.group() != null) {
				groups.computeIfAbsent(r.indicator(), k -> new TreeSet<>()).add(r.group());
			}
			periodsOf.computeIfAbsent(r.indicator(), k -> new TreeSet<>()).add(r.period());
		}
		List<IndicatorCoverage> coverage = new ArrayList<>();
		labels.forEach((code, label) -> {
			TreeSet<Period> ps = (TreeSet<Period>) periodsOf.get(code);
			coverage.add(new IndicatorCoverage(code, label, List.copyOf(granularities.get(code)),
					List.copyOf(groups.getOrDefault(code, Set.of())), ps.first(), ps.last()));
		});
		return coverage;
	}

	/**
	 * Each unit's rank and value of one indicator over time.
	 *
	 * @param indicator the indicator code
	 * @param granularity which ranked periods (months, weeks …); null for months when the indicator has
	 * monthly ranks, else its coarsest granularity
	 * @param group only this ranking group, or null for every unit
	 * @throws NotFoundException when the stored facts rank nothing for the indicator
	 */
	public Series series(String indicator, Granularity granularity, String group) {
		List<RankView> ofIndicator = ranks().stream().filter(r -> r.indicator().equals(indicator)).toList();
		if (ofIndicator.isEmpty()) {
			throw new NotFoundException("已存储的事实数据中没有指标 " + indicator + " 的排名 / the stored facts rank nothing for "
					+ indicator);
		}
		Granularity g = (granularity != null) ? granularity : defaultGranularity(ofIndicator);
		Set<Period> periods = new TreeSet<>();
		Map<String, List<Point>> points = new LinkedHashMap<>();
		Map<String, RankView> latest = new LinkedHashMap<>();
		ofIndicator.stream()
			.filter(r -> r.period().getGranularity() == g)
			.filter(r -> group == null || group.equals(r.group()))
			.sorted(Comparator.comparing(RankView::period))
			.forEach(r -> {
				periods.add(r.period());
				points.computeIfAbsent(r.subjectId(), k -> new ArrayList<>())
					.add(new Point(r.period(), r.rank(), r.rankFromBottom(), r.of(), r.value(), r.target(), r.groupMean(),
							r.source()));
				latest.put(r.subjectId(), r);
			});
		List<UnitSeries> series = new ArrayList<>();
		latest.values()
			.stream()
			.sorted(Comparator.comparing((RankView r) -> Objects.toString(r.group(), "")).thenComparing(RankView::subjectId))
			.forEach(r -> series.add(new UnitSeries(r.subjectId(), r.subjectName(), r.group(), points.get(r.subjectId()))));
		return new Series(indicator, ofIndicator.get(0).indicatorLabel(), g, group, List.copyOf(periods), series, 0, series.size(),
				series.size());
	}

	private static Granularity defaultGranularity(List<RankView> ranks) {
		Set<Granularity> present = EnumSet.noneOf(Granularity.class);
		ranks.forEach(r -> present.add(r.period().getGranularity()));
		return present.contains(Granularity.MONTH) ? Granularity.MONTH : present.iterator().next();
	}

	/** The ranks of every stored period's latest revision, one per subject, ranked period and indicator. */
	private List<RankView> ranks() {
		Map<String, RankView> ranks = new LinkedHashMap<>();
		Map<String, Boolean> fromContaining = new LinkedHashMap<>();
		for (FactBatch batch : this.periods.latestOfEveryPeriod()) {
			StoredPeriods.StoredDocument stored = this.periods.load(batch);
			Ruleset ruleset = this.rules.forPeriod(batch.period());
			for (Rank r : RankingCalculator.rank(stored.document(), ruleset.parametersFor(batch.period()))) {
				String key = r.getSubjectId() + "|" + r.getPeriod() + "|" + r.getIndicator();
				boolean containing = batch.period().contains(r.getPeriod());
				if (!ranks.containsKey(key) || containing || !fromContaining.get(key)) {
					ranks.put(key, RankView.of(r));
					fromContaining.put(key, containing);
				}
			}
		}
		return List.copyOf(ranks.values());
	}

	/**
	 * An indicator the stored facts rank.
	 *
	 * @param indicator its code
	 * @param indicatorLabel its Chinese name
	 * @param granularities the granularities of its ranked periods, coarsest first
	 * @param groups the ranking groups it is ranked in (units without a group not named)
	 * @param first the earliest ranked period
	 * @param last the latest ranked period
	 */
	@JsonPropertyOrder({ "indicator", "indicatorLabel", "granularities", "groups", "first", "last" })
	public record IndicatorCoverage(String indicator, String indicatorLabel, List<Granularity> granularities,
			List<String> groups, Period first, Period last) {
	}

	/**
	 * Ranks of one indicator over time.
	 *
	 * @param indicator the indicator code
	 * @param indicatorLabel its Chinese name
	 * @param granularity the granularity of the periods
	 * @param group the ranking group asked for, or null for all
	 * @param periods every period some unit is ranked in, earliest first (the x axis)
	 * @param series one entry per unit, by group and ID (this page of them)
	 * @param page the page of units, 0-based
	 * @param size units per page
	 * @param total units over all pages
	 */
	@JsonPropertyOrder({ "indicator", "indicatorLabel", "granularity", "group", "periods", "series", "page", "size", "total" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Series(String indicator, String indicatorLabel, Granularity granularity, String group,
			List<Period> periods, List<UnitSeries> series, int page, int size, long total) {

		/** The same ranks with only a page of the units, like every list Kaohe serves. */
		public Series page(org.kaohe.system.Paging paging) {
			org.kaohe.system.Page<UnitSeries> p = org.kaohe.system.Page.slice(this.series, paging);
			return new Series(this.indicator, this.indicatorLabel, this.granularity, this.group, this.periods, p.content(),
					p.page(), p.size(), p.total());
		}

	}

	/**
	 * One unit's ranks over time.
	 *
	 * @param subjectId the unit
	 * @param subjectName its name (as of its latest ranked period)
	 * @param group its ranking group (as of its latest ranked period)
	 * @param points its ranks, earliest first; periods it was not ranked in are absent
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record UnitSeries(String subjectId, String subjectName, String group, List<Point> points) {
	}

	/**
	 * A unit's rank in one period.
	 *
	 * @param period the ranked period
	 * @param rank 1 = best
	 * @param rankFromBottom 1 = last
	 * @param of units ranked in the group
	 * @param value the measured value, null for an official rank without a measurement
	 * @param target the target value, if any
	 * @param groupMean the group's mean value
	 * @param source {@code COMPUTED} or {@code OFFICIAL}
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Point(Period period, int rank, int rankFromBottom, int of, Double value, Double target, Double groupMean,
			String source) {
	}

}
