package org.kaohe.outcome;

/**
 * A rule decided something the outcome contract forbids (a fiscal deduction on an enterprise, a fine
 * referral without its statutory range …). The evaluation fails instead of publishing it.
 */
public class RuleContractException extends RuntimeException {

	private final String ruleId;

	public RuleContractException(String ruleId, String message) {
		super("规则 " + ruleId + " 的结论不合规 / rule " + ruleId + " broke the outcome contract: " + message);
		this.ruleId = ruleId;
	}

	public String getRuleId() {
		return this.ruleId;
	}

}
