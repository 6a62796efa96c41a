package org.kaohe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.kaohe.facts.EvaluationContext;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.Outcomes;
import org.kaohe.rules.RuleSource;

/**
 * Compiles rule files and evaluates periods: Kaohe's engine.
 *
 * <pre>
 * Ruleset rules = RuleEngine.compile(RuleSource.fromDirectory(Path.of("rules")));
 * EvaluationResult result = engine.evaluate(rules, new EvaluationRequest(quarter, history, prior, null));
 * </pre>
 *
 * <p>An evaluation assembles the facts (copies, ranks, derived values), splits them by territory and
 * runs each territory in its own session, in parallel; the outcomes are merged into one stable order.
 * Evaluating the same documents with the same ruleset gives the same outcomes, ids included. Thread
 * safe; one instance serves the whole process.
 */
public final class RuleEngine implements AutoCloseable {

	/** Below this many facts the partitions run on the calling thread: forking costs more than it saves. */
	private static final int PARALLEL_THRESHOLD = 5_000;

	private final EngineLimits limits;

	private final ForkJoinPool pool;

	private final ScheduledExecutorService watchdog;

	public RuleEngine(EngineLimits limits) {
		this.limits = limits;
		// ForkJoinPool's default workers carry the system class loader as context loader; in the packaged
		// jar that loader cannot see Drools, whose runtime is found through the context loader.
		ClassLoader loader = RuleEngine.class.getClassLoader();
		this.pool = new ForkJoinPool(Math.max(1, limits.parallelism()), p -> {
			ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
			t.setContextClassLoader(loader);
			return t;
		}, null, false);
		this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "kaohe-rule-watchdog");
			t.setDaemon(true);
			return t;
		});
	}

	public RuleEngine() {
		this(EngineLimits.defaults());
	}

	/**
	 * Compiles and checks a set of rule files.
	 *
	 * @throws org.kaohe.rules.RulesetInvalidException with every problem located (file, line, column)
	 */
	public static Ruleset compile(RuleSource source) {
		return RulesetCompiler.compile(source);
	}

	/**
	 * Compiles a candidate for the checks before activation: never throws for problems in the files,
	 * reports all of them, and builds what it can without the broken (and the excluded) files.
	 *
	 * @param excluded files to leave out of the build, e.g. those the code guard refused
	 */
	public static RulesetCheck check(RuleSource source, java.util.Set<String> excluded) {
		RulesetCompiler.Attempt first = RulesetCompiler.attempt(source, excluded);
		if (first.ruleset() != null) {
			return new RulesetCheck(first.ruleset(), first.problems(), java.util.Set.copyOf(excluded));
		}
		java.util.Set<String> leftOut = new java.util.TreeSet<>(excluded);
		first.problems()
			.stream()
			.filter(p -> p.code().equals("COMPILE_ERROR") || p.code().equals("DECISION_TABLE_ERROR"))
			.map(org.kaohe.rules.RuleProblem::file)
			.filter(f -> f != null && !f.isEmpty())
			.forEach(leftOut::add);
		RulesetCompiler.Attempt second = leftOut.equals(excluded) ? first : RulesetCompiler.attempt(source, leftOut);
		// the second build finds what the first could not reach (duplicate ids, missing bases)
		java.util.LinkedHashSet<org.kaohe.rules.RuleProblem> all = new java.util.LinkedHashSet<>(first.problems());
		all.addAll(second.problems());
		return new RulesetCheck(second.ruleset(), List.copyOf(all), java.util.Set.copyOf(leftOut));
	}

	/**
	 * The rule files as DRL text by path: DRL files as written, decision tables as the DRL they
	 * generate. What the code guard and the parameter checks read.
	 *
	 * @throws IllegalArgumentException naming the file when a decision table cannot be read
	 */
	public static java.util.Map<String, String> ruleTexts(RuleSource source) {
		return RuleTexts.of(source);
	}

	/**
	 * Evaluates one period with its history.
	 *
	 * @throws RunawayRulesException if the rules kept firing past the cap or the time limit
	 * @throws RuleFailureException if a rule failed while running
	 * @throws org.kaohe.outcome.RuleContractException if a rule decided something the outcome contract
	 * forbids
	 */
	public EvaluationResult evaluate(Ruleset ruleset, EvaluationRequest request) {
		long start = System.nanoTime();
		FactAssembler.Assembly assembly = FactAssembler.assemble(ruleset, request);
		long assembled = System.nanoTime();

		// each partition's facts are copied on the thread that evaluates it, just before its session
		List<String> territories = assembly.territories();
		List<SessionRunner.PartitionResult> results;
		if (!this.limits.partitioned()) {
			List<Object> all = new ArrayList<>();
			territories.forEach(t -> assembly.facts(t).stream().filter(f -> !(f instanceof EvaluationContext)).forEach(all::add));
			all.add(assembly.context());
			results = List.of(SessionRunner.run(ruleset, "ALL", all, assembly.parameters(), assembly.context().getPeriod(),
					this.limits, this.watchdog));
		}
		else if (assembly.factCount() < PARALLEL_THRESHOLD || territories.size() == 1) {
			results = territories.stream().map(t -> runPartition(ruleset, assembly, t)).toList();
		}
		else {
			try {
				results = this.pool.submit(() -> territories.parallelStream().map(t -> runPartition(ruleset, assembly, t)).toList())
					.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("evaluation interrupted", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException re) {
					throw re;
				}
				throw new IllegalStateException(ex.getCause());
			}
		}
		long evaluated = System.nanoTime();

		List<Outcome> outcomes = new ArrayList<>();
		long firings = 0;
		Map<String, Long> firingsByRule = new TreeMap<>();
		for (SessionRunner.PartitionResult r : results) {
			outcomes.addAll(r.outcomes());
			firings += r.firings();
			r.firingsByRule().forEach((rule, n) -> firingsByRule.merge(rule, n.longValue(), Long::sum));
		}
		List<Outcome> sealed = Outcomes.seal(outcomes, ruleset.version());
		return new EvaluationResult(assembly.context().getPeriod(), assembly.context().getAsOf(), ruleset.version(),
				assembly.parameters().getValidFrom(), sealed, List.copyOf(assembly.currentRanks()),
				new EvaluationResult.Statistics(assembly.factCount(), this.limits.partitioned() ? territories.size() : 1, firings, firingsByRule,
						(assembled - start) / 1_000_000, (evaluated - assembled) / 1_000_000));
	}

	/**
	 * Prepares the territory of a subject for evaluating again and again with parameter values replaced
	 * (see {@link TerritoryProbe}). The whole request is assembled (ranks need every unit) but only the
	 * subject's territory is kept.
	 *
	 * @param subjectId a subject of the evaluated period's document
	 * @throws IllegalArgumentException when the evaluated period's document does not name the subject
	 */
	public TerritoryProbe probe(Ruleset ruleset, EvaluationRequest request, String subjectId) {
		FactAssembler.Assembly assembly = FactAssembler.assemble(ruleset, request);
		for (String territory : assembly.territories()) {
			if (assembly.hasSubject(territory, subjectId)) {
				return new TerritoryProbe(ruleset, territory, assembly.facts(territory), assembly.parameters(), assembly.context(),
						this.limits, this.watchdog);
			}
		}
		throw new IllegalArgumentException("主体 " + subjectId + " 不在 " + request.current().getPeriod() + " 的事实中 / subject "
				+ subjectId + " is not in the facts of " + request.current().getPeriod());
	}

	private SessionRunner.PartitionResult runPartition(Ruleset ruleset, FactAssembler.Assembly assembly, String territory) {
		return SessionRunner.run(ruleset, territory, assembly.facts(territory), assembly.parameters(),
				assembly.context().getPeriod(), this.limits, this.watchdog);
	}

	@Override
	public void close() {
		this.pool.shutdownNow();
		this.watchdog.shutdownNow();
	}

}
