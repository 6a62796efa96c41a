package org.kaohe.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.history.FactBatch;
import org.kaohe.history.FactBatchRepository;
import org.kaohe.history.PeriodLocks;
import org.kaohe.history.StoredPeriods;
import org.kaohe.history.SubjectDirectory;
import org.kaohe.ingest.FactsHash;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.ruleset.RulesetVersions;
import org.kaohe.system.NotFoundException;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * Evaluates stored periods and keeps the runs: {@code POST /api/v1/evaluations}.
 *
 * <p>An evaluation of period P loads, from the database, the latest revision of P and of every stored
 * period within the ruleset's {@code historyMonths} before P starts, and as prior outcomes the
 * outcomes of the latest run of each of those earlier periods. It runs the engine and stores the run
 * (what it used, the facts hash, asOf, timings) with its outcomes and ranks in one transaction that
 * holds P's lock, so two evaluations of the same period do not interleave.
 *
 * <p>An earlier period that was never evaluated still contributes its facts (ranks for "consecutive"
 * and "cumulative" rules) but no prior outcomes; the run records a warning saying so.
 */
@Service
public class EvaluationRuns {

	private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

	private final RuleEngine engine;

	private final RulesetVersions rulesets;

	private final FactBatchRepository batches;

	private final StoredPeriods periods;

	private final RunRepository runs;

	private final PeriodLocks locks;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemDefaultZone();

	EvaluationRuns(RuleEngine engine, RulesetVersions rulesets, FactBatchRepository batches, StoredPeriods periods,
			RunRepository runs, PeriodLocks locks, ApplicationEventPublisher events) {
		this.events = events;
		this.engine = engine;
		this.rulesets = rulesets;
		this.batches = batches;
		this.periods = periods;
		this.runs = runs;
		this.locks = locks;
	}

	/**
	 * Evaluates a stored period with its history and stores the run.
	 *
	 * @param period the period (its latest revision is evaluated)
	 * @param asOf the judging day, or null for the period's last day
	 * @param rulesetVersion the ruleset version, or null for the one the schedule puts in force for the
	 * period (a version named must have been in force at some time)
	 * @throws ProblemException when no facts were uploaded for the period or the version is unknown
	 */
	public StoredRun evaluate(Period period, LocalDate asOf, String rulesetVersion) {
		Ruleset ruleset = this.rulesets.rulesetForRun(period, rulesetVersion);
		return this.locks.inTransaction(period, () -> {
			long start = System.nanoTime();
			FactBatch current = this.batches.latest(period)
				.orElseThrow(() -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.NOT_EVALUABLE,
						"该期间没有事实数据 / No facts for the period",
						"期间 " + period + " 尚未上传事实数据，无法评估 / no facts were uploaded for " + period + "; upload them first"));
			int months = ruleset.parametersFor(period).integer("historyMonths");
			List<FactBatch> window = this.batches.latestInWindow(period.start().minusMonths(months), period.start());
			Map<Period, String> priorRuns = this.runs.latestRuns(window.stream().map(FactBatch::period).toList());
			List<EvaluationRun.HistoryUse> history = new ArrayList<>();
			List<String> warnings = new ArrayList<>();
			for (FactBatch b : window) {
				String runId = priorRuns.get(b.period());
				history.add(new EvaluationRun.HistoryUse(b.period(), b.revision(), b.batchId(), runId));
				if (runId == null) {
					warnings.add("历史期间 " + b.period() + " 尚未评估，其处理结果未计入升级类规则（如约谈次数）/ earlier period "
							+ b.period() + " was never evaluated; escalation rules did not count its outcomes");
				}
			}
			Inputs inputs = load(current, history);
			long loaded = System.nanoTime();
			EvaluationResult result = this.engine.evaluate(ruleset,
					new EvaluationRequest(inputs.current(), inputs.history(), inputs.prior(), asOf));
			String runId = UUID.randomUUID().toString();
			List<String> engineIds = new ArrayList<>();
			for (Outcome o : result.outcomes()) {
				engineIds.add(o.getId());
				o.inRun(runId, storedId(runId, o.getId()));
			}
			EvaluationRun run = new EvaluationRun(runId, period, this.runs.maxRunNumber(period) + 1, current.batchId(),
					current.revision(), ruleset.version(), result.parametersValidFrom(), inputs.factsHash(), result.asOf(),
					OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS), history, warnings,
					new EvaluationRun.Timings((loaded - start) / 1_000_000, result.statistics().assembleMillis(),
							result.statistics().evaluateMillis()),
					result.statistics().facts(), result.statistics().firings(), result.outcomes().size());
			// marks the start of the write: the run, its outcomes and ranks commit together or not at all
			log.info("正在保存评估 / storing run {} of {} ({} outcome(s))", runId, period, result.outcomes().size());
			this.runs.insert(run, result.outcomes(), engineIds, result.ranks());
			// inside the transaction on purpose: see RunFinished
			this.events.publishEvent(new RunFinished(runId, period, ruleset.version(), inputs.factsHash(),
					result.outcomes().size(), run.createdAt()));
			log.info("评估完成 / evaluated {} revision {} with {} earlier period(s): {} outcome(s), run {}", period,
					current.revision(), history.size(), result.outcomes().size(), runId);
			return new StoredRun(run, result.outcomes());
		});
	}

	/**
	 * Re-evaluates a stored run with exactly what it used and compares the outcomes with the stored ones.
	 * Nothing is stored.
	 *
	 * @throws NotFoundException when the run does not exist
	 * @throws ProblemException when its ruleset version is no longer available
	 */
	public ReplayReport replay(String runId) {
		EvaluationRun run = run(runId);
		Ruleset ruleset = this.rulesets.rulesetFor(run.period(), run.rulesetVersion());
		FactBatch current = this.batches.find(run.batchId()).orElseThrow();
		Inputs inputs = load(current, run.history());
		EvaluationResult result = this.engine.evaluate(ruleset,
				new EvaluationRequest(inputs.current(), inputs.history(), inputs.prior(), run.asOf()));
		Map<Signature, Integer> stored = new HashMap<>();
		Map<Signature, Outcome> storedExamples = new HashMap<>();
		List<RunRepository.KeyedOutcome> keyed = this.runs.keyedOutcomes(runId);
		for (RunRepository.KeyedOutcome k : keyed) {
			Signature s = Signature.of(k.key(), k.outcome());
			stored.merge(s, 1, Integer::sum);
			storedExamples.put(s, k.outcome());
		}
		List<ReplayReport.Difference> unexpected = new ArrayList<>();
		for (Outcome o : result.outcomes()) {
			Signature s = Signature.of(o.getKey(), o);
			Integer left = stored.get(s);
			if (left == null || left == 0) {
				unexpected.add(difference(o.getKey(), o));
			}
			else {
				stored.put(s, left - 1);
			}
		}
		List<ReplayReport.Difference> missing = new ArrayList<>();
		stored.forEach((s, n) -> {
			for (int i = 0; i < n; i++) {
				missing.add(difference(s.key(), storedExamples.get(s)));
			}
		});
		boolean hashMatches = inputs.factsHash().equals(run.factsHash());
		return new ReplayReport(runId, run.period(), ruleset.version(), inputs.factsHash(), hashMatches,
				hashMatches && missing.isEmpty() && unexpected.isEmpty(), keyed.size(), result.outcomes().size(), missing,
				unexpected);
	}

	/**
	 * What a stored run evaluated, ready to evaluate again (in part): its ruleset and the request built
	 * from exactly the revisions and prior runs it used. "Why not" asks the engine with it.
	 *
	 * @throws NotFoundException when the run does not exist
	 * @throws ProblemException when its ruleset version is no longer available
	 */
	public RunInputs inputsOf(String runId) {
		EvaluationRun run = run(runId);
		Ruleset ruleset = this.rulesets.rulesetFor(run.rulesetVersion());
		FactBatch current = this.batches.find(run.batchId()).orElseThrow();
		Inputs inputs = load(current, run.history());
		return new RunInputs(run, ruleset,
				new EvaluationRequest(inputs.current(), inputs.history(), inputs.prior(), run.asOf()));
	}

	/**
	 * A stored run's inputs.
	 *
	 * @param run the run
	 * @param ruleset the ruleset of its version
	 * @param request the documents, prior outcomes and judging day it used
	 */
	public record RunInputs(EvaluationRun run, Ruleset ruleset, EvaluationRequest request) {
	}

	/** A stored run. */
	public EvaluationRun run(String runId) {
		return this.runs.find(runId)
			.orElseThrow(() -> new NotFoundException("评估运行 " + runId + " 不存在 / evaluation run " + runId + " does not exist"));
	}

	/** Stored runs, newest first, of one period or (null) of all. */
	public Page<EvaluationRun> runs(Period period, Paging paging) {
		return this.runs.list(period, paging);
	}

	/** A page of a stored run's outcomes. */
	public Page<Outcome> outcomes(String runId, OutcomeFilter filter, Paging paging) {
		EvaluationRun run = run(runId);
		Set<String> subjects = (filter.county() != null) ? this.periods.subjects(run.batchId()).inCounty(filter.county()) : null;
		return this.runs.outcomes(runId, filter, subjects, paging);
	}

	/**
	 * How many of a run's outcomes the filter selects and their money, per kind, measure, subject type,
	 * rule and county.
	 *
	 * @throws NotFoundException when the run does not exist
	 */
	public RunSummary summary(String runId, OutcomeFilter filter) {
		EvaluationRun run = run(runId);
		SubjectDirectory directory = this.periods.subjects(run.batchId());
		Set<String> subjects = (filter.county() != null) ? directory.inCounty(filter.county()) : null;
		return RunSummary.of(run, directory, this.runs.totals(runId, filter, subjects));
	}

	/** Number of stored runs. */
	public long count() {
		return this.runs.count();
	}

	/** Loads the documents and prior outcomes an evaluation uses. */
	private Inputs load(FactBatch current, List<EvaluationRun.HistoryUse> history) {
		List<FactDocument> documents = new ArrayList<>();
		List<JsonNode> trees = new ArrayList<>();
		List<String> priorRunIds = new ArrayList<>();
		for (EvaluationRun.HistoryUse h : history) {
			FactBatch b = this.batches.find(h.batchId()).orElseThrow();
			StoredPeriods.StoredDocument d = this.periods.load(b);
			documents.add(d.document());
			trees.add(d.tree());
			if (h.runId() != null) {
				priorRunIds.add(h.runId());
			}
		}
		StoredPeriods.StoredDocument c = this.periods.load(current);
		trees.add(c.tree());
		List<PriorOutcome> prior = this.runs.priorOutcomes(priorRunIds);
		return new Inputs(c.document(), documents, prior, FactsHash.of(trees));
	}

	/**
	 * A stored outcome's id: unique over all runs (the engine's id repeats in every run of the same
	 * facts) and derived from the run and the engine's id, so it never changes once given.
	 */
	static String storedId(String runId, String engineId) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256").digest((runId + "|" + engineId).getBytes(StandardCharsets.UTF_8));
			return "o-" + HexFormat.of().formatHex(d).substring(0, 24);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ReplayReport.Difference difference(String key, Outcome o) {
		return new ReplayReport.Difference(key, o.getRuleId(), o.getSubject().getId(), o.getMeasure().name(),
				o.getAmountYuan(), o.getReason());
	}

	private record Inputs(FactDocument current, List<FactDocument> history, List<PriorOutcome> prior, String factsHash) {
	}

	/** What must come out the same for a replay to count as identical. */
	private record Signature(String key, String measure, int severity, Long amountYuan, Long fineMin, Long fineMax,
			Integer durationDays, Integer durationHours, String targetRole, String relatedId, String reason) {

		static Signature of(String key, Outcome o) {
			return new Signature(key, o.getMeasure().name(), o.getSeverity(), o.getAmountYuan(),
					(o.getFineRangeYuan() != null) ? o.getFineRangeYuan().minYuan() : null,
					(o.getFineRangeYuan() != null) ? o.getFineRangeYuan().maxYuan() : null, o.getDurationDays(),
					o.getDurationHours(), Objects.toString(o.getTargetRole(), null),
					(o.getRelatedSubject() != null) ? o.getRelatedSubject().getId() : null, o.getReason());
		}

	}

}
