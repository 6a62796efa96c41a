package org.kaohe.facts;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An interview (约谈) held outside Kaohe (table {@code interviews}); interviews Kaohe itself decided
 * reach the rules as prior outcomes instead.
 */
public class Interview extends Fact {

	private String subjectId;

	private LocalDate on;

	private InterviewType type;

	private Boolean improvedAfter;

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

	public InterviewType getType() {
		return this.type;
	}

	public void setType(InterviewType type) {
		this.type = type;
	}

	/** Whether the problem behind the interview improved afterwards; null while not yet judged. */
	public Boolean getImprovedAfter() {
		return this.improvedAfter;
	}

	public void setImprovedAfter(Boolean improvedAfter) {
		this.improvedAfter = improvedAfter;
	}

	@JsonIgnore
	public long getEpochDay() {
		return this.on.toEpochDay();
	}

	@Override
	public String getTable() {
		return "interviews";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("subjectId", this.subjectId).put("on", String.valueOf(this.on))
			.put("type", this.type).put("improvedAfter", this.improvedAfter).toMap();
	}

}
