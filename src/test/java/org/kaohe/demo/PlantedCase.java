package org.kaohe.demo;

/**
 * A case planted in the demo so a rule shows (or, for a near miss, narrowly does not show): which rule,
 * which subject, in which quarter, and what should happen. The README's table and
 * {@code DemoCityTests} both read these.
 *
 * @param ruleId the rule, e.g. R-SITE-02
 * @param subjectId the subject that receives the outcome, or null when any subject will do (derived
 * rules such as 一案四查 whose targets are the rule author's choice)
 * @param subjectName its name, for the README
 * @param quarter the quarter whose evaluation shows it
 * @param what what happens (Chinese)
 * @param nearMiss whether the case is just under the threshold: the rule must not fire for the subject
 * @param measure for a near miss, the one measure that must not be imposed (the rule may fire otherwise);
 * null for any
 */
record PlantedCase(String ruleId, String subjectId, String subjectName, Quarter quarter, String what, boolean nearMiss,
		String measure) {
}
