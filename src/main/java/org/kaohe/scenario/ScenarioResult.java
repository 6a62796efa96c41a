package org.kaohe.scenario;

import java.util.List;
import java.util.Set;

/**
 * How one scenario went.
 *
 * @param name the scenario
 * @param missing expected outcomes that did not occur
 * @param unexpected outcomes that occurred but were not expected (exact scenarios)
 * @param forbiddenFired outcomes a near-miss forbids that occurred anyway
 * @param error why the scenario could not run (invalid facts, a failing rule), or null
 * @param firedRuleIds every rule ID that fired in the evaluated period
 */
public record ScenarioResult(String name, List<ExpectedOutcome> missing, List<ExpectedOutcome> unexpected,
		List<ExpectedOutcome> forbiddenFired, String error, Set<String> firedRuleIds, List<ExpectedOutcome> nearMissOf) {

	/** The rule IDs this scenario is a near-miss for. */
	public Set<String> nearMissRuleIds() {
		Set<String> ids = new java.util.TreeSet<>();
		this.nearMissOf.forEach(n -> ids.add(n.ruleId()));
		return ids;
	}

	public boolean passed() {
		return this.error == null && this.missing.isEmpty() && this.unexpected.isEmpty() && this.forbiddenFired.isEmpty();
	}

}
