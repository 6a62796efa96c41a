package org.kaohe.ingest;

import java.util.List;

/** A fact document (or upload) that was refused, with every problem found in it. */
public class InvalidFactsException extends RuntimeException {

	private final List<FactProblem> problems;

	public InvalidFactsException(List<FactProblem> problems) {
		super("事实文档有 " + problems.size() + " 个问题 / fact document has " + problems.size() + " problem(s): "
				+ problems.stream().limit(5).map(FactProblem::describe).collect(java.util.stream.Collectors.joining("; "))
				+ (problems.size() > 5 ? "; …" : ""));
		this.problems = List.copyOf(problems);
	}

	public List<FactProblem> getProblems() {
		return this.problems;
	}

}
