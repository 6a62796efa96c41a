package org.kaohe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.rules.RuleSource;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

class HandWrittenEvaluatorTests {

	@Test
	void theHandWrittenFiveRulesDecideExactlyWhatTheEngineDecidesWithThoseRules() {
		Ruleset five = RuleEngine.compile(FiveRules.of(RuleSource.fromDirectory(RuleHarness.RULES)));
		assertThat(five.rules().stream().map(r -> r.id()).distinct().sorted().toList())
			.containsExactlyElementsOf(new TreeSet<>(FiveRules.IDS));
		ProvinceGenerator g = new ProvinceGenerator(11, ProvinceGenerator.Size.rows(2, 6, 4_000));
		FactDocumentReader reader = new FactDocumentReader(five::validationContext);
		List<FactDocument> docs = new ArrayList<>();
		for (Period q : ProvinceGenerator.quarters(Period.parse("2026-Q3"), 4)) {
			docs.add(reader.read(g.document(q)));
		}
		List<PriorOutcome> prior = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			EvaluationResult r = RuleHarness.engine().evaluate(five, new EvaluationRequest(docs.get(i), docs.subList(0, i), prior, null));
			r.outcomes().forEach(o -> prior.add(PriorOutcome.of(o)));
		}
		EvaluationRequest last = new EvaluationRequest(docs.get(3), docs.subList(0, 3), prior, null);

		List<FiveRules.Decision> engine = FiveRules.Decision.of(RuleHarness.engine().evaluate(five, last).outcomes());
		List<FiveRules.Decision> byHand = FiveRules.Decision.of(HandWrittenEvaluator.evaluate(five, last));

		assertThat(byHand).containsExactlyElementsOf(engine);
		Set<String> fired = new TreeSet<>();
		engine.forEach(d -> fired.add(d.ruleId() + ":" + d.measure()));
		assertThat(fired).contains("R-SITE-01:RECTIFY_ORDER", "R-DEPT-02:PUBLIC_CRITICISM", "R-DEPT-02:LISTED_SUPERVISION",
				"R-CTY-02:PUBLIC_CRITICISM", "R-CTY-02:WARNING", "R-CTY-04:FISCAL_DEDUCTION", "R-PER-01:ADMONITION_TALK");
	}

}
