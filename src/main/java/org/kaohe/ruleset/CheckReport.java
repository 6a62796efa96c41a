package org.kaohe.ruleset;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.kaohe.rules.RuleProblem;

/**
 * Everything the checks before activation found in a candidate ruleset, all together.
 *
 * @param version the candidate's version
 * @param problems every problem, located (file, line, column), errors that block activation
 * @param scenariosRun scenarios run against the candidate (0 when it could not be built)
 * @param scenariosFailed of those, how many failed (each is also a problem)
 * @param excludedFiles files left out when running the scenarios (they did not compile or were
 * refused by the code guard)
 * @param unusedParameters declared parameters no rule reads (a warning only)
 */
public record CheckReport(String version, List<RuleProblem> problems, int scenariosRun, int scenariosFailed,
		Set<String> excludedFiles, Set<String> unusedParameters) {

	/** Whether the candidate may be activated (without forcing). */
	@JsonIgnore
	public boolean isPassed() {
		return this.problems.isEmpty();
	}

	/** Whether the only problems are failing scenarios (which an approver may override with force). */
	@JsonIgnore
	public boolean isOnlyScenarioFailures() {
		return !this.problems.isEmpty() && this.problems.stream().allMatch(p -> p.code().equals("SCENARIO_FAILED"));
	}

	/** The same, as the {@code passed} field of the JSON form. */
	@JsonProperty("passed")
	public boolean getPassed() {
		return isPassed();
	}

}
