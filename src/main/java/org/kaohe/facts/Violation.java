package org.kaohe.facts;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A violation found at an enterprise or construction site (table {@code violations}). */
public class Violation extends Fact {

	private String id;

	private String subjectId;

	private LocalDate on;

	private ViolationType type;

	private String foundBy;

	private Boolean refusedToCorrect;

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getSubjectId() {
		return this.subjectId;
	}

	public void setSubjectId(String subjectId) {
		this.subjectId = subjectId;
	}

	public LocalDate getOn() {
		return this.on;
	}

	public void setOn(LocalDate on) {
		this.on = on;
	}

	public ViolationType getType() {
		return this.type;
	}

	public void setType(ViolationType type) {
		this.type = type;
	}

	public String getFoundBy() {
		return this.foundBy;
	}

	public void setFoundBy(String foundBy) {
		this.foundBy = foundBy;
	}

	/** Whether the subject refused to correct after being ordered to (拒不改正). */
	public boolean isRefusedToCorrect() {
		return Boolean.TRUE.equals(this.refusedToCorrect);
	}

	public void setRefusedToCorrect(Boolean refusedToCorrect) {
		this.refusedToCorrect = refusedToCorrect;
	}

	@JsonIgnore
	public long getEpochDay() {
		return this.on.toEpochDay();
	}

	/**
	 * The control season the violation falls in: the autumn-winter season runs from
	 * {@code startMonth} to {@code endMonth} of the next year ("2025-2026秋冬季"), the rest of the year
	 * is that year's spring-summer season ("2026春夏季").
	 */
	public String season(int startMonth, int endMonth) {
		int m = this.on.getMonthValue();
		int y = this.on.getYear();
		if (m >= startMonth) {
			return y + "-" + (y + 1) + "秋冬季";
		}
		if (m <= endMonth) {
			return (y - 1) + "-" + y + "秋冬季";
		}
		return y + "春夏季";
	}

	/** "2026-03-02 超标排放、2026-08-03 监测数据造假" in date order. */
	public static String describe(java.util.Collection<?> violations) {
		return violations.stream()
			.map(v -> (Violation) v)
			.sorted(java.util.Comparator.comparing(Violation::getOn).thenComparing(Violation::getId))
			.map(v -> v.getOn() + " " + v.getType().getLabel())
			.collect(java.util.stream.Collectors.joining("、"));
	}

	@Override
	public String getTable() {
		return "violations";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("id", this.id).put("subjectId", this.subjectId)
			.put("on", String.valueOf(this.on)).put("type", this.type).put("foundBy", this.foundBy)
			.put("refusedToCorrect", this.refusedToCorrect).toMap();
	}

}
