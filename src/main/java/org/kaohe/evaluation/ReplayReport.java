package org.kaohe.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.kaohe.facts.Period;

/**
 * The result of re-evaluating a stored run with exactly what it used (the same revisions, prior runs,
 * ruleset version and judging day): whether the outcomes come out the same.
 *
 * @param runId the replayed run
 * @param period its period
 * @param rulesetVersion the ruleset version used again
 * @param factsHash the hash of the documents loaded for the replay
 * @param factsHashMatches whether it equals the run's stored facts hash
 * @param identical whether the replay decided exactly the stored outcomes (key, measure, severity,
 * amounts, durations, target and reason)
 * @param storedCount outcomes stored with the run
 * @param replayedCount outcomes the replay decided
 * @param missing stored outcomes the replay did not decide
 * @param unexpected outcomes the replay decided that were not stored
 */
public record ReplayReport(String runId, Period period, String rulesetVersion, String factsHash, boolean factsHashMatches,
		boolean identical, int storedCount, int replayedCount, List<Difference> missing, List<Difference> unexpected) {

	/**
	 * One outcome on one side only.
	 *
	 * @param key the outcome key
	 * @param ruleId the rule
	 * @param subjectId the subject
	 * @param measure the measure
	 * @param amountYuan the amount, if any
	 * @param reason the reason
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Difference(String key, String ruleId, String subjectId, String measure, Long amountYuan, String reason) {
	}

}
