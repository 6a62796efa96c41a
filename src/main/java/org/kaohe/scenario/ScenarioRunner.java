package org.kaohe.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleDescriptor;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.FactDocument;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.InvalidFactsException;
import org.kaohe.outcome.Outcome;

/** Runs scenario folders against a ruleset and compares what the last period produced with what is expected. */
public final class ScenarioRunner {

	private final RuleEngine engine;

	private final Ruleset ruleset;

	public ScenarioRunner(RuleEngine engine, Ruleset ruleset) {
		this.engine = engine;
		this.ruleset = ruleset;
	}

	/** Every scenario under {@code root} (one folder each), in name order. */
	public ScenarioReport runAll(Path root) {
		return runAll(folders(root).stream().map(Scenario::read).toList());
	}

	/** The given scenarios, in the given order. */
	public ScenarioReport runAll(List<Scenario> scenarios) {
		List<ScenarioResult> results = new ArrayList<>();
		for (Scenario s : scenarios) {
			results.add(run(s));
		}
		Set<String> catalogue = new TreeSet<>();
		this.ruleset.rules().stream().map(RuleDescriptor::id).forEach(catalogue::add);
		return new ScenarioReport(this.ruleset.version(), results, catalogue);
	}

	/** Reads every scenario folder under {@code root}, in name order. */
	public static List<Scenario> readAll(Path root) {
		return folders(root).stream().map(Scenario::read).toList();
	}

	/** The scenario folders under {@code root}. */
	public static List<Path> folders(Path root) {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> dirs = Files.list(root)) {
			return dirs.filter(d -> Files.isRegularFile(d.resolve(Scenario.EXPECTED))).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ScenarioResult run(Scenario scenario) {
		FactDocumentReader reader = new FactDocumentReader(this.ruleset::validationContext);
		List<FactDocument> documents = new ArrayList<>();
		try {
			for (Scenario.Document d : scenario.documents()) {
				documents.add(reader.read(d.content()));
			}
		}
		catch (InvalidFactsException ex) {
			return failed(scenario, "事实文档无效 / invalid facts: " + ex.getProblems().get(0).describe()
					+ (ex.getProblems().size() > 1 ? "（另有 " + (ex.getProblems().size() - 1) + " 个问题）" : ""));
		}
		if (documents.isEmpty()) {
			return failed(scenario, "场景没有事实文档 / the scenario has no fact documents");
		}
		documents.sort(java.util.Comparator.comparing(FactDocument::getPeriod));
		EvaluationResult result;
		try {
			result = PeriodChain.evaluate(this.engine, this.ruleset, documents, scenario.asOf());
		}
		catch (RuntimeException ex) {
			return failed(scenario, "评估失败 / evaluation failed: " + ex.getMessage());
		}
		return compare(scenario, result.outcomes());
	}

	static ScenarioResult compare(Scenario scenario, List<Outcome> actual) {
		List<Outcome> remaining = new ArrayList<>(actual);
		List<ExpectedOutcome> missing = new ArrayList<>();
		for (ExpectedOutcome e : scenario.expected()) {
			Outcome match = remaining.stream().filter(e::matches).findFirst().orElse(null);
			if (match == null) {
				missing.add(e);
			}
			else {
				remaining.remove(match);
			}
		}
		List<ExpectedOutcome> unexpected = scenario.exact() ? remaining.stream().map(ExpectedOutcome::of).toList()
				: List.of();
		Set<String> fired = new TreeSet<>();
		actual.forEach(o -> fired.add(o.getRuleId()));
		List<ExpectedOutcome> forbidden = new ArrayList<>();
		for (ExpectedOutcome n : scenario.nearMissOf()) {
			actual.stream().filter(n::matches).map(ExpectedOutcome::of).forEach(forbidden::add);
		}
		return new ScenarioResult(scenario.name(), missing, unexpected, forbidden, null, fired, scenario.nearMissOf());
	}

	private static ScenarioResult failed(Scenario scenario, String error) {
		return new ScenarioResult(scenario.name(), List.of(), List.of(), List.of(), error, Set.of(), scenario.nearMissOf());
	}

}
