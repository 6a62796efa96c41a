package org.kaohe.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.outcome.PriorOutcome;

/**
 * Evaluates a series of period documents in memory, each with the ones before it as history and
 * their outcomes as prior outcomes, and returns the last period's result: what the CLI, the stateless
 * REST call and the scenario tests do when given several periods.
 *
 * <p>Earlier periods are evaluated too (not only loaded) because escalation rules read earlier
 * outcomes: the second interview is only "second" if the first was decided.
 */
public final class PeriodChain {

	private PeriodChain() {
	}

	/**
	 * @param documents the periods, earliest first; the last is the one evaluated
	 * @param asOf the judging day for the last period, or null for its last day (earlier periods are
	 * always judged on their own last day)
	 */
	public static EvaluationResult evaluate(RuleEngine engine, Ruleset ruleset, List<FactDocument> documents,
			LocalDate asOf) {
		if (documents.isEmpty()) {
			throw new IllegalArgumentException("no fact documents to evaluate");
		}
		List<FactDocument> earlier = new ArrayList<>();
		List<PriorOutcome> prior = new ArrayList<>();
		EvaluationResult result = null;
		for (int i = 0; i < documents.size(); i++) {
			FactDocument doc = documents.get(i);
			boolean last = (i == documents.size() - 1);
			List<FactDocument> history = window(ruleset, doc, earlier);
			result = engine.evaluate(ruleset, new EvaluationRequest(doc, history, prior, last ? asOf : null));
			if (!last) {
				result.outcomes().forEach(o -> prior.add(PriorOutcome.of(o)));
				earlier.add(doc);
			}
		}
		return result;
	}

	/** The earlier documents within the parameter {@code historyMonths} before the period starts. */
	static List<FactDocument> window(Ruleset ruleset, FactDocument current, List<FactDocument> earlier) {
		int months = ruleset.parametersFor(current.getPeriod()).integer("historyMonths");
		LocalDate from = current.getPeriod().start().minusMonths(months);
		return earlier.stream()
			.filter(d -> !d.getPeriod().end().isBefore(from) && d.getPeriod().start().isBefore(current.getPeriod().start()))
			.sorted(Comparator.comparing(FactDocument::getPeriod))
			.toList();
	}

}
