package org.kaohe.facts;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An inspection finding with a rectification deadline (督查问题、整改期限; table {@code issues}),
 * owned by the county or department that must rectify it. An open issue is carried into every later
 * period's document until it is closed (销号).
 */
public class InspectionIssue extends Fact {

	private String id;

	private String ownerId;

	private String objectId;

	private IssueCategory category;

	private IssueSource source;

	private LocalDate foundOn;

	private LocalDate deadline;

	private LocalDate rectifiedOn;

	private LocalDate closedOn;

	private String relapseOf;

	private int daysOverdue;

	private boolean rectified;

	private boolean overdueThisPeriod;

	private boolean closureOverdue;

	private String objectName;

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getOwnerId() {
		return this.ownerId;
	}

	public void setOwnerId(String ownerId) {
		this.ownerId = ownerId;
	}

	/** The site, enterprise or other subject the problem was found at; may be null. */
	public String getObjectId() {
		return this.objectId;
	}

	public void setObjectId(String objectId) {
		this.objectId = objectId;
	}

	public IssueCategory getCategory() {
		return this.category;
	}

	public void setCategory(IssueCategory category) {
		this.category = category;
	}

	public IssueSource getSource() {
		return this.source;
	}

	public void setSource(IssueSource source) {
		this.source = source;
	}

	public LocalDate getFoundOn() {
		return this.foundOn;
	}

	public void setFoundOn(LocalDate foundOn) {
		this.foundOn = foundOn;
	}

	public LocalDate getDeadline() {
		return this.deadline;
	}

	public void setDeadline(LocalDate deadline) {
		this.deadline = deadline;
	}

	public LocalDate getRectifiedOn() {
		return this.rectifiedOn;
	}

	public void setRectifiedOn(LocalDate rectifiedOn) {
		this.rectifiedOn = rectifiedOn;
	}

	/** The day the issue was closed (销号) after a re-check. */
	public LocalDate getClosedOn() {
		return this.closedOn;
	}

	public void setClosedOn(LocalDate closedOn) {
		this.closedOn = closedOn;
	}

	/** Id of the earlier, closed issue this one is a relapse of (反弹回潮). */
	public String getRelapseOf() {
		return this.relapseOf;
	}

	public void setRelapseOf(String relapseOf) {
		this.relapseOf = relapseOf;
	}

	/**
	 * Days past the rectification deadline as of the evaluation: until rectification, or until
	 * {@code asOf} while still open; 0 if not late. Computed by the engine.
	 */
	@JsonIgnore
	public int getDaysOverdue() {
		return this.daysOverdue;
	}

	public void setDaysOverdue(int daysOverdue) {
		this.daysOverdue = daysOverdue;
	}

	@JsonIgnore
	public boolean isOverdue() {
		return this.daysOverdue > 0;
	}

	/** Whether it was rectified by {@code asOf}; computed by the engine. */
	@JsonIgnore
	public boolean isRectified() {
		return this.rectified;
	}

	public void setRectified(boolean rectified) {
		this.rectified = rectified;
	}

	/**
	 * Whether the lateness belongs to the evaluated period: still unrectified past the deadline at
	 * {@code asOf}, or rectified late within the period. An issue rectified late in an earlier period and
	 * still carried in the ledger is not overdue again. Computed by the engine.
	 */
	@JsonIgnore
	public boolean isOverdueThisPeriod() {
		return this.overdueThisPeriod;
	}

	public void setOverdueThisPeriod(boolean overdueThisPeriod) {
		this.overdueThisPeriod = overdueThisPeriod;
	}

	/**
	 * Whether it was not closed (销号) by its deadline and that failure belongs to the evaluated period:
	 * still open at {@code asOf}, or closed late within the period. Computed by the engine.
	 */
	@JsonIgnore
	public boolean isClosureOverdue() {
		return this.closureOverdue;
	}

	public void setClosureOverdue(boolean closureOverdue) {
		this.closureOverdue = closureOverdue;
	}

	/** Days from the deadline to closure (or to {@code asOf} while open); for reasons. */
	@JsonIgnore
	public String getSourceLabel() {
		return (this.source != null) ? this.source.getLabel() : "";
	}

	/** Whether it was still not rectified at {@code asOf}. */
	@JsonIgnore
	public boolean isOpen() {
		return !this.rectified;
	}

	@JsonIgnore
	public boolean isClosed() {
		return this.closedOn != null;
	}

	@JsonIgnore
	public long getFoundEpochDay() {
		return this.foundOn.toEpochDay();
	}

	/** Epoch day of closure, or {@code Long.MIN_VALUE} while open. */
	@JsonIgnore
	public long getClosedEpochDay() {
		return (this.closedOn != null) ? this.closedOn.toEpochDay() : Long.MIN_VALUE;
	}

	/** Whether a higher level (central or provincial inspection, expert group, covert visit) found it. */
	@JsonIgnore
	public boolean isHigherLevel() {
		return this.source == IssueSource.CENTRAL_INSPECTION || this.source == IssueSource.PROVINCIAL_INSPECTION
				|| this.source == IssueSource.PROVINCIAL_EXPERT_GROUP || this.source == IssueSource.COVERT_VISIT;
	}

	/** Name of the object subject, resolved by the engine; the id if unknown. */
	@JsonIgnore
	public String getObjectName() {
		return (this.objectName != null) ? this.objectName : (this.objectId != null ? this.objectId : "");
	}

	public void setObjectName(String objectName) {
		this.objectName = objectName;
	}

	/** The longest lateness among the issues, in days. */
	public static int maxDaysOverdue(java.util.Collection<?> issues) {
		return issues.stream().mapToInt(i -> ((InspectionIssue) i).getDaysOverdue()).max().orElse(0);
	}

	/** "I-0456 逾期35天、I-0460 逾期3天" in id order. */
	public static String describe(java.util.Collection<?> issues) {
		return issues.stream()
			.map(i -> (InspectionIssue) i)
			.sorted(java.util.Comparator.comparing(InspectionIssue::getId))
			.map(i -> i.getId() + " 逾期" + i.getDaysOverdue() + "天")
			.collect(java.util.stream.Collectors.joining("、"));
	}

	/**
	 * Of the closed issues given (the same issue may appear in several periods' documents), the one
	 * closed last; null when none.
	 */
	public static InspectionIssue latestClosed(java.util.Collection<?> issues) {
		return issues.stream()
			.map(i -> (InspectionIssue) i)
			.filter(InspectionIssue::isClosed)
			.max(java.util.Comparator.comparing(InspectionIssue::getClosedOn).thenComparing(InspectionIssue::getId))
			.orElse(null);
	}

	@Override
	public String getTable() {
		return "issues";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("id", this.id).put("ownerId", this.ownerId).put("objectId", this.objectId)
			.put("category", this.category).put("source", this.source).put("foundOn", text(this.foundOn))
			.put("deadline", text(this.deadline)).put("rectifiedOn", text(this.rectifiedOn))
			.put("closedOn", text(this.closedOn)).put("relapseOf", this.relapseOf).put("daysOverdue", this.daysOverdue)
			.toMap();
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
