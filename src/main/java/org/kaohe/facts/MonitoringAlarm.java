package org.kaohe.facts;

import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An on-site online-monitoring PM10 alarm (在线监测超标; table {@code monitoringAlarms}, a Kaohe
 * extension of SPEC §4): how long the micro-station stayed above the alarm value and its peak.
 */
public class MonitoringAlarm extends Fact {

	private String siteId;

	private LocalDateTime at;

	private int minutesOver;

	private Double peakPm10;

	public String getSiteId() {
		return this.siteId;
	}

	public void setSiteId(String siteId) {
		this.siteId = siteId;
	}

	public LocalDateTime getAt() {
		return this.at;
	}

	public void setAt(LocalDateTime at) {
		this.at = at;
	}

	public int getMinutesOver() {
		return this.minutesOver;
	}

	public void setMinutesOver(int minutesOver) {
		this.minutesOver = minutesOver;
	}

	/** Peak hourly PM10 in µg/m³, if reported. */
	public Double getPeakPm10() {
		return this.peakPm10;
	}

	public void setPeakPm10(Double peakPm10) {
		this.peakPm10 = peakPm10;
	}

	@JsonIgnore
	public long getEpochDay() {
		return this.at.toLocalDate().toEpochDay();
	}

	@JsonIgnore
	public long getEpochMinute() {
		return getEpochDay() * 1440 + this.at.getHour() * 60 + this.at.getMinute();
	}

	@JsonIgnore
	public Period getWeek() {
		return Period.containing(this.at.toLocalDate(), Granularity.WEEK);
	}

	@Override
	public String getTable() {
		return "monitoringAlarms";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("siteId", this.siteId).put("at", String.valueOf(this.at))
			.put("minutesOver", this.minutesOver).put("peakPm10", this.peakPm10).toMap();
	}

}
