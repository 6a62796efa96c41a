package org.kaohe.facts;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A ledger task with a deadline (台账任务、时间节点; table {@code tasks}) owned by a county,
 * department or enterprise.
 *
 * <p>Day counts are computed by the engine from the evaluation's {@code asOf}, never in rule files,
 * so an evaluation can be replayed.
 */
public class LedgerTask extends Fact {

	private String id;

	private String ownerId;

	private String title;

	private LocalDate due;

	private double planned;

	private double done;

	private String unit;

	private LocalDate completedOn;

	private Boolean adjusted;

	private int daysOverdue;

	private boolean dueByAsOf;

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

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public LocalDate getDue() {
		return this.due;
	}

	public void setDue(LocalDate due) {
		this.due = due;
	}

	public double getPlanned() {
		return this.planned;
	}

	public void setPlanned(double planned) {
		this.planned = planned;
	}

	public double getDone() {
		return this.done;
	}

	public void setDone(double done) {
		this.done = done;
	}

	/** Unit of planned and done (台, 户, 家). */
	public String getUnit() {
		return (this.unit != null) ? this.unit : "";
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public LocalDate getCompletedOn() {
		return this.completedOn;
	}

	public void setCompletedOn(LocalDate completedOn) {
		this.completedOn = completedOn;
	}

	/** Whether the task had to be downgraded or dropped (任务被迫调整). */
	public boolean isAdjusted() {
		return Boolean.TRUE.equals(this.adjusted);
	}

	public void setAdjusted(Boolean adjusted) {
		this.adjusted = adjusted;
	}

	/** done ÷ planned (1 when nothing was planned). */
	@JsonIgnore
	public double getCompletionRatio() {
		return (this.planned > 0) ? this.done / this.planned : 1.0;
	}

	/** Completion in percent, rounded to one decimal, for reasons. */
	@JsonIgnore
	public String getCompletionPercentText() {
		return Narration.percent(getCompletionRatio());
	}

	@JsonIgnore
	public boolean isCompleted() {
		return this.done >= this.planned;
	}

	/**
	 * Days past the deadline as of the evaluation: until completion, or until {@code asOf} while
	 * still open; 0 if not late.
	 */
	@JsonIgnore
	public int getDaysOverdue() {
		return this.daysOverdue;
	}

	public void setDaysOverdue(int daysOverdue) {
		this.daysOverdue = daysOverdue;
	}

	/** Whether the deadline has passed by the evaluation's {@code asOf} date (due ≤ asOf). */
	@JsonIgnore
	public boolean isDueByAsOf() {
		return this.dueByAsOf;
	}

	public void setDueByAsOf(boolean dueByAsOf) {
		this.dueByAsOf = dueByAsOf;
	}

	/** "计划15台、完成3台" for reasons. */
	@JsonIgnore
	public String getProgressText() {
		return "计划" + Narration.number(this.planned) + getUnit() + "、完成" + Narration.number(this.done) + getUnit();
	}

	@Override
	public String getTable() {
		return "tasks";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("id", this.id).put("ownerId", this.ownerId).put("title", this.title)
			.put("due", String.valueOf(this.due)).put("planned", this.planned).put("done", this.done)
			.put("unit", this.unit).put("completedOn", (this.completedOn != null) ? this.completedOn.toString() : null)
			.put("adjusted", this.adjusted).put("daysOverdue", this.daysOverdue).toMap();
	}

}
