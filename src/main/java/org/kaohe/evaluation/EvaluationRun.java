package org.kaohe.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.facts.Period;

/**
 * A stored evaluation of a period: exactly what it used (which revision of the period, which revisions
 * of the earlier periods, which of their runs' outcomes, which ruleset version and judging day), so
 * it can be replayed to the same outcomes years later.
 *
 * @param runId unique id of the run
 * @param period the evaluated period
 * @param runNumber 1 for the period's first run, 2 for the next …; the highest is the period's latest
 * run, whose outcomes later periods read as prior outcomes
 * @param batchId the upload of the period that was evaluated
 * @param revision its revision
 * @param rulesetVersion the ruleset version
 * @param parametersValidFrom {@code validFrom} of the parameter version in force for the period
 * @param factsHash {@code sha256:} over the documents used (history in period order, then the period)
 * @param asOf the day deadlines were judged on
 * @param createdAt when the run was stored
 * @param history the earlier periods loaded as history, earliest first
 * @param warnings what the run had to do without (an earlier period never evaluated …), in Chinese and
 * English
 * @param timings how long loading, preparing and evaluating took
 * @param factCount facts inserted into the rule sessions (history included)
 * @param firings rule firings
 * @param outcomeCount outcomes stored
 */
@JsonPropertyOrder({ "runId", "period", "runNumber", "batchId", "revision", "rulesetVersion", "parametersValidFrom", "factsHash", "asOf",
		"createdAt", "history", "warnings", "timings", "factCount", "firings", "outcomeCount" })
public record EvaluationRun(String runId, Period period, int runNumber, String batchId, int revision, String rulesetVersion,
		LocalDate parametersValidFrom, String factsHash, LocalDate asOf, OffsetDateTime createdAt,
		List<HistoryUse> history, List<String> warnings, Timings timings, int factCount, long firings,
		int outcomeCount) {

	/**
	 * An earlier period an evaluation used.
	 *
	 * @param period the period
	 * @param revision the revision of its facts that was loaded
	 * @param batchId that upload
	 * @param runId the run of that period whose outcomes were the prior outcomes; null when the period
	 * had not been evaluated
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record HistoryUse(Period period, int revision, String batchId, String runId) {
	}

	/**
	 * @param loadMillis reading the documents and prior outcomes from the database
	 * @param assembleMillis copying, deriving and ranking the facts
	 * @param evaluateMillis running the rules
	 */
	public record Timings(long loadMillis, long assembleMillis, long evaluateMillis) {
	}

}
