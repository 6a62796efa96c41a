package org.kaohe.evaluation;

import org.kaohe.facts.SubjectType;
import org.kaohe.outcome.OutcomeKind;

/**
 * Which outcomes of a run to list or total; null fields do not filter.
 *
 * @param kind the outcome kind
 * @param subjectType the subject's type
 * @param subjectId the subject
 * @param ruleId the rule
 * @param county a county-level unit: its own outcomes and those of every unit that belongs to it
 * (enterprises, sites, people of its government), as filed in the upload the run evaluated
 */
public record OutcomeFilter(OutcomeKind kind, SubjectType subjectType, String subjectId, String ruleId, String county) {

	public static final OutcomeFilter ALL = new OutcomeFilter(null, null, null, null, null);

}
