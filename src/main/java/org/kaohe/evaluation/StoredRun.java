package org.kaohe.evaluation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.kaohe.outcome.Outcome;

/**
 * What {@code POST /api/v1/evaluations} answers (SPEC §8): the run ({@code runId, period,
 * rulesetVersion, factsHash, asOf} and what it used) with its outcomes, each carrying the run id and
 * its stored id.
 */
public record StoredRun(@JsonUnwrapped EvaluationRun run, List<Outcome> outcomes) {
}
