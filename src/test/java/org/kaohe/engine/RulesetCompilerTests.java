package org.kaohe.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kaohe.rules.RuleProblem;
import org.kaohe.rules.RuleSource;
import org.kaohe.rules.RulesetInvalidException;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Compiling {@code rules/}: the real folder compiles; broken files are refused with file and line. */
class RulesetCompilerTests {

	private static final String HEADER = """
			package kaohe
			dialect "mvel"
			import org.kaohe.facts.*
			import org.kaohe.outcome.*
			global org.kaohe.outcome.Outcomes outcomes
			global org.kaohe.rules.Parameters params
			""";

	static Map<String, byte[]> realFilesWith(String path, String drl) {
		Map<String, byte[]> files = new HashMap<>(RuleHarness.ruleset().source().files());
		files.put(path, drl.getBytes(StandardCharsets.UTF_8));
		return files;
	}

	@Test
	void theRealRulesCompileWithUniqueIdsBasesAndChineseNames() {
		Ruleset ruleset = RuleHarness.ruleset();

		assertThat(ruleset.version()).startsWith("sha256:").hasSize(71);
		assertThat(ruleset.rules()).allSatisfy(r -> {
			assertThat(r.id()).matches("R-[A-Z]+-\\d{2}");
			assertThat(r.basis()).isNotBlank();
			assertThat(r.file()).isNotBlank();
		});
		assertThat(ruleset.rules()).extracting(r -> r.id() + "#" + r.part()).doesNotHaveDuplicates();
		assertThat(ruleset.rule("R-CTY-03")).hasValueSatisfying(r -> assertThat(r.name()).contains("月排名累计"));
		assertThat(ruleset.rules()).filteredOn(r -> r.file().endsWith(".drl.csv")).extracting(RuleDescriptor::id)
			.containsOnly("R-CTY-09");
	}

	@Test
	void theVersionIsTheContentHashAndIgnoresDocumentation() {
		Map<String, byte[]> files = new HashMap<>(RuleHarness.ruleset().source().files());
		String before = RuleSource.of(files).version();
		files.put("README.md", "changed".getBytes(StandardCharsets.UTF_8));
		String docsChanged = RuleSource.of(files).version();
		files.put("parameters.yaml", (new String(files.get("parameters.yaml"), StandardCharsets.UTF_8) + "\n# 注释\n")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(docsChanged).isEqualTo(before);
		assertThat(RuleSource.of(files).version()).isNotEqualTo(before);
	}

	@Test
	void aSyntaxErrorIsRefusedWithItsFileAndLine() {
		String drl = HEADER + """
				rule "语法错误的规则"
				    @id("R-TEST-01") @basis("测试")
				when
				    $c : County( )
				    then then
				end
				""";

		RulesetInvalidException ex = catchThrowableOfType(RulesetInvalidException.class,
				() -> RuleEngine.compile(RuleSource.of(realFilesWith("broken.drl", drl))));

		assertThat(ex.getProblems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo("broken.drl"));
		// the parser notices the mistake at the 'end' that follows the stray 'then'
		assertThat(ex.getProblems()).first().satisfies(p -> {
			assertThat(p.line()).isEqualTo(12);
			assertThat(p.column()).isEqualTo(1);
			assertThat(p.code()).isEqualTo("COMPILE_ERROR");
		});
		assertThat(ex.getMessage()).contains("broken.drl:12:1:");
	}

	@Test
	void anUnknownPropertyOrMeasureIsRefusedAtCompileTime() {
		String drl = HEADER + """
				rule "属性拼错"
				    @id("R-TEST-01") @basis("测试")
				when
				    $s : ConstructionSite( distanceToStation < 10 )
				then
				    outcomes.impose($s, Measure.STOP_WROK, 4, "x");
				end
				""";

		assertThatThrownBy(() -> RuleEngine.compile(RuleSource.of(realFilesWith("typo.drl", drl))))
			.isInstanceOf(RulesetInvalidException.class)
			.satisfies(ex -> assertThat(((RulesetInvalidException) ex).getProblems()).extracting(RuleProblem::file)
				.contains("typo.drl"))
			.hasMessageContaining("distanceToStation");
	}

	@Test
	void duplicateIdsAndMissingBasisAreRefused() {
		String drl = HEADER + """
				rule "重复编号"
				    @id("R-SITE-01") @basis("测试")
				when
				    $c : County( )
				then
				end

				rule "没有依据"
				    @id("R-TEST-02")
				when
				    $c : County( )
				then
				end
				""";

		RulesetInvalidException ex = catchThrowableOfType(RulesetInvalidException.class,
				() -> RuleEngine.compile(RuleSource.of(realFilesWith("dup.drl", drl))));

		assertThat(ex.getProblems()).extracting(RuleProblem::code).contains("DUPLICATE_ID", "MISSING_BASIS");
		assertThat(ex.getProblems()).filteredOn(p -> p.code().equals("MISSING_BASIS"))
			.singleElement()
			.satisfies(p -> assertThat(p.line()).isEqualTo(14));
	}

	@Test
	void aBrokenParameterFileIsRefusedWithItsLine() {
		Map<String, byte[]> files = new HashMap<>(RuleHarness.ruleset().source().files());
		String text = new String(files.get("parameters.yaml"), StandardCharsets.UTF_8)
			.replace("      weeklyBottomK: 3\n", "      weeklyBottomK: three\n");
		files.put("parameters.yaml", text.getBytes(StandardCharsets.UTF_8));

		RulesetInvalidException ex = catchThrowableOfType(RulesetInvalidException.class,
				() -> RuleEngine.compile(RuleSource.of(files)));

		assertThat(ex.getProblems()).singleElement().satisfies(p -> {
			assertThat(p.file()).isEqualTo("parameters.yaml");
			assertThat(p.code()).isEqualTo("WRONG_TYPE");
			assertThat(p.line()).isEqualTo(lineOf(text, "weeklyBottomK: three"));
		});
	}

	private static int lineOf(String text, String needle) {
		String[] lines = text.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(needle)) {
				return i + 1;
			}
		}
		return -1;
	}

}
