package org.kaohe.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kaohe.engine.EvaluationRequest;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.facts.FactDocument;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.RowLocator;
import org.kaohe.outcome.Outcome;
import org.kaohe.rules.RuleSource;
import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

/** The what-if diff pairs outcomes across rule versions and sums the money. */
class OutcomeDiffTests {

	private static Ruleset withParameters(String from, String to) {
		Map<String, byte[]> files = new HashMap<>(RuleHarness.ruleset().source().files());
		String text = new String(files.get("parameters.yaml"), StandardCharsets.UTF_8);
		assertThat(text).contains(from);
		files.put("parameters.yaml", text.replace(from, to).getBytes(StandardCharsets.UTF_8));
		return RuleEngine.compile(RuleSource.of(files));
	}

	private static List<Outcome> evaluate(Ruleset ruleset, FactDocs docs) {
		FactDocument doc = new FactDocumentReader(ruleset::validationContext).read(docs.tree(), RowLocator.JSON);
		return RuleHarness.engine().evaluate(ruleset, EvaluationRequest.of(doc)).outcomes();
	}

	@Test
	void aLowerSeriousThresholdAddsMaximumFinesAndBlacklists() {
		Ruleset candidate = withParameters("      seriousItemsK: 3\n", "      seriousItemsK: 2\n");
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01")
			.inspection("S0001", "2026-08-11T10:00:00", "FENCING", "WET_OPERATION");

		OutcomeDiff.PeriodDiff diff = OutcomeDiff.compare(org.kaohe.facts.Period.parse("2026-Q3"),
				evaluate(RuleHarness.ruleset(), q3), evaluate(candidate, q3));

		assertThat(diff.changes()).extracting(c -> c.type() + " " + c.ruleId() + " " + c.after().measure())
			.contains("ADDED R-SITE-08 FINE_REFERRAL_MAX", "ADDED R-SITE-08 BLACKLIST");
		assertThat(diff.changes()).allSatisfy(c -> assertThat(c.type()).isEqualTo(OutcomeDiff.ChangeType.ADDED));
		assertThat(diff.totalsAfter().maximumFineYuan() - diff.totalsBefore().maximumFineYuan()).isEqualTo(100_000);
	}

	@Test
	void aChangedAmountIsAChangeNotAnAdditionAndARemoval() {
		Ruleset candidate = withParameters("      weeklyLastDeductionWan: 100\n", "      weeklyLastDeductionWan: 80\n");
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").officialRank("C01", "2026-W30", "PM25", 15, 15);

		OutcomeDiff.PeriodDiff diff = OutcomeDiff.compare(org.kaohe.facts.Period.parse("2026-Q3"),
				evaluate(RuleHarness.ruleset(), q3), evaluate(candidate, q3));
		OutcomeDiff.Summary summary = OutcomeDiff.summarize(List.of(diff));

		assertThat(diff.changes()).singleElement().satisfies(c -> {
			assertThat(c.type()).isEqualTo(OutcomeDiff.ChangeType.CHANGED);
			assertThat(c.changedFields()).containsExactly("amountYuan");
			assertThat(c.before().amountYuan()).isEqualTo(1_000_000);
			assertThat(c.after().amountYuan()).isEqualTo(800_000);
		});
		assertThat(summary.netMoneyChangeYuan()).isEqualTo(-200_000);
		assertThat(summary.subjects()).singleElement().satisfies(s -> {
			assertThat(s.getSubject().getId()).isEqualTo("C01");
			assertThat(s.getChanged()).isEqualTo(1);
			assertThat(s.getMoneyChangeYuan()).isEqualTo(-200_000);
		});
	}

	@Test
	void aLadderStepChangeIsReportedAsAChangedDuration() {
		Ruleset candidate = withParameters("        - {from: 1, to: 1, days: 7}\n", "        - {from: 1, to: 1, days: 10}\n");
		FactDocs q3 = FactDocs.period("2026-Q3").county("C01", "河东区").site("S0001", "C01")
			.inspection("S0001", "2026-08-11T10:00:00", "FENCING");

		OutcomeDiff.PeriodDiff diff = OutcomeDiff.compare(org.kaohe.facts.Period.parse("2026-Q3"),
				evaluate(RuleHarness.ruleset(), q3), evaluate(candidate, q3));

		assertThat(diff.changes()).singleElement().satisfies(c -> {
			assertThat(c.ruleId()).isEqualTo("R-SITE-02");
			assertThat(c.changedFields()).containsExactly("duration");
		});
	}

}
