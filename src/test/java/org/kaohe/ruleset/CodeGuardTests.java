package org.kaohe.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kaohe.engine.RuleEngine;
import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RuleSource;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** Real attempts to escape the fact model are refused, located, and never run. */
class CodeGuardTests {

	private static final String HEADER = """
			package kaohe
			dialect "mvel"
			import org.kaohe.facts.*
			import org.kaohe.outcome.*
			global org.kaohe.outcome.Outcomes outcomes
			global org.kaohe.rules.Parameters params
			""";

	private static String rule(String consequence) {
		return HEADER + """
				rule "试图越界的规则"
				    @id("R-EVIL-01") @basis("无")
				when
				    $c : County( )
				then
				    %s
				end
				""".formatted(consequence);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Runtime.getRuntime().exec(\"touch /tmp/kaohe-pwned\");",
			"java.lang.Runtime.getRuntime().exec(\"touch /tmp/kaohe-pwned\");", "System.exit(1);",
			"java.lang.System.exit(1);", "new java.io.File(\"/tmp/kaohe-pwned\").createNewFile();",
			"java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/kaohe-pwned\"), \"x\");",
			"Class.forName(\"java.lang.Runtime\");", "$c.getClass().getClassLoader();", "$c.class.classLoader;",
			"$c['class'];", "new Thread(null).start();", "java.util.concurrent.Executors.newFixedThreadPool(1);",
			"new java.net.URL(\"http://example.com\").openStream();", "String.class.getDeclaredMethods();",
			"def evil() { 1 }; evil();", "drools.getKieRuntime().halt();", "kcontext.getKieRuntime();",
			"R\\u0075ntime.getRuntime();", "new ProcessBuilder(\"sh\").start();",
			"org.kaohe.engine.RuleEngine.compile(null);", "javax.script.ScriptEngineManager m = null;" })
	void refusesRealAttemptsWithTheOffendingLine(String consequence) {
		List<RuleProblem> problems = CodeGuard.check(Map.of("evil.drl", rule(consequence)));

		assertThat(problems).isNotEmpty().allSatisfy(p -> {
			assertThat(p.file()).isEqualTo("evil.drl");
			assertThat(p.line()).isEqualTo(12);
			assertThat(p.code()).startsWith("FORBIDDEN");
			assertThat(p.message()).contains(consequence.strip().substring(0, 8));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "import java.io.File", "import java.lang.reflect.Method", "import function java.lang.System.exit",
			"import java.net.Socket", "import org.kaohe.rules.RuleSource", "import org.kaohe.engine.RuleEngine",
			"import org.springframework.context.ApplicationContext" })
	void refusesImportsBeyondTheFactModel(String importLine) {
		String drl = HEADER.replace("import org.kaohe.facts.*", "import org.kaohe.facts.*\n" + importLine);

		assertThat(CodeGuard.check(Map.of("evil.drl", drl))).isNotEmpty()
			.anySatisfy(p -> assertThat(p.line()).isEqualTo(4));
	}

	@Test
	void wordsInCommentsAndReasonsAreFine() {
		String drl = rule("outcomes.impose($c, Measure.WARNING, 1, \"System 与 Runtime、java.io、Class 只是文字\"); // Runtime.exit()");

		assertThat(CodeGuard.check(Map.of("ok.drl", "/* java.io.File */\n" + drl))).isEmpty();
	}

	@Test
	void theRealRulesPassTheGuard() {
		assertThat(CodeGuard.check(RuleEngine.ruleTexts(RuleHarness.ruleset().source()))).isEmpty();
	}

	@Test
	void aRefusedFileIsNeverRunEvenForTheScenarioChecks() throws Exception {
		Path marker = Path.of("/tmp/kaohe-guard-marker-" + ProcessHandle.current().pid());
		Files.deleteIfExists(marker);
		Map<String, byte[]> files = new HashMap<>(RuleHarness.ruleset().source().files());
		files.put("evil.drl", rule("new java.io.File(\"" + marker + "\").createNewFile();").getBytes(java.nio.charset.StandardCharsets.UTF_8));

		CheckReport report = new RulesetChecks(RuleHarness.engine(), Path.of("fixtures", "scenarios")).check(RuleSource.of(files));

		assertThat(report.isPassed()).isFalse();
		assertThat(report.excludedFiles()).contains("evil.drl");
		assertThat(report.scenariosRun()).isGreaterThan(90);
		assertThat(report.scenariosFailed()).isZero();
		assertThat(Files.exists(marker)).as("the refused rule must not have run").isFalse();
	}

}
