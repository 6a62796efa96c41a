package org.kaohe.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.kaohe.facts.Period;
import org.kaohe.facts.Rank;
import org.kaohe.outcome.Outcome;

/**
 * What one evaluation decided.
 *
 * @param period the evaluated period
 * @param asOf the day deadlines were judged on
 * @param rulesetVersion version of the ruleset used
 * @param parametersValidFrom {@code validFrom} of the parameter version in force
 * @param outcomes every outcome, in a stable order (kind, subject, rule)
 * @param ranks the evaluated period's ranks (computed and official)
 * @param statistics how the evaluation went (facts, partitions, firings, timings)
 */
public record EvaluationResult(Period period, LocalDate asOf, String rulesetVersion, LocalDate parametersValidFrom,
		List<Outcome> outcomes, List<Rank> ranks, Statistics statistics) {

	/**
	 * @param facts facts inserted over all partitions (history included)
	 * @param partitions sessions run
	 * @param firings rule firings in total
	 * @param firingsByRule firings per rule ID
	 * @param assembleMillis time to copy, derive and rank the facts
	 * @param evaluateMillis time in the rule sessions
	 */
	public record Statistics(int facts, int partitions, long firings, Map<String, Long> firingsByRule,
			long assembleMillis, long evaluateMillis) {
	}

}
