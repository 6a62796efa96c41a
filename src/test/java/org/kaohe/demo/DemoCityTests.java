package org.kaohe.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleDescriptor;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.ConstructionSite;
import org.kaohe.facts.FactDocument;
import org.kaohe.facts.Inspection;
import org.kaohe.facts.SiteStatus;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;
import org.kaohe.rules.RuleSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city 洛州市: the committed files are what {@link DemoCityGenerator} writes, they pass the
 * real validator, and evaluated quarter by quarter with the real rules they show every rule of
 * {@code rules/} and every planted case whose rule exists.
 */
class DemoCityTests {

	private static final Path DIR = DemoCityGenerator.DEFAULT_DIR;

	private static Ruleset ruleset;

	private static RuleEngine engine;

	private static final List<FactDocument> documents = new ArrayList<>();

	private static final Map<Quarter, EvaluationResult> results = new EnumMap<>(Quarter.class);

	@BeforeAll
	static void evaluateEveryQuarter() throws IOException {
		ruleset = RuleEngine.compile(RuleSource.fromDirectory(Path.of("rules")));
		engine = new RuleEngine();
		FactDocumentReader reader = new FactDocumentReader(ruleset::validationContext);
		for (Quarter q : Quarter.values()) {
			documents.add(reader.read(Files.readAllBytes(DIR.resolve(q + ".json"))));
		}
		for (Quarter q : Quarter.values()) {
			results.put(q, PeriodChain.evaluate(engine, ruleset, documents.subList(0, q.ordinal() + 1), null));
		}
		printSummary();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	@Test
	void committedFilesAreExactlyWhatTheGeneratorWrites() throws IOException {
		for (Map.Entry<String, String> file : DemoCityGenerator.generate().entrySet()) {
			Path path = DIR.resolve(file.getKey());
			assertThat(Files.readString(path, StandardCharsets.UTF_8))
				.as("%s differs from the generator's output; regenerate it (see fixtures/demo-city/README.md)", path)
				.isEqualTo(file.getValue());
		}
	}

	@Test
	void theGeneratorIsDeterministic() {
		assertThat(DemoCityGenerator.generate()).isEqualTo(DemoCityGenerator.generate());
	}

	@Test
	void everyQuarterIsAValidDocumentOfItsPeriod() {
		assertThat(documents).extracting(d -> d.getPeriod().toString())
			.containsExactly("2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3");
		assertThat(documents).allSatisfy(d -> assertThat(d.getSchemaVersion()).isEqualTo(1));
	}

	@Test
	void lastQuarterProducesAllSixKindsOfOutcome() {
		Set<OutcomeKind> kinds = results.get(Quarter.Q3_2026)
			.outcomes()
			.stream()
			.map(Outcome::getKind)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(OutcomeKind.class)));
		assertThat(kinds).containsExactlyInAnyOrder(OutcomeKind.WARNING, OutcomeKind.INTERVIEW, OutcomeKind.FINE,
				OutcomeKind.ORDER, OutcomeKind.ACCOUNTABILITY, OutcomeKind.COMMENDATION);
	}

	@Test
	void everyRuleOfTheRulesetFiresInSomeQuarter() {
		Set<String> fired = new HashSet<>();
		results.values().forEach(r -> r.outcomes().forEach(o -> fired.add(o.getRuleId())));
		Set<String> silent = new TreeSet<>(ruleIds());
		silent.removeAll(fired);
		assertThat(silent).as("rules in rules/ that no quarter of the demo city triggers").isEmpty();
	}

	@Test
	void plantedCasesShowForTheRulesThatExist() {
		Set<String> rules = ruleIds();
		List<String> missing = new ArrayList<>();
		for (PlantedCase c : DemoCityGenerator.plantedCases()) {
			if (c.nearMiss() || !rules.contains(c.ruleId())) {
				continue;
			}
			boolean shown = results.get(c.quarter())
				.outcomes()
				.stream()
				.anyMatch(o -> o.getRuleId().equals(c.ruleId()) && (c.subjectId() == null || c.subjectId().equals(o.getSubjectId())));
			if (!shown) {
				missing.add(c.ruleId() + " " + c.subjectId() + " " + c.subjectName() + " " + c.quarter() + "：" + c.what());
			}
		}
		assertThat(missing).as("planted cases whose rule exists but did not fire").isEmpty();
	}

	@Test
	void nearMissesStayQuiet() {
		Set<String> rules = ruleIds();
		List<String> fired = new ArrayList<>();
		for (PlantedCase c : DemoCityGenerator.plantedCases()) {
			if (!c.nearMiss() || !rules.contains(c.ruleId())) {
				continue;
			}
			results.get(c.quarter())
				.outcomes()
				.stream()
				.filter(o -> o.getRuleId().equals(c.ruleId()) && c.subjectId().equals(o.getSubjectId())
						&& (c.measure() == null || c.measure().equals(o.getMeasure().name())))
				.forEach(o -> fired.add(c.ruleId() + " " + c.subjectName() + " " + c.quarter() + " " + o.getMeasure() + "："
						+ o.getReason()));
		}
		assertThat(fired).as("near misses that fired").isEmpty();
	}

	@Test
	void firstQuarterShowsTheSpringResumptionFiguresOfTheSeedSpeech() {
		FactDocument q1 = documents.get(Quarter.Q1_2026.ordinal());
		Map<String, ConstructionSite> sites = new LinkedHashMap<>();
		q1.getSubjects().forEach(s -> {
			if (s instanceof ConstructionSite site) {
				sites.put(site.getId(), site);
			}
		});
		Set<String> dust = new HashSet<>();
		Set<String> problems = new HashSet<>();
		for (Inspection i : q1.getInspections()) {
			if (i.getAt().toLocalDate().isBefore(BackgroundActivity.RESUMPTION)) {
				continue;
			}
			boolean failed = i.getItems().containsValue(false);
			boolean nightWork = i.isEarthworkObserved() && !i.isNightPermit() && i.inHours(22, 6);
			ConstructionSite site = sites.get(i.getSiteId());
			boolean unaccepted = site.getStatus() == SiteStatus.WORKING && Boolean.FALSE.equals(site.getStartAcceptancePassed());
			if (failed) {
				dust.add(i.getSiteId());
			}
			if (failed || Boolean.FALSE.equals(i.getOneChiefThreeOfficers()) || i.getTrucksUnsealed() > 0
					|| i.getTrucksWithoutGps() > 0 || nightWork || unaccepted) {
				problems.add(i.getSiteId());
			}
		}
		assertThat(problems).hasSize(101);
		assertThat(dust).hasSize(89);
	}

	private static Set<String> ruleIds() {
		return ruleset.rules().stream().map(RuleDescriptor::id).collect(Collectors.toCollection(TreeSet::new));
	}

	/** Outcomes per quarter by kind and by rule, for whoever tunes the demo. */
	private static void printSummary() {
		for (Map.Entry<Quarter, EvaluationResult> e : results.entrySet()) {
			Map<OutcomeKind, Long> byKind = new EnumMap<>(OutcomeKind.class);
			Map<String, Long> byRule = new TreeMap<>(DemoCityGenerator::compareRules);
			for (Outcome o : e.getValue().outcomes()) {
				byKind.merge(o.getKind(), 1L, Long::sum);
				byRule.merge(o.getRuleId(), 1L, Long::sum);
			}
			System.out.println("demo city " + e.getKey() + ": " + e.getValue().outcomes().size() + " outcomes " + byKind + " "
					+ byRule);
		}
	}

}
