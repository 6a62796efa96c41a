package org.kaohe.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.PreDestroy;
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
import org.kaohe.history.StoredPeriods;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.ruleset.OutcomeDiff;
import org.kaohe.ruleset.RulesetVersions;
import org.kaohe.system.BadRequestException;
import org.kaohe.system.ProblemException;
import org.kaohe.system.ProblemTypes;

/**
 * {@code POST /api/v1/rulesets/{version}/simulate}: what a candidate version would decide on stored
 * periods, against what the version in force for each period (or a version named) decides — outcomes
 * added, removed and changed, per subject, with counts and money per kind. Nothing is stored.
 *
 * <p>Each period is loaded exactly as {@link EvaluationRuns} loads it: its latest revision, the latest
 * revisions of the stored periods within the ruleset's {@code historyMonths} before it, and as prior
 * outcomes those periods' latest runs. When several periods are simulated, each side's own outcomes for
 * the earlier simulated periods replace the stored runs as prior outcomes of the later ones, so an
 * escalation rule ("the second interview this year") compares like with like: a candidate that adds an
 * interview in 2026-Q1 sees that interview in 2026-Q3. Periods before the first simulated one use
 * their stored runs on both sides. The two sides are independent chains and run side by side.
 */
@Service
public class WhatIfSimulation {

	/** Periods one simulation may replay: enough for three years of quarters or a year of months. */
	static final int MAX_PERIODS = 24;

	private final RuleEngine engine;

	private final RulesetVersions rulesets;

	private final FactBatchRepository batches;

	private final StoredPeriods periods;

	private final RunRepository runs;

	/** Runs the baseline side; its threads get the application class loader, which Drools' runtime needs. */
	private final ExecutorService sides;

	WhatIfSimulation(RuleEngine engine, RulesetVersions rulesets, FactBatchRepository batches, StoredPeriods periods,
			RunRepository runs) {
		this.engine = engine;
		this.rulesets = rulesets;
		this.batches = batches;
		this.periods = periods;
		this.runs = runs;
		ClassLoader loader = WhatIfSimulation.class.getClassLoader();
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		this.sides = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "kaohe-what-if-" + n.incrementAndGet());
			t.setDaemon(true);
			t.setContextClassLoader(loader);
			return t;
		});
	}

	@PreDestroy
	void close() {
		this.sides.shutdownNow();
	}

	/**
	 * What changed in one period.
	 *
	 * @param period the period
	 * @param revision the revision of its facts that was replayed
	 * @param batchId that upload
	 * @param baselineVersion the version compared against (in force for the period, or named)
	 * @param candidateVersion the candidate
	 * @param history the earlier periods used: their revision, and where their prior outcomes came from
	 * @param diff outcomes added, removed and changed, with counts and money before and after
	 */
	public record PeriodResult(Period period, int revision, String batchId, String baselineVersion, String candidateVersion,
			List<HistoryUsed> history, OutcomeDiff.PeriodDiff diff) {
	}

	/**
	 * An earlier period a simulated period used.
	 *
	 * @param period the earlier period
	 * @param revision its facts' revision
	 * @param priorOutcomes {@code SIMULATED} (each side its own outcomes of this simulation), the stored
	 * run's id, or null when it was never evaluated
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record HistoryUsed(Period period, int revision, String priorOutcomes) {
	}

	/**
	 * The whole simulation.
	 *
	 * @param version the candidate
	 * @param against the version named to compare against, or null (each period's version in force)
	 * @param periods per period
	 * @param summary over all periods: changes by type, counts and money before and after, per subject
	 * @param elapsedMillis how long the replay took
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Report(String version, String against, List<PeriodResult> periods, OutcomeDiff.Summary summary,
			long elapsedMillis) {
	}

	/**
	 * Replays stored periods under the candidate and the baseline.
	 *
	 * @param candidateVersion the version to try
	 * @param requested the periods, any order
	 * @param againstVersion the version to compare against, or null for each period's version in force
	 * @throws ProblemException (422) when a period has no stored facts or a version is unknown
	 */
	public Report simulate(String candidateVersion, List<Period> requested, String againstVersion) {
		long start = System.nanoTime();
		if (requested.isEmpty()) {
			throw new BadRequestException("periods 不能为空 / periods must name at least one stored period");
		}
		List<Period> order = new ArrayList<>(new TreeSet<>(requested));
		if (order.size() > MAX_PERIODS) {
			throw new BadRequestException("一次最多预演 " + MAX_PERIODS + " 个期间 / at most " + MAX_PERIODS + " periods per simulation");
		}
		Ruleset candidate = this.rulesets.rulesetFor(null, candidateVersion);
		Ruleset against = (againstVersion != null && !againstVersion.isBlank()) ? this.rulesets.rulesetFor(null, againstVersion)
				: null;
		Map<Period, FactBatch> current = new LinkedHashMap<>();
		List<Period> missing = new ArrayList<>();
		for (Period p : order) {
			this.batches.latest(p).ifPresentOrElse(b -> current.put(p, b), () -> missing.add(p));
		}
		if (!missing.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.NOT_EVALUABLE, "期间没有事实数据 / No facts for the period",
					"以下期间没有上传事实数据，无法预演 / no facts were uploaded for " + missing);
		}
		List<Ruleset> baselines = order.stream().map(p -> (against != null) ? against : this.rulesets.rulesetFor(p, null)).toList();
		// the two sides are independent chains: the baseline runs beside the candidate on a second core
		Future<List<Evaluated>> before = this.sides.submit(() -> new Side().chain(order, current, baselines));
		List<Evaluated> after = new Side().chain(order, current, Collections.nCopies(order.size(), candidate));
		List<Evaluated> baseline = await(before);
		List<OutcomeDiff.PeriodDiff> diffs = new ArrayList<>();
		List<PeriodResult> results = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			Period p = order.get(i);
			FactBatch batch = current.get(p);
			OutcomeDiff.PeriodDiff diff = OutcomeDiff.compare(p, baseline.get(i).outcomes(), after.get(i).outcomes());
			diffs.add(diff);
			results.add(new PeriodResult(p, batch.revision(), batch.batchId(), baselines.get(i).version(), candidate.version(),
					after.get(i).history(), diff));
		}
		return new Report(candidate.version(), (against != null) ? against.version() : null, results, OutcomeDiff.summarize(diffs),
				(System.nanoTime() - start) / 1_000_000);
	}

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("simulation interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/** One period of one side: its outcomes and the history it used. */
	private record Evaluated(List<Outcome> outcomes, List<HistoryUsed> history) {
	}

	/** One side of the comparison: its rulesets' outcomes of the periods simulated so far. */
	private final class Side {

		private final Map<Period, List<Outcome>> simulated = new HashMap<>();

		private final Map<String, FactDocument> documents = new HashMap<>();

		/** Evaluates the periods in order, each with the rulesets given for it. */
		List<Evaluated> chain(List<Period> order, Map<Period, FactBatch> current, List<Ruleset> rulesets) {
			List<Evaluated> results = new ArrayList<>();
			for (int i = 0; i < order.size(); i++) {
				results.add(evaluate(rulesets.get(i), current.get(order.get(i))));
			}
			return results;
		}

		private Evaluated evaluate(Ruleset ruleset, FactBatch current) {
			Period period = current.period();
			int months = ruleset.parametersFor(period).integer("historyMonths");
			List<FactBatch> window = WhatIfSimulation.this.batches.latestInWindow(period.start().minusMonths(months), period.start());
			Map<Period, String> storedRuns = WhatIfSimulation.this.runs
				.latestRuns(window.stream().map(FactBatch::period).filter(p -> !this.simulated.containsKey(p)).toList());
			List<FactDocument> history = new ArrayList<>();
			List<PriorOutcome> prior = new ArrayList<>();
			List<String> priorRuns = new ArrayList<>();
			List<HistoryUsed> used = new ArrayList<>();
			for (FactBatch b : window) {
				history.add(document(b));
				List<Outcome> own = this.simulated.get(b.period());
				if (own != null) {
					own.forEach(o -> prior.add(PriorOutcome.of(o)));
					used.add(new HistoryUsed(b.period(), b.revision(), "SIMULATED"));
				}
				else {
					String runId = storedRuns.get(b.period());
					if (runId != null) {
						priorRuns.add(runId);
					}
					used.add(new HistoryUsed(b.period(), b.revision(), runId));
				}
			}
			prior.addAll(WhatIfSimulation.this.runs.priorOutcomes(priorRuns));
			EvaluationResult result = WhatIfSimulation.this.engine.evaluate(ruleset,
					new EvaluationRequest(document(current), history, prior, null));
			this.simulated.put(period, result.outcomes());
			return new Evaluated(result.outcomes(), List.copyOf(used));
		}

		/** Each side reads its own copies of the documents: nothing is shared between the two threads. */
		private FactDocument document(FactBatch batch) {
			return this.documents.computeIfAbsent(batch.batchId(), id -> WhatIfSimulation.this.periods.load(batch).document());
		}

	}

}
