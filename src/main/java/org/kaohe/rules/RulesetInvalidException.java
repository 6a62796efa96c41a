package org.kaohe.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A set of rule files that cannot be used, with every problem found in it. */
public class RulesetInvalidException extends RuntimeException {

	private final List<RuleProblem> problems;

	public RulesetInvalidException(List<RuleProblem> problems) {
		super("规则集有 " + problems.size() + " 个问题 / ruleset has " + problems.size() + " problem(s):\n"
				+ problems.stream().map(RuleProblem::located).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<RuleProblem> getProblems() {
		return this.problems;
	}

}
