package org.kaohe.evaluation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.kaohe.facts.Period;
import org.kaohe.history.RankView;
import org.kaohe.outcome.Outcome;

/**
 * Read access to stored outcomes and ranks for the modules that answer questions about them
 * (explanations, appeals, notices). Outcomes are never changed once stored.
 */
@Service
public class StoredOutcomes {

	private final RunRepository runs;

	StoredOutcomes(RunRepository runs) {
		this.runs = runs;
	}

	/** A stored outcome by its id ({@code o-…}). */
	public Optional<StoredOutcome> find(String outcomeId) {
		return this.runs.storedOutcome(outcomeId);
	}

	/** Stored outcomes by id; ids that do not exist are left out. */
	public List<StoredOutcome> findAll(Collection<String> outcomeIds) {
		return this.runs.outcomesByIds(outcomeIds);
	}

	/** Every outcome of a run, in the run's order. */
	public List<Outcome> ofRun(String runId) {
		return this.runs.allOutcomes(runId);
	}

	/** A run's outcomes about one subject under one rule. */
	public List<StoredOutcome> of(String runId, String subjectId, String ruleId) {
		return this.runs.outcomesOf(runId, subjectId, ruleId);
	}

	/**
	 * The stored outcomes that earlier evidence cites by engine id ({@code table: outcomes, id: …}), looked up
	 * in the runs an evaluation used as history.
	 */
	public List<StoredOutcome> byEngineIds(Collection<String> runIds, Collection<String> engineIds) {
		return this.runs.outcomesByEngineIds(runIds, engineIds);
	}

	/** The ranks a run stored (the evaluated period's, computed and official). */
	public List<RankView> ranks(String runId) {
		return this.runs.ranks(runId);
	}

	/** The latest run of each period that has one. */
	public Map<Period, String> latestRuns(Collection<Period> periods) {
		return this.runs.latestRuns(periods);
	}

}
