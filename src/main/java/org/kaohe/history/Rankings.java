package org.kaohe.history;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.stereotype.Service;

import org.kaohe.engine.Ruleset;
import org.kaohe.facts.Granularity;
import org.kaohe.facts.Period;
import org.kaohe.ranking.RankingCalculator;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * {@code GET /api/v1/rankings}: the ranks computed from the latest revision of a stored period's facts
 * with the parameters of the ruleset in force (which direction is better, groups), official ranks
 * replacing computed ones as in an evaluation.
 */
@Service
public class Rankings {

	private final StoredPeriods periods;

	private final ActiveRuleset rules;

	Rankings(StoredPeriods periods, ActiveRuleset rules) {
		this.periods = periods;
		this.rules = rules;
	}

	/**
	 * Ranks of a period.
	 *
	 * @param period a stored period ({@code 2026-Q3}) for all ranks in it, or a finer one
	 * ({@code 2026-08}, {@code 2026-W33}) for the ranks of that period only; null for the latest stored
	 * period
	 * @param indicator only this indicator, or null
	 * @param group only this ranking group, or null
	 * @param granularity only ranks of periods of this granularity (the quarter's own ranks and not its
	 * months'), or null
	 * @throws org.kaohe.system.NotFoundException when no stored period covers {@code period}
	 */
	public PeriodRanks ranks(Period period, String indicator, String group, Granularity granularity, Paging paging) {
		FactBatch batch = (period != null) ? this.periods.latestCovering(period) : this.periods.latestPeriod();
		StoredPeriods.StoredDocument stored = this.periods.load(batch);
		Ruleset ruleset = this.rules.forPeriod(batch.period());
		List<RankView> ranks = RankingCalculator.rank(stored.document(), ruleset.parametersFor(batch.period()))
			.stream()
			.filter(r -> period == null || period.equals(batch.period()) || r.getPeriod().equals(period))
			.filter(r -> indicator == null || r.getIndicator().equals(indicator))
			.filter(r -> group == null || Objects.equals(r.getGroup(), group))
			.filter(r -> granularity == null || r.getPeriod().getGranularity() == granularity)
			.map(RankView::of)
			.toList();
		Page<RankView> page = Page.slice(ranks, paging);
		return new PeriodRanks(batch.period(), batch.batchId(), batch.revision(), ruleset.version(), page.content(),
				page.page(), page.size(), page.total());
	}

	/**
	 * A page of ranks with the facts and ruleset they were computed from.
	 *
	 * @param period the stored period whose facts were ranked
	 * @param batchId the upload used (its latest revision)
	 * @param revision that revision
	 * @param rulesetVersion the ruleset whose parameters ranked them
	 */
	@JsonPropertyOrder({ "period", "batchId", "revision", "rulesetVersion", "content", "page", "size", "total" })
	public record PeriodRanks(Period period, String batchId, int revision, String rulesetVersion, List<RankView> content,
			int page, int size, long total) {
	}

}
