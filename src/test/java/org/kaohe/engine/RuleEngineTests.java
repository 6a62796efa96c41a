package org.kaohe.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.FactDocument;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.RowLocator;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.RuleContractException;
import org.kaohe.rules.RuleSource;
import org.kaohe.scenario.ScenarioRunner;
import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Evaluation mechanics: runaway rules are stopped, contract breaches refused, results reproducible. */
class RuleEngineTests {

	private static final String HEADER = """
			package kaohe
			dialect "mvel"
			import org.kaohe.facts.*
			import org.kaohe.outcome.*
			global org.kaohe.outcome.Outcomes outcomes
			global org.kaohe.rules.Parameters params
			""";

	private static Ruleset rulesWith(String drl) {
		Map<String, byte[]> files = RulesetCompilerTests.realFilesWith("extra.drl", drl);
		return RuleEngine.compile(RuleSource.of(files));
	}

	private static FactDocument doc(FactDocs docs, Ruleset ruleset) {
		return new FactDocumentReader(ruleset::validationContext).read(docs.tree(), RowLocator.JSON);
	}

	@Test
	void aRuleThatKeepsReactivatingIsStoppedByTheFiringCap() {
		Ruleset looping = rulesWith(HEADER + """
				rule "无限循环的规则"
				    @id("R-TEST-LOOP") @basis("测试") @clause("SPEECH-2022-CITY.documents")
				when
				    $c : County( name != "" )
				then
				    modify($c) { setName($c.name + "!") };
				end
				""");
		try (RuleEngine engine = new RuleEngine(new EngineLimits(10, 1_000, Duration.ofSeconds(30), 1))) {
			FactDocument q3 = doc(FactDocs.period("2026-Q3").county("C01", "河东区"), looping);

			assertThatThrownBy(() -> engine.evaluate(looping, EvaluationRequest.of(q3)))
				.isInstanceOf(RunawayRulesException.class)
				.hasMessageContaining("1000")
				.satisfies(ex -> assertThat(((RunawayRulesException) ex).getFiringsByRule()).containsKey("R-TEST-LOOP"));
		}
	}

	@Test
	void aRuleThatRunsTooLongIsStoppedByTheTimeLimit() {
		Ruleset slow = rulesWith(HEADER + """
				rule "不停触发的规则"
				    @id("R-TEST-SLOW") @basis("测试") @clause("SPEECH-2022-CITY.documents")
				when
				    $c : County( group != null )
				then
				    modify($c) { setGroup($c.group.length() > 50 ? "城区组" : $c.group + "组") };
				end
				""");
		// a cap too high to reach in 300 ms: the watchdog must stop it
		try (RuleEngine engine = new RuleEngine(new EngineLimits(1_000_000, 100_000_000, Duration.ofMillis(300), 1))) {
			FactDocument q3 = doc(FactDocs.period("2026-Q3").county("C01", "河东区"), slow);

			assertThatThrownBy(() -> engine.evaluate(slow, EvaluationRequest.of(q3)))
				.isInstanceOf(RunawayRulesException.class)
				.hasMessageContaining("时限");
		}
	}

	@Test
	void aConstraintDroolsCompilesButCannotRunIsARuleFailureNotAnError() {
		// Drools 10.2 compiles str[startsWith] in an MVEL constraint, then throws NoSuchMethodError evaluating it
		Ruleset broken = rulesWith(HEADER + """
				rule "用 str 运算符的规则"
				    @id("R-TEST-STR") @basis("测试") @clause("SPEECH-2022-CITY.documents")
				when
				    $c : County( name str[startsWith] "河" )
				then
				    outcomes.impose($c, Measure.WARNING, 1, "测试");
				end
				""");
		// the error comes once MVEL compiles the constraint to bytecode, after some twenty evaluations
		FactDocs counties = FactDocs.period("2026-Q3");
		for (int i = 1; i <= 40; i++) {
			counties.county(String.format("C%02d", i), "河" + i + "区");
		}
		FactDocument q3 = doc(counties, broken);

		assertThatThrownBy(() -> RuleHarness.engine().evaluate(broken, EvaluationRequest.of(q3)))
			.isInstanceOf(RuleFailureException.class)
			.hasMessageContaining("规则运行失败");
	}

	@Test
	void aFiscalDeductionOnAnEnterpriseBreaksTheContractAndFailsTheEvaluation() {
		Ruleset wrong = rulesWith(HEADER + """
				rule "错误地对企业财政扣款"
				    @id("R-TEST-MONEY") @basis("测试") @clause("SPEECH-2022-CITY.documents")
				when
				    $e : Enterprise( )
				then
				    outcomes.impose($e, Measure.FISCAL_DEDUCTION, 3, "扣款").amountWan(10);
				end
				""");
		FactDocument q3 = doc(FactDocs.period("2026-Q3").county("C01", "河东区").enterprise("E0001", "C01"), wrong);

		assertThatThrownBy(() -> RuleHarness.engine().evaluate(wrong, EvaluationRequest.of(q3)))
			.isInstanceOf(RuleContractException.class)
			.hasMessageContaining("R-TEST-MONEY")
			.hasMessageContaining("FISCAL_DEDUCTION");
	}

	@Test
	void partitionedAndSingleSessionEvaluationsAgreeOnEveryScenario() {
		try (RuleEngine single = new RuleEngine(EngineLimits.defaults().withPartitioning(false))) {
			for (Path dir : ScenarioRunner.folders(Path.of("fixtures", "scenarios"))) {
				List<FactDocument> docs = read(dir);

				List<String> partitioned = keys(PeriodChain.evaluate(RuleHarness.engine(), RuleHarness.ruleset(), docs, null));
				List<String> oneSession = keys(PeriodChain.evaluate(single, RuleHarness.ruleset(), docs, null));

				assertThat(partitioned).as(dir.getFileName().toString()).isEqualTo(oneSession);
			}
		}
	}

	@Test
	void evaluatingTheSameFactsTwiceGivesTheSameOutcomesAndIds() {
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01")
			.inspection("S0001", "2026-08-11T10:00:00", "FENCING", "WET_OPERATION", "MONITORING")
			.officialRank("C01", "2026-07", "PM25", 15, 15);

		List<Outcome> first = RuleHarness.evaluate(q3).outcomes();
		List<Outcome> second = RuleHarness.evaluate(q3).outcomes();

		assertThat(first).isNotEmpty();
		assertThat(first).extracting(Outcome::getId).doesNotHaveDuplicates()
			.containsExactlyElementsOf(second.stream().map(Outcome::getId).toList());
		assertThat(first).extracting(Outcome::getReason).containsExactlyElementsOf(second.stream().map(Outcome::getReason).toList());
	}

	@Test
	void rulesReadTheAsOfDayNotTheClock() {
		FactDocs q3 = FactDocs.period("2026-Q3").department("D-GX", "市工信局", "INDUSTRY").task("T-1", "D-GX", "2026-09-15", 10, 9);
		FactDocument doc = doc(q3, RuleHarness.ruleset());

		EvaluationResult early = RuleHarness.engine().evaluate(RuleHarness.ruleset(),
				new EvaluationRequest(doc, List.of(), List.of(), java.time.LocalDate.of(2026, 9, 1)));
		EvaluationResult late = RuleHarness.engine().evaluate(RuleHarness.ruleset(),
				new EvaluationRequest(doc, List.of(), List.of(), java.time.LocalDate.of(2026, 10, 31)));

		assertThat(early.outcomes()).isEmpty();
		assertThat(late.outcomes()).extracting(Outcome::getRuleId).containsOnly("R-DEPT-02");
		assertThat(late.asOf()).hasToString("2026-10-31");
	}

	private static List<FactDocument> read(Path dir) {
		FactDocumentReader reader = new FactDocumentReader(RuleHarness.ruleset()::validationContext);
		try (var files = java.nio.file.Files.list(dir)) {
			return files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().equals("expected.json"))
				.sorted()
				.map(p -> {
					try {
						return reader.read(java.nio.file.Files.readAllBytes(p));
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				})
				.toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> keys(EvaluationResult result) {
		return result.outcomes().stream().map(o -> o.getId() + " " + o.getKey() + " " + o.getAmountYuan()).toList();
	}

	@SuppressWarnings("unused")
	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
