package org.kaohe.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

import org.kaohe.facts.EvaluationContext;
import org.kaohe.facts.Evidential;
import org.kaohe.facts.Fact;
import org.kaohe.facts.Period;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.Outcomes;
import org.kaohe.rules.Parameters;

/**
 * One territory of an evaluation, assembled once and evaluated again as often as asked with some
 * parameter values replaced: the question "would this subject have been sanctioned if K were 2?".
 * Drools does not report partial matches, so Kaohe asks the rules themselves: it re-runs the
 * subject's territory (the only facts a rule about the subject can see, see {@link FactAssembler})
 * with one threshold moved and watches which rules start to fire.
 *
 * <pre>
 * TerritoryProbe probe = engine.probe(ruleset, request, "S0032");
 * List&lt;Outcome&gt; now = probe.evaluate(Map.of());
 * List&lt;Outcome&gt; relaxed = probe.evaluate(Map.of("seriousItemsK", 2));
 * </pre>
 *
 * <p>Nothing is stored or shared: each call runs a fresh session over the same prepared facts (rules
 * never change facts), with the ruleset's limits. Not thread safe; one probe serves one question.
 */
public final class TerritoryProbe {

	private static final Set<String> SUBJECT_KEYS = Set.of("id", "subjectId", "siteId", "ownerId", "departmentId", "objectId");

	private final Ruleset ruleset;

	private final String territory;

	private final List<Object> facts;

	private final Parameters parameters;

	private final EvaluationContext context;

	private final EngineLimits limits;

	private final ScheduledExecutorService watchdog;

	private int evaluations;

	TerritoryProbe(Ruleset ruleset, String territory, List<Object> facts, Parameters parameters, EvaluationContext context,
			EngineLimits limits, ScheduledExecutorService watchdog) {
		this.ruleset = ruleset;
		this.territory = territory;
		this.facts = List.copyOf(facts);
		this.parameters = parameters;
		this.context = context;
		this.limits = limits;
		this.watchdog = watchdog;
	}

	/** The territory evaluated: a county or department id. */
	public String territory() {
		return this.territory;
	}

	/** The evaluated period. */
	public Period period() {
		return this.context.getPeriod();
	}

	/** The parameters in force for the period, before any override. */
	public Parameters parameters() {
		return this.parameters;
	}

	/** Sessions run so far, for the record of how much a question cost. */
	public int evaluations() {
		return this.evaluations;
	}

	/**
	 * Evaluates the territory with the given parameter values replaced.
	 *
	 * @param overrides parameter name → value (integer, number, boolean, string or enum value)
	 * @return every outcome of the territory, sealed as in a normal evaluation
	 * @throws IllegalArgumentException when an override does not fit its parameter
	 */
	public List<Outcome> evaluate(Map<String, Object> overrides) {
		Parameters p = this.parameters.withOverrides(overrides);
		this.evaluations++;
		SessionRunner.PartitionResult result = SessionRunner.run(this.ruleset, this.territory, this.facts, p,
				this.context.getPeriod(), this.limits, this.watchdog);
		return Outcomes.seal(result.outcomes(), this.ruleset.version());
	}

	/**
	 * The rows of the territory as evidence, each flagged whether it belongs to the evaluated period:
	 * what "why not" reads a subject's actual values from when no rule fired to produce evidence.
	 *
	 * @param subjectId only rows naming this subject (as id, subjectId, siteId, ownerId, departmentId or
	 * objectId); null for every row of the territory
	 */
	public List<FactRow> rows(String subjectId) {
		List<FactRow> rows = new ArrayList<>();
		for (Object f : this.facts) {
			if (!(f instanceof Evidential e)) {
				continue;
			}
			Map<String, Object> evidence = e.evidence();
			if (subjectId != null && SUBJECT_KEYS.stream().noneMatch(k -> subjectId.equals(evidence.get(k)))) {
				continue;
			}
			rows.add(new FactRow((f instanceof Fact fact) && fact.isCurrent(), evidence));
		}
		return rows;
	}

	/**
	 * A row of the territory as evidence.
	 *
	 * @param current whether it belongs to the evaluated period (not to its history)
	 * @param evidence the row as an outcome would cite it
	 */
	public record FactRow(boolean current, Map<String, Object> evidence) {
	}

}
