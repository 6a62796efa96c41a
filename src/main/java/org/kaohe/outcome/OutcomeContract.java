package org.kaohe.outcome;

/**
 * The checks every outcome passes before it is kept (SPEC §5, domain.md §2 "Government vs enterprise
 * money").
 */
final class OutcomeContract {

	private OutcomeContract() {
	}

	static void check(Outcome o) {
		Measure m = o.getMeasure();
		String rule = o.getRuleId();
		if (!m.appliesTo(o.getSubject().getType())) {
			throw new RuleContractException(rule, m + "（" + m.getLabel() + "）不能用于" + o.getSubject().getType().getLabel()
					+ " " + o.getSubject() + " / " + m + " is not allowed on " + o.getSubject().getType());
		}
		if (o.getSeverity() < 0 || o.getSeverity() > 6) {
			throw new RuleContractException(rule, "severity " + o.getSeverity() + " is outside 0-6");
		}
		if (m.getKind() == OutcomeKind.COMMENDATION && o.getSeverity() != 0) {
			throw new RuleContractException(rule, "commendations have severity 0, not " + o.getSeverity());
		}
		if (m.getKind() != OutcomeKind.COMMENDATION && o.getSeverity() == 0) {
			throw new RuleContractException(rule, "sanction " + m + " cannot have severity 0");
		}
		if (o.getReason() == null || o.getReason().isBlank()) {
			throw new RuleContractException(rule, "outcome without a reason");
		}
		if (o.getBasis() == null || o.getBasis().isBlank()) {
			throw new RuleContractException(rule, "rule has no @basis");
		}
		switch (m) {
			case FISCAL_DEDUCTION, FISCAL_REWARD, FINE_REFERRAL_MAX -> {
				if (o.getAmountYuan() == null || o.getAmountYuan() <= 0) {
					throw new RuleContractException(rule, m + " needs a positive amountYuan");
				}
			}
			case FINE_REFERRAL, DAILY_FINE -> {
				if (o.getFineRangeYuan() == null) {
					throw new RuleContractException(rule, m + " needs its statutory range (.range(min, max))");
				}
			}
			default -> {
				if (o.getAmountYuan() != null && !m.isMonetary()) {
					throw new RuleContractException(rule, m + " carries no money, but amountYuan was set");
				}
			}
		}
		if (o.getFineRangeYuan() != null && o.getFineRangeYuan().minYuan() > o.getFineRangeYuan().maxYuan()) {
			throw new RuleContractException(rule, "fine range min > max");
		}
	}

}
