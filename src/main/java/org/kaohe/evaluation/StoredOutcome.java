package org.kaohe.evaluation;

import org.kaohe.outcome.Outcome;

/**
 * A stored outcome with what it was stored under besides its id.
 *
 * @param outcome the outcome as decided (SPEC §5), with its stored id and run
 * @param engineId the id the engine derived from period and key: the same in every run of the same facts,
 * and the id later periods' evidence cites when this outcome counted as history
 * @param key {@link Outcome#getKey()} at evaluation time (rule, subject, measure, evidence identity)
 */
public record StoredOutcome(Outcome outcome, String engineId, String key) {
}
