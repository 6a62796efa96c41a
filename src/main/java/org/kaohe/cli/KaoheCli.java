package org.kaohe.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.RuleFailureException;
import org.kaohe.engine.Ruleset;
import org.kaohe.engine.RunawayRulesException;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.FactDocument;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.FactJson;
import org.kaohe.ingest.FactProblem;
import org.kaohe.ingest.InvalidFactsException;
import org.kaohe.outcome.RuleContractException;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RuleSource;
import org.kaohe.rules.RulesetInvalidException;
import org.kaohe.scenario.ScenarioReport;
import org.kaohe.scenario.ScenarioRunner;

/**
 * {@code java -jar kaohe.jar evaluate FILE… [--rules DIR] [--as-of DATE] [--format table|json]} and
 * {@code test-rules [--rules DIR] [--scenarios DIR]}. Outcomes go to standard output, problems to
 * standard error; the exit code says which (0 ok, 1 scenario failures, 2 invalid input or rules).
 */
public final class KaoheCli {

	private final PrintStream out;

	private final PrintStream err;

	public KaoheCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	/** Whether the arguments name a CLI command (rather than starting the service). */
	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("evaluate") || args[0].equals("test-rules") || args[0].equals("bench") || args[0].equals("help")
				|| args[0].equals("--help"));
	}

	/** Runs a command and returns its exit code. */
	public int run(String[] args) {
		CliLogging.configure();
		List<String> rest = List.of(args).subList(1, args.length);
		try {
			return switch (args[0]) {
				case "evaluate" -> evaluate(Options.parse(rest));
				case "test-rules" -> testRules(Options.parse(rest));
				case "bench" -> bench(rest);
				default -> usage();
			};
		}
		catch (Options.UsageException ex) {
			this.err.println(ex.getMessage());
			usage();
			return ExitCode.INVALID;
		}
		catch (RulesetInvalidException ex) {
			this.err.println("规则文件有错误，未使用 / the rules are invalid and were not used:");
			for (RuleProblem p : ex.getProblems()) {
				this.err.println("  " + p.located());
			}
			return ExitCode.INVALID;
		}
		catch (RunawayRulesException | RuleFailureException | RuleContractException ex) {
			this.err.println("评估中止 / evaluation stopped: " + ex.getMessage());
			return ExitCode.INVALID;
		}
	}

	private int usage() {
		this.err.println("""
				用法 / usage:
				  java -jar kaohe.jar evaluate FILE… [--rules DIR] [--as-of YYYY-MM-DD] [--format table|json]
				      前面的文件是历史期间，最后一个文件是被评估的期间 / earlier files are history, the last is evaluated
				  java -jar kaohe.jar test-rules [--rules DIR] [--scenarios DIR]
				  java -jar kaohe.jar bench [--sizes 10000,100000,1000000] [--report FILE] …   基准测试 / benchmarks (docs/benchmarks.md)
				  java -jar kaohe.jar serve        启动服务 / start the service (default)
				  java -jar kaohe.jar admin …      用户与令牌 / accounts and tokens (java -jar kaohe.jar admin help)
				退出码 / exit codes: 0 正常, 1 场景测试失败, 2 输入或规则无效""");
		return ExitCode.INVALID;
	}

	private int evaluate(Options options) {
		if (options.files.isEmpty()) {
			throw new Options.UsageException("evaluate 需要至少一个事实文档 / evaluate needs at least one fact document");
		}
		Ruleset ruleset = RuleEngine.compile(RuleSource.fromDirectory(options.rules));
		FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
		List<FactDocument> documents = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (var file : options.files) {
			try {
				documents.add(reader.read(Files.readAllBytes(file)));
			}
			catch (InvalidFactsException ex) {
				for (FactProblem p : ex.getProblems()) {
					problems.add(file + "：" + p.describe());
				}
			}
			catch (IOException ex) {
				problems.add(file + "：无法读取文件 / cannot read file: " + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			this.err.println("事实文档无效，共 " + problems.size() + " 个问题 / invalid fact documents, " + problems.size() + " problem(s):");
			problems.forEach(p -> this.err.println("  " + p));
			return ExitCode.INVALID;
		}
		for (int i = 1; i < documents.size(); i++) {
			if (!documents.get(i - 1).getPeriod().start().isBefore(documents.get(i).getPeriod().start())) {
				this.err.println("文档须按期间先后排列，最后一个是被评估的期间 / documents must be in period order, the evaluated one last: "
						+ options.files.get(i - 1) + " (" + documents.get(i - 1).getPeriod() + ") 不早于 " + options.files.get(i) + " ("
						+ documents.get(i).getPeriod() + ")");
				return ExitCode.INVALID;
			}
		}
		try (RuleEngine engine = new RuleEngine()) {
			EvaluationResult result = PeriodChain.evaluate(engine, ruleset, documents, options.asOf);
			if (options.format.equals("json")) {
				this.out.println(FactJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(JsonReport.of(result)));
			}
			else {
				TableReport.print(result, this.out);
			}
			return ExitCode.OK;
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The benchmarks of docs/benchmarks.md; options in {@link org.kaohe.bench.BenchOptions}. */
	private int bench(List<String> args) {
		try {
			return org.kaohe.bench.BenchCommand.main(args, this.out, this.err);
		}
		catch (IllegalArgumentException ex) {
			this.err.println("bench: " + ex.getMessage());
			return ExitCode.INVALID;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int testRules(Options options) {
		Ruleset ruleset = RuleEngine.compile(RuleSource.fromDirectory(options.rules));
		try (RuleEngine engine = new RuleEngine()) {
			ScenarioReport report = new ScenarioRunner(engine, ruleset).runAll(options.scenarios);
			report.print(this.out);
			return report.passed() ? ExitCode.OK : ExitCode.SCENARIO_FAILURES;
		}
	}

}
