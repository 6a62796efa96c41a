package org.kaohe.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.engine.RulesetCheck;
import org.kaohe.rules.ChecklistProfiles;
import org.kaohe.rules.ParameterFile;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RuleSource;
import org.kaohe.scenario.Scenario;
import org.kaohe.scenario.ScenarioReport;
import org.kaohe.scenario.ScenarioResult;
import org.kaohe.scenario.ScenarioRunner;

/**
 * The checks a ruleset version passes before it may go live, all run and all reported together:
 * compile errors (file, line, column); duplicate or missing {@code @id}, missing {@code @basis};
 * the parameter file's schema, types, overlapping {@code validFrom} and ladder gaps or overlaps; the
 * parameters each rule reads; the code guard; and every scenario of {@code fixtures/scenarios}.
 *
 * <p>A file that does not compile or that the guard refuses is left out and the scenarios still run
 * against the rest, so one upload shows every kind of problem at once.
 */
public final class RulesetChecks {

	/** Where a ruleset version keeps the scenario folders it ships. */
	public static final String SCENARIO_PREFIX = "scenarios/";

	private final RuleEngine engine;

	private final Path scenarios;

	public RulesetChecks(RuleEngine engine, Path scenarios) {
		this.engine = engine;
		this.scenarios = scenarios;
	}

	public CheckReport check(RuleSource source) {
		return checkAndBuild(source).report();
	}

	/**
	 * The checks, and the ruleset they built.
	 *
	 * @param report what the checks found
	 * @param ruleset the whole ruleset compiled, when nothing but scenarios failed (null otherwise)
	 * @param ruleCount rules that compiled (of the files that did)
	 */
	public record Checked(CheckReport report, Ruleset ruleset, int ruleCount) {
	}

	/** Runs every check and keeps the compiled ruleset, so storing a version need not compile it again. */
	public Checked checkAndBuild(RuleSource source) {
		List<RuleProblem> problems = new ArrayList<>();
		Map<String, String> texts = Map.of();
		try {
			texts = RuleEngine.ruleTexts(source);
		}
		catch (IllegalArgumentException ex) {
			String file = ex.getMessage().contains(":") ? ex.getMessage().substring(0, ex.getMessage().indexOf(':')) : "";
			problems.add(new RuleProblem(file, 0, 0, "DECISION_TABLE_ERROR", "决策表无法读取 / decision table cannot be read: " + ex.getMessage()));
		}
		List<RuleProblem> refusals = CodeGuard.check(texts);
		problems.addAll(refusals);
		Set<String> refused = CodeGuard.refusedFiles(refusals);

		List<RuleProblem> fileProblems = new ArrayList<>();
		ChecklistProfiles profiles = ChecklistProfiles.parse(orEmpty(source.text(ChecklistProfiles.FILE), "profiles: {}"), fileProblems);
		ParameterFile parameters = ParameterFile.parse(orEmpty(source.text(ParameterFile.FILE), "definitions: {}\nversions: []"),
				profiles, fileProblems);
		problems.addAll(ParameterUsage.check(texts, parameters.definitions()));
		Set<String> unused = ParameterUsage.unused(texts, parameters.definitions());

		RulesetCheck compiled = RuleEngine.check(source, refused);
		problems.addAll(compiled.problems());

		Map<String, Scenario> scenarios = scenarios(source, problems);
		int run = 0;
		int failed = 0;
		if (compiled.bestEffort() != null) {
			// conditions.yaml explains rules and parameters: it must name real ones
			problems.addAll(RuleMetadata.of(compiled.bestEffort()).problems());
			ScenarioReport report = new ScenarioRunner(this.engine, compiled.bestEffort()).runAll(List.copyOf(scenarios.values()));
			run = report.results().size();
			String note = compiled.excludedFiles().isEmpty() ? ""
					: "（运行场景时已排除有错误的文件 / run without the files in error: " + String.join(", ", compiled.excludedFiles()) + "）";
			for (ScenarioResult r : report.failures()) {
				failed++;
				problems.add(new RuleProblem(expectedFile(source, r.name()), 0, 0, "SCENARIO_FAILED",
						"场景测试未通过 / scenario failed: " + r.name() + "：" + describe(r) + note));
			}
		}
		CheckReport report = new CheckReport(source.version(), dedupe(problems), run, failed, new TreeSet<>(compiled.excludedFiles()),
				unused);
		boolean whole = compiled.bestEffort() != null && compiled.excludedFiles().isEmpty()
				&& (report.isPassed() || report.isOnlyScenarioFailures());
		return new Checked(report, whole ? compiled.bestEffort() : null,
				(compiled.bestEffort() != null) ? compiled.bestEffort().rules().size() : 0);
	}

	/**
	 * The scenarios a candidate must pass: every folder of the scenario directory, with the files the
	 * candidate ships under {@code scenarios/<name>/} added to or replacing the files of the folder of
	 * that name (a change that means to alter outcomes brings its new {@code expected.json} along; a
	 * new folder brings its documents too).
	 */
	private Map<String, Scenario> scenarios(RuleSource source, List<RuleProblem> problems) {
		Map<String, Scenario> scenarios = new TreeMap<>();
		for (Path dir : ScenarioRunner.folders(this.scenarios)) {
			String name = dir.getFileName().toString();
			try {
				scenarios.put(name, Scenario.read(dir));
			}
			catch (RuntimeException ex) {
				problems.add(new RuleProblem("fixtures/scenarios/" + name + "/" + Scenario.EXPECTED, 0, 0, "SCENARIO_INVALID",
						"场景无法读取 / scenario cannot be read: " + ex.getMessage()));
			}
		}
		Map<String, Map<String, byte[]>> shipped = new TreeMap<>();
		source.files().forEach((path, content) -> {
			if (path.startsWith(SCENARIO_PREFIX)) {
				String[] parts = path.substring(SCENARIO_PREFIX.length()).split("/");
				if (parts.length == 2) {
					shipped.computeIfAbsent(parts[0], n -> filesOf(n)).put(parts[1], content);
				}
				else {
					problems.add(new RuleProblem(path, 0, 0, "SCENARIO_INVALID",
							"场景文件须放在 scenarios/<场景名>/ 下 / scenario files belong in scenarios/<name>/: " + path));
				}
			}
		});
		shipped.forEach((name, files) -> {
			try {
				scenarios.put(name, Scenario.read(name, files));
			}
			catch (RuntimeException ex) {
				scenarios.remove(name);
				problems.add(new RuleProblem(SCENARIO_PREFIX + name + "/" + Scenario.EXPECTED, 0, 0, "SCENARIO_INVALID",
						"场景无法读取 / scenario cannot be read: " + ex.getMessage()));
			}
		});
		return scenarios;
	}

	/** The files of a scenario folder of the scenario directory, by name (empty when there is none). */
	private Map<String, byte[]> filesOf(String scenario) {
		Map<String, byte[]> files = new TreeMap<>();
		Path dir = this.scenarios.resolve(scenario);
		if (!scenario.contains("..") && Files.isDirectory(dir)) {
			try (Stream<Path> list = Files.list(dir)) {
				for (Path p : (Iterable<Path>) list.filter(Files::isRegularFile)::iterator) {
					files.put(p.getFileName().toString(), Files.readAllBytes(p));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return files;
	}

	private static String expectedFile(RuleSource source, String scenario) {
		String shipped = SCENARIO_PREFIX + scenario + "/" + Scenario.EXPECTED;
		return source.files().containsKey(shipped) ? shipped : "fixtures/scenarios/" + scenario + "/" + Scenario.EXPECTED;
	}

	private static String describe(ScenarioResult r) {
		List<String> parts = new ArrayList<>();
		if (r.error() != null) {
			parts.add(r.error());
		}
		if (!r.missing().isEmpty()) {
			parts.add("缺少 / missing " + r.missing().stream().map(Object::toString).collect(Collectors.joining("；")));
		}
		if (!r.unexpected().isEmpty()) {
			parts.add("多出 / unexpected " + r.unexpected().stream().map(Object::toString).collect(Collectors.joining("；")));
		}
		if (!r.forbiddenFired().isEmpty()) {
			parts.add("近似未达标场景中出现 / near-miss produced " + r.forbiddenFired().stream().map(Object::toString)
				.collect(Collectors.joining("；")));
		}
		return String.join("；", parts);
	}

	/** The parameter file is parsed twice (here and by the compiler); report each problem once. */
	private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
		return problems.stream().distinct().toList();
	}

	private static String orEmpty(String text, String fallback) {
		return (text != null) ? text : fallback;
	}

}
