package org.kaohe.outcome;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.facts.Evidential;
import org.kaohe.facts.Period;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.SubjectRef;
import org.kaohe.facts.SubjectType;

/**
 * One decision about one subject (SPEC §5): a measure of a kind, with the reason the rule wrote and
 * everything the engine attached (rule ID and name, basis, evidence, ruleset version).
 *
 * <p>Rule files create outcomes through {@link Outcomes} and may refine them before the consequence
 * ends ({@code .amountYuan(…)}, {@code .days(…)}, {@code .range(…)}, {@code .target(…)}); once the
 * engine has sealed an outcome it is immutable. Outcomes of the evaluated period are also inserted
 * as facts, so later rules can react to them (一案四查, 负面信息).
 */
@JsonPropertyOrder({ "id", "runId", "period", "subject", "kind", "measure", "measureLabel", "severity", "amountYuan",
		"fineRangeYuan", "durationDays", "durationHours", "targetRole", "relatedSubject", "ruleId", "ruleName", "reason",
		"basis", "evidence", "rulesetVersion" })
public final class Outcome implements Evidential {

	private String id;

	private String runId;

	private Period period;

	private final SubjectRef subject;

	private final Measure measure;

	private final int severity;

	private Long amountYuan;

	private FineRange fineRangeYuan;

	private Integer durationDays;

	private Integer durationHours;

	private PersonRole targetRole;

	private SubjectRef relatedSubject;

	private final String ruleId;

	private final String ruleName;

	private final String reason;

	private final String basis;

	private final List<Map<String, Object>> evidence;

	private String rulesetVersion;

	private boolean sealed;

	Outcome(SubjectRef subject, Measure measure, int severity, String reason, RuleInfo rule,
			List<Map<String, Object>> evidence) {
		this.subject = subject;
		this.measure = measure;
		this.severity = severity;
		this.reason = reason;
		this.ruleId = rule.id();
		this.ruleName = rule.name();
		this.basis = rule.basis();
		this.evidence = evidence;
	}

	/**
	 * Rebuilds a stored outcome exactly as it was decided (persistence, replay); not for rule
	 * files.
	 */
	@SuppressWarnings("java:S107")
	public static Outcome restore(String id, String runId, Period period, SubjectRef subject, Measure measure,
			int severity, Long amountYuan, FineRange fineRange, Integer durationDays, Integer durationHours,
			PersonRole targetRole, SubjectRef relatedSubject, String ruleId, String ruleName, String reason, String basis,
			List<Map<String, Object>> evidence, String rulesetVersion) {
		Outcome o = new Outcome(subject, measure, severity, reason, new RuleInfo(ruleId, ruleName, basis, null, 0),
				evidence);
		o.id = id;
		o.runId = runId;
		o.period = period;
		o.amountYuan = amountYuan;
		o.fineRangeYuan = fineRange;
		o.durationDays = durationDays;
		o.durationHours = durationHours;
		o.targetRole = targetRole;
		o.relatedSubject = relatedSubject;
		o.rulesetVersion = rulesetVersion;
		o.sealed = true;
		return o;
	}

	// ---- refinements a rule may chain onto impose(...) ----

	/** Sets the amount in yuan (rounded to whole yuan). */
	public Outcome amountYuan(double yuan) {
		checkOpen();
		this.amountYuan = Math.round(yuan);
		return this;
	}

	/** Sets the amount in yuan; MVEL does not widen {@code int} to {@code double} on its own. */
	public Outcome amountYuan(int yuan) {
		return amountYuan((double) yuan);
	}

	/** Sets the amount in 万元. */
	public Outcome amountWan(double wan) {
		return amountYuan(wan * 10_000);
	}

	/** Sets the amount in 万元. */
	public Outcome amountWan(int wan) {
		return amountYuan(wan * 10_000.0);
	}

	/** The statutory range of a fine referral, in yuan. */
	public Outcome range(long minYuan, long maxYuan) {
		checkOpen();
		this.fineRangeYuan = new FineRange(minYuan, maxYuan);
		return this;
	}

	/** The statutory range of a fine referral, in yuan. */
	public Outcome range(int minYuan, int maxYuan) {
		return range((long) minYuan, (long) maxYuan);
	}

	/** Duration of a stop-work order or term of a rectification order, in days. */
	public Outcome days(int days) {
		checkOpen();
		this.durationDays = days;
		return this;
	}

	/** Duration or term in hours (立行立改 within 24 h, 停工24小时). */
	public Outcome hours(int hours) {
		checkOpen();
		this.durationHours = hours;
		return this;
	}

	/** The leader an interview or accountability measure on a unit is addressed to. */
	public Outcome target(PersonRole role) {
		checkOpen();
		this.targetRole = role;
		return this;
	}

	/** Another subject the outcome concerns (a site's builder, the regulator in 一案四查). */
	public Outcome related(SubjectRef related) {
		checkOpen();
		this.relatedSubject = related;
		return this;
	}

	private void checkOpen() {
		if (this.sealed) {
			throw new IllegalStateException("outcome of " + this.ruleId + " is sealed");
		}
	}

	void setPeriod(Period period) {
		this.period = period;
	}

	void seal(String id, Period period, String rulesetVersion) {
		this.id = id;
		this.period = period;
		this.rulesetVersion = rulesetVersion;
		this.sealed = true;
	}

	/** Assigns the run it was stored under; used once by persistence. */
	public Outcome inRun(String runId, String newId) {
		this.runId = runId;
		this.id = newId;
		return this;
	}

	// ---- the contract (SPEC §5) ----

	public String getId() {
		return this.id;
	}

	/** The stored run, or null for an in-memory evaluation (kept in JSON as {@code null}). */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public String getRunId() {
		return this.runId;
	}

	public Period getPeriod() {
		return this.period;
	}

	public SubjectRef getSubject() {
		return this.subject;
	}

	public OutcomeKind getKind() {
		return this.measure.getKind();
	}

	public Measure getMeasure() {
		return this.measure;
	}

	public String getMeasureLabel() {
		return this.measure.getLabel();
	}

	public int getSeverity() {
		return this.severity;
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	public Long getAmountYuan() {
		return this.amountYuan;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public FineRange getFineRangeYuan() {
		return this.fineRangeYuan;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public Integer getDurationDays() {
		return this.durationDays;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public Integer getDurationHours() {
		return this.durationHours;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public PersonRole getTargetRole() {
		return this.targetRole;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	public SubjectRef getRelatedSubject() {
		return this.relatedSubject;
	}

	public String getRuleId() {
		return this.ruleId;
	}

	public String getRuleName() {
		return this.ruleName;
	}

	public String getReason() {
		return this.reason;
	}

	public String getBasis() {
		return this.basis;
	}

	public List<Map<String, Object>> getEvidence() {
		return this.evidence;
	}

	public String getRulesetVersion() {
		return this.rulesetVersion;
	}

	// ---- conveniences for rule files matching outcomes of the evaluated period ----

	@JsonIgnore
	public String getSubjectId() {
		return this.subject.getId();
	}

	@JsonIgnore
	public SubjectType getSubjectType() {
		return this.subject.getType();
	}

	/**
	 * Identity of the decision independent of run and wording: rule, subject, measure and the
	 * evidence rows. Two evaluations of the same facts give the same keys; the what-if diff pairs
	 * outcomes by it.
	 */
	@JsonIgnore
	public String getKey() {
		StringBuilder sb = new StringBuilder().append(this.ruleId)
			.append('|')
			.append(this.subject.getId())
			.append('|')
			.append(this.measure);
		for (Map<String, Object> e : this.evidence) {
			sb.append('|').append(EvidenceKeys.identity(e));
		}
		return sb.toString();
	}

	/** This outcome as evidence of another (a derived rule matched it). */
	@Override
	public Map<String, Object> evidence() {
		Map<String, Object> e = new java.util.LinkedHashMap<>();
		e.put("table", "outcomes");
		if (this.id != null) {
			e.put("id", this.id);
		}
		e.put("period", String.valueOf(this.period));
		e.put("subjectId", this.subject.getId());
		e.put("ruleId", this.ruleId);
		e.put("measure", this.measure.name());
		if (this.amountYuan != null) {
			e.put("amountYuan", this.amountYuan);
		}
		return e;
	}

	/**
	 * The decision's identity without its measure: rule, subject and evidence. Two rule versions that
	 * decide differently about the same facts (a longer stop, an interview instead of a criticism) share
	 * it, so the what-if diff reports a change rather than one removal and one addition.
	 */
	@JsonIgnore
	public String getMatchKey() {
		StringBuilder sb = new StringBuilder().append(this.ruleId).append('|').append(this.subject.getId());
		for (Map<String, Object> e : this.evidence) {
			sb.append('|').append(EvidenceKeys.identity(e));
		}
		return sb.toString();
	}

	@Override
	public String toString() {
		return this.ruleId + " " + this.subject + " " + this.measure + (this.amountYuan != null ? " " + this.amountYuan : "");
	}

	/** The statutory range of a fine referral (the office recommends; the bureau decides). */
	public record FineRange(long minYuan, long maxYuan) {
	}

}
