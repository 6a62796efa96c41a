package org.kaohe.outcome;

import java.util.LinkedHashMap;
import java.util.Map;

import org.kaohe.facts.Evidential;
import org.kaohe.facts.Period;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.SubjectType;

/**
 * An outcome decided for an earlier period (history): what escalation rules count ("the 2nd
 * interview within 12 months", "the same task lagged last quarter too").
 */
public final class PriorOutcome implements Evidential {

	private final Period period;

	private final String subjectId;

	private final SubjectType subjectType;

	private final String subjectName;

	private final String ruleId;

	private final Measure measure;

	private final int severity;

	private final Long amountYuan;

	private final PersonRole targetRole;

	private final String outcomeId;

	private final String evidenceKey;

	public PriorOutcome(Period period, String subjectId, SubjectType subjectType, String subjectName, String ruleId,
			Measure measure, int severity, Long amountYuan, PersonRole targetRole, String outcomeId, String evidenceKey) {
		this.period = period;
		this.subjectId = subjectId;
		this.subjectType = subjectType;
		this.subjectName = subjectName;
		this.ruleId = ruleId;
		this.measure = measure;
		this.severity = severity;
		this.amountYuan = amountYuan;
		this.targetRole = targetRole;
		this.outcomeId = outcomeId;
		this.evidenceKey = evidenceKey;
	}

	/** The history form of an outcome decided for {@code outcome.getPeriod()}. */
	public static PriorOutcome of(Outcome outcome) {
		return new PriorOutcome(outcome.getPeriod(), outcome.getSubject().getId(), outcome.getSubject().getType(),
				outcome.getSubject().getName(), outcome.getRuleId(), outcome.getMeasure(), outcome.getSeverity(),
				outcome.getAmountYuan(), outcome.getTargetRole(), outcome.getId(), outcome.getKey());
	}

	/** The period the outcome was decided for. */
	public Period getPeriod() {
		return this.period;
	}

	public String getSubjectId() {
		return this.subjectId;
	}

	public SubjectType getSubjectType() {
		return this.subjectType;
	}

	public String getSubjectName() {
		return this.subjectName;
	}

	public String getRuleId() {
		return this.ruleId;
	}

	public Measure getMeasure() {
		return this.measure;
	}

	public OutcomeKind getKind() {
		return this.measure.getKind();
	}

	public int getSeverity() {
		return this.severity;
	}

	public Long getAmountYuan() {
		return this.amountYuan;
	}

	public PersonRole getTargetRole() {
		return this.targetRole;
	}

	public String getOutcomeId() {
		return this.outcomeId;
	}

	/** The outcome's key ({@link Outcome#getKey()}), to tell which task or issue it was about. */
	public String getEvidenceKey() {
		return this.evidenceKey;
	}

	/**
	 * Whether the outcome was about a given row, e.g. {@code concerns("tasks", "T-017")}: the same
	 * task lagging again, the same issue still open.
	 */
	public boolean concerns(String table, String id) {
		return this.evidenceKey != null && this.evidenceKey.contains("|" + table + ":" + id + ":")
				|| this.evidenceKey != null && this.evidenceKey.endsWith("|" + table + ":" + id);
	}

	/** The distinct periods of prior outcomes, in order: "2026-Q1、2026-Q2". */
	public static String periodsOf(java.util.Collection<?> priorOutcomes) {
		return priorOutcomes.stream()
			.map(o -> ((PriorOutcome) o).getPeriod())
			.distinct()
			.sorted()
			.map(Period::toString)
			.collect(java.util.stream.Collectors.joining("、"));
	}

	/** Number of distinct periods among prior outcomes (how many times a rule was applied before). */
	public static int countPeriods(java.util.Collection<?> priorOutcomes) {
		return (int) priorOutcomes.stream().map(o -> ((PriorOutcome) o).getPeriod()).distinct().count();
	}

	/** Whether any prior outcome was decided for {@code period}. */
	public static boolean anyIn(java.util.Collection<?> priorOutcomes, Period period) {
		return priorOutcomes.stream().anyMatch(o -> ((PriorOutcome) o).getPeriod().equals(period));
	}

	/** Whether any prior outcome has one of the measures named, comma-separated ("INTERVIEW,LISTED_SUPERVISION"). */
	public static boolean anyMeasure(java.util.Collection<?> priorOutcomes, String measures) {
		java.util.Set<String> names = java.util.Set.of(measures.replace(" ", "").split(","));
		return priorOutcomes.stream().anyMatch(o -> names.contains(((PriorOutcome) o).getMeasure().name()));
	}

	/** The Chinese names of the prior outcomes' measures with their periods: "约谈（2026-Q1）、挂牌督办（2026-Q2）". */
	public static String measureLabels(java.util.Collection<?> priorOutcomes) {
		return priorOutcomes.stream()
			.map(o -> (PriorOutcome) o)
			.sorted(java.util.Comparator.comparing(PriorOutcome::getPeriod))
			.map(o -> o.getMeasure().getLabel() + "（" + o.getPeriod() + "）")
			.distinct()
			.collect(java.util.stream.Collectors.joining("、"));
	}

	/** Last day of the outcome's period, to place it in rolling windows. */
	public long getEpochDay() {
		return this.period.end().toEpochDay();
	}

	@Override
	public Map<String, Object> evidence() {
		Map<String, Object> e = new LinkedHashMap<>();
		e.put("table", "outcomes");
		if (this.outcomeId != null) {
			e.put("id", this.outcomeId);
		}
		e.put("period", this.period.toString());
		e.put("subjectId", this.subjectId);
		e.put("ruleId", this.ruleId);
		e.put("measure", this.measure.name());
		if (this.amountYuan != null) {
			e.put("amountYuan", this.amountYuan);
		}
		return e;
	}

	@Override
	public String toString() {
		return "PriorOutcome[" + this.period + " " + this.ruleId + " " + this.subjectId + " " + this.measure + "]";
	}

}
