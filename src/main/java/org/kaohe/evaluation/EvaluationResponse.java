package org.kaohe.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.kaohe.facts.Period;
import org.kaohe.outcome.Outcome;

/**
 * What an in-memory evaluation returns (SPEC §8): the evaluated period, the ruleset version, the facts
 * hash, the judging day and the outcomes in their stable order.
 */
public record EvaluationResponse(Period period, String rulesetVersion, String factsHash, LocalDate asOf,
		List<Outcome> outcomes) {
}
