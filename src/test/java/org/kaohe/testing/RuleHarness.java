package org.kaohe.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.kaohe.engine.EngineLimits;
import org.kaohe.engine.EvaluationResult;
import org.kaohe.engine.RuleEngine;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.PeriodChain;
import org.kaohe.facts.FactDocument;
import org.kaohe.ingest.FactDocumentReader;
import org.kaohe.ingest.RowLocator;
import org.kaohe.outcome.Outcome;
import org.kaohe.rules.RuleSource;

/**
 * Compiles the real {@code rules/} folder once per test JVM and evaluates {@link FactDocs} through the
 * real validator and engine, the last document being the evaluated period.
 */
public final class RuleHarness {

	public static final Path RULES = Path.of("rules");

	private static final Ruleset RULESET = RuleEngine.compile(RuleSource.fromDirectory(RULES));

	private static final RuleEngine ENGINE = new RuleEngine(EngineLimits.defaults());

	private RuleHarness() {
	}

	public static Ruleset ruleset() {
		return RULESET;
	}

	public static RuleEngine engine() {
		return ENGINE;
	}

	public static Result evaluate(FactDocs... periods) {
		return evaluate(null, periods);
	}

	public static Result evaluate(LocalDate asOf, FactDocs... periods) {
		FactDocumentReader reader = new FactDocumentReader(RULESET::validationContext);
		List<FactDocument> docs = Stream.of(periods).map(p -> reader.read(p.tree(), RowLocator.JSON)).toList();
		return new Result(PeriodChain.evaluate(ENGINE, RULESET, docs, asOf));
	}

	/** What an evaluation decided, with the lookups tests need. */
	public record Result(EvaluationResult result) {

		public List<Outcome> outcomes() {
			return this.result.outcomes();
		}

		public Set<String> firedRuleIds() {
			Set<String> ids = new TreeSet<>();
			outcomes().forEach(o -> ids.add(o.getRuleId()));
			return ids;
		}

		public List<Outcome> of(String ruleId) {
			return outcomes().stream().filter(o -> o.getRuleId().equals(ruleId)).toList();
		}

		public List<Outcome> of(String ruleId, String subjectId) {
			return of(ruleId).stream().filter(o -> o.getSubject().getId().equals(subjectId)).toList();
		}

		/** "MEASURE" or "MEASURE:amount" of a rule's outcomes for a subject, sorted. */
		public List<String> measures(String ruleId, String subjectId) {
			return of(ruleId, subjectId).stream()
				.map(o -> o.getMeasure() + (o.getAmountYuan() != null ? ":" + o.getAmountYuan() : ""))
				.sorted()
				.toList();
		}

	}

}
