package org.kaohe.evaluation;

import java.time.OffsetDateTime;

import org.kaohe.facts.Period;

/**
 * Published when an evaluation run has been stored. It is published inside the run's transaction:
 * a synchronous listener that writes (for example a notification outbox row) commits or rolls back
 * together with the run, so no notification is ever sent for a run that was not stored, and none is
 * lost for one that was.
 *
 * @param runId the stored run
 * @param period the evaluated period
 * @param rulesetVersion the ruleset version it used
 * @param factsHash the hash of the facts it read
 * @param outcomes number of outcomes stored
 * @param evaluatedAt when the run was stored
 */
public record RunFinished(String runId, Period period, String rulesetVersion, String factsHash, int outcomes,
		OffsetDateTime evaluatedAt) {
}
