package org.kaohe.ranking;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Rank;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.RowLocator;
import org.kaohe.testing.FactDocs;
import org.kaohe.testing.RuleHarness;

import static org.assertj.core.api.Assertions.assertThat;

class RankingCalculatorTests {

	private static List<Rank> rank(FactDocs docs) {
		FactDocument doc = new FactDocumentReader(RuleHarness.ruleset()::validationContext).read(docs.tree(), RowLocator.JSON);
		return RankingCalculator.rank(doc, RuleHarness.ruleset().parametersFor(doc.getPeriod()));
	}

	private static Map<String, String> bySubject(List<Rank> ranks) {
		return ranks.stream().collect(Collectors.toMap(Rank::getSubjectId, r -> r.getRank() + "/" + r.getOf() + " b" + r.getRankFromBottom()));
	}

	@Test
	void lowerConcentrationRanksBetterAndTiesShareARank() {
		List<Rank> ranks = rank(FactDocs.period("2026-Q3").county("A", "甲").county("B", "乙").county("C", "丙").county("D", "丁")
			.measurement("A", "2026-07", "PM25", 30).measurement("B", "2026-07", "PM25", 40)
			.measurement("C", "2026-07", "PM25", 40).measurement("D", "2026-07", "PM25", 50));

		assertThat(bySubject(ranks)).containsOnly(Map.entry("A", "1/4 b4"), Map.entry("B", "2/4 b2"), Map.entry("C", "2/4 b2"),
				Map.entry("D", "4/4 b1"));
		assertThat(ranks).allSatisfy(r -> assertThat(r.getGroupMean()).isEqualTo(40.0));
	}

	@Test
	void higherIsBetterForGoodDaysAndTiesForLastAreBothLast() {
		List<Rank> ranks = rank(FactDocs.period("2026-Q3").county("A", "甲").county("B", "乙").county("C", "丙")
			.measurement("A", "2026-07", "GOOD_DAYS", 25).measurement("B", "2026-07", "GOOD_DAYS", 20)
			.measurement("C", "2026-07", "GOOD_DAYS", 20));

		assertThat(bySubject(ranks)).containsOnly(Map.entry("A", "1/3 b3"), Map.entry("B", "2/3 b1"), Map.entry("C", "2/3 b1"));
		assertThat(ranks).filteredOn(Rank::isLast).extracting(Rank::getSubjectId).containsExactlyInAnyOrder("B", "C");
	}

	@Test
	void groupsRankSeparately() {
		List<Rank> ranks = rank(FactDocs.period("2026-Q3").county("A", "甲", "城区组").county("B", "乙", "城区组")
			.county("X", "县甲", "县组").county("Y", "县乙", "县组")
			.measurement("A", "2026-07", "PM25", 30).measurement("B", "2026-07", "PM25", 40)
			.measurement("X", "2026-07", "PM25", 60).measurement("Y", "2026-07", "PM25", 50));

		assertThat(bySubject(ranks)).containsOnly(Map.entry("A", "1/2 b2"), Map.entry("B", "2/2 b1"), Map.entry("X", "2/2 b1"),
				Map.entry("Y", "1/2 b2"));
	}

	@Test
	void anOfficialRankWinsButKeepsTheMeasuredValue() {
		List<Rank> ranks = rank(FactDocs.period("2026-Q3").county("A", "甲").county("B", "乙")
			.measurement("A", "2026-07", "PM25", 30).measurement("B", "2026-07", "PM25", 40)
			.officialRank("A", "2026-07", "PM25", 14, 18));

		Rank a = ranks.stream().filter(r -> r.getSubjectId().equals("A")).findFirst().orElseThrow();
		assertThat(a.isOfficial()).isTrue();
		assertThat(a.getRank()).isEqualTo(14);
		assertThat(a.getOf()).isEqualTo(18);
		assertThat(a.getRankFromBottom()).isEqualTo(5);
		assertThat(a.getValue()).isEqualTo(30.0);
		assertThat(bySubject(ranks)).containsEntry("B", "2/2 b1");
	}

}
