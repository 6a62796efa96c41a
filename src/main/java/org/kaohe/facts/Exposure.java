package org.kaohe.facts;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A subject named by the media or a higher-level notice (被曝光、通报点名; table {@code exposures}). */
public class Exposure extends Fact {

	private String subjectId;

	private LocalDate on;

	private ExposureSource source;

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

	public ExposureSource getSource() {
		return this.source;
	}

	public void setSource(ExposureSource source) {
		this.source = source;
	}

	@JsonIgnore
	public long getEpochDay() {
		return this.on.toEpochDay();
	}

	@JsonIgnore
	public int getYear() {
		return this.on.getYear();
	}

	@Override
	public String getTable() {
		return "exposures";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("subjectId", this.subjectId).put("on", String.valueOf(this.on))
			.put("source", this.source).toMap();
	}

}
