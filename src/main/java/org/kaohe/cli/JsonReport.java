package org.kaohe.cli;

import java.time.LocalDate;
import java.util.List;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.facts.Period;
import org.kaohe.outcome.Outcome;

/**
 * {@code evaluate --format json}: {@code {period, rulesetVersion, asOf, outcomes: […]}} with outcomes as
 * in SPEC §5.
 */
record JsonReport(Period period, String rulesetVersion, LocalDate asOf, List<Outcome> outcomes) {

	static JsonReport of(EvaluationResult result) {
		return new JsonReport(result.period(), result.rulesetVersion(), result.asOf(), result.outcomes());
	}

}
