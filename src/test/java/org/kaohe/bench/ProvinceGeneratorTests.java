package org.kaohe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.outcome.Outcome;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

class ProvinceGeneratorTests {

	private static final ProvinceGenerator.Size SMALL = ProvinceGenerator.Size.rows(2, 6, 4_000);

	private static final List<Period> QUARTERS = ProvinceGenerator.quarters(Period.parse("2026-Q3"), 4);

	@Test
	void sameSeedGivesTheSameBytesAndAnotherSeedOthers() {
		ProvinceGenerator a = new ProvinceGenerator(7, SMALL);
		ProvinceGenerator b = new ProvinceGenerator(7, SMALL);
		for (Period q : QUARTERS) {
			assertThat(a.document(q)).isEqualTo(b.document(q));
		}
		assertThat(new ProvinceGenerator(8, SMALL).document(QUARTERS.get(0))).isNotEqualTo(a.document(QUARTERS.get(0)));
	}

	@Test
	void quartersAreValidHaveTheRequestedSizeAndTheRealRulesFire() {
		ProvinceGenerator g = new ProvinceGenerator(7, SMALL);
		FactDocumentReader reader = new FactDocumentReader(RuleHarness.ruleset()::validationContext);
		List<FactDocument> docs = new ArrayList<>();
		for (Period q : QUARTERS) {
			FactDocument doc = reader.read(g.document(q)); // throws InvalidFactsException listing every problem
			assertThat(doc.getPeriod()).isEqualTo(q);
			long rows = g.write(q, java.io.OutputStream.nullOutputStream());
			assertThat(rows).isBetween(3_000L, 6_000L);
			assertThat(doc.getInspections()).hasSize(SMALL.sites() * 13);
			docs.add(doc);
		}
		EvaluationResult result = PeriodChain.evaluate(RuleHarness.engine(), RuleHarness.ruleset(), docs, null);
		Set<String> fired = new TreeSet<>();
		result.outcomes().stream().map(Outcome::getRuleId).forEach(fired::add);
		assertThat(fired).contains("R-SITE-01", "R-SITE-02", "R-SITE-03", "R-DEPT-01", "R-DEPT-02", "R-CTY-02", "R-CTY-04",
				"R-PER-01", "R-CTY-12");
	}

}
