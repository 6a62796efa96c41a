package org.kaohe.engine;

import java.time.LocalDate;
import java.util.List;

import org.kaohe.facts.FactDocument;
import org.kaohe.outcome.PriorOutcome;

/**
 * One period to evaluate with its history.
 *
 * @param current the evaluated period's document
 * @param history earlier periods' documents (any order; later periods than {@code current} are
 * ignored)
 * @param priorOutcomes outcomes already decided for earlier periods
 * @param asOf the day deadlines are judged on; null means the last day of the period
 */
public record EvaluationRequest(FactDocument current, List<FactDocument> history, List<PriorOutcome> priorOutcomes,
		LocalDate asOf) {

	public EvaluationRequest {
		history = List.copyOf(history);
		priorOutcomes = List.copyOf(priorOutcomes);
	}

	public static EvaluationRequest of(FactDocument current) {
		return new EvaluationRequest(current, List.of(), List.of(), null);
	}

	public LocalDate effectiveAsOf() {
		return (this.asOf != null) ? this.asOf : this.current.getPeriod().end();
	}

}
