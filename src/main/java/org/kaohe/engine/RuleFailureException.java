package org.kaohe.engine;

/**
 * A rule failed while the engine ran it (its consequence threw, or it read an undeclared parameter);
 * the evaluation is abandoned, naming the rule.
 */
public class RuleFailureException extends RuntimeException {

	private final String ruleId;

	public RuleFailureException(String ruleId, String message, Throwable cause) {
		super(message, cause);
		this.ruleId = ruleId;
	}

	public String getRuleId() {
		return this.ruleId;
	}

}
