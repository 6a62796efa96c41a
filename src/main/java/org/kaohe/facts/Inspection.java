package org.kaohe.facts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A construction-site inspection (督查、夜查、暗访; table {@code inspections}) with its checklist
 * (七个百分之百) and what the inspectors saw.
 *
 * <p>The engine fills {@code failedItems} from the checklist profile in force, so rules read
 * {@code failedItemCount} instead of walking the map.
 */
public class Inspection extends Fact {

	private String id;

	private String siteId;

	private LocalDateTime at;

	private String by;

	private Map<String, Boolean> items;

	private Boolean earthworkObserved;

	private Boolean nightPermit;

	private AlertLevel alertLevel;

	private Boolean oneChiefThreeOfficers;

	private Integer trucksUnsealed;

	private Integer trucksWithoutGps;

	private Boolean exposed;

	private List<String> failedItems = List.of();

	private String failedItemLabels = "";

	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

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

	/** Who inspected (市攻坚办夜查, 省督查组 …). */
	public String getBy() {
		return this.by;
	}

	public void setBy(String by) {
		this.by = by;
	}

	/** Checklist item code to compliance (true = met). */
	/** Who inspected, or 检查人员 when the document does not say; for reasons. */
	@JsonIgnore
	public String getByText() {
		return (this.by != null && !this.by.isBlank()) ? this.by : "检查人员";
	}

	public Map<String, Boolean> getItems() {
		return this.items;
	}

	/** Kept as a shared unmodifiable map: equal results of many inspections are one object. */
	public void setItems(Map<String, Boolean> items) {
		this.items = ChecklistItems.canonical(items);
	}

	public boolean isEarthworkObserved() {
		return Boolean.TRUE.equals(this.earthworkObserved);
	}

	public void setEarthworkObserved(Boolean earthworkObserved) {
		this.earthworkObserved = earthworkObserved;
	}

	public boolean isNightPermit() {
		return Boolean.TRUE.equals(this.nightPermit);
	}

	public void setNightPermit(Boolean nightPermit) {
		this.nightPermit = nightPermit;
	}

	/** Alert level in force when inspected; {@code NONE} when the document leaves it out. */
	public AlertLevel getAlertLevel() {
		return (this.alertLevel != null) ? this.alertLevel : AlertLevel.NONE;
	}

	public void setAlertLevel(AlertLevel alertLevel) {
		this.alertLevel = alertLevel;
	}

	/**
	 * Whether 一长三员 (the accountable chief and the grid officer, supervisor and site manager) were
	 * named and posted; null when not checked.
	 */
	public Boolean getOneChiefThreeOfficers() {
		return this.oneChiefThreeOfficers;
	}

	public void setOneChiefThreeOfficers(Boolean oneChiefThreeOfficers) {
		this.oneChiefThreeOfficers = oneChiefThreeOfficers;
	}

	public int getTrucksUnsealed() {
		return (this.trucksUnsealed != null) ? this.trucksUnsealed : 0;
	}

	public void setTrucksUnsealed(Integer trucksUnsealed) {
		this.trucksUnsealed = trucksUnsealed;
	}

	public int getTrucksWithoutGps() {
		return (this.trucksWithoutGps != null) ? this.trucksWithoutGps : 0;
	}

	public void setTrucksWithoutGps(Integer trucksWithoutGps) {
		this.trucksWithoutGps = trucksWithoutGps;
	}

	/** Whether the problem found was exposed by a higher-level inspection or the media. */
	public boolean isExposed() {
		return Boolean.TRUE.equals(this.exposed);
	}

	public void setExposed(Boolean exposed) {
		this.exposed = exposed;
	}

	/** Codes of the checklist items not met, in profile order. */
	@JsonIgnore
	public List<String> getFailedItems() {
		return this.failedItems;
	}

	public void setFailedItems(List<String> failedItems) {
		this.failedItems = failedItems;
	}

	@JsonIgnore
	public int getFailedItemCount() {
		return this.failedItems.size();
	}

	/** Chinese names of the failed items joined with 、 for reasons. */
	@JsonIgnore
	public String getFailedItemLabels() {
		return this.failedItemLabels;
	}

	public void setFailedItemLabels(String failedItemLabels) {
		this.failedItemLabels = failedItemLabels;
	}

	@JsonIgnore
	public LocalDate getDate() {
		return this.at.toLocalDate();
	}

	@JsonIgnore
	public long getEpochDay() {
		return this.at.toLocalDate().toEpochDay();
	}

	/** Minutes since the epoch, to order inspections on the same day. */
	@JsonIgnore
	public long getEpochMinute() {
		return getEpochDay() * 1440 + getMinuteOfDay();
	}

	/** Minutes after midnight (22:00 = 1320), for the night-work window. */
	@JsonIgnore
	public int getMinuteOfDay() {
		return this.at.getHour() * 60 + this.at.getMinute();
	}

	/**
	 * Whether the inspection time falls in a daily window, e.g. {@code inHours(22, 6)} for 22:00–06:00
	 * (wrapping past midnight when start &gt; end).
	 */
	public boolean inHours(int startHour, int endHour) {
		int m = getMinuteOfDay();
		int start = startHour * 60;
		int end = endHour * 60;
		return (start <= end) ? (m >= start && m < end) : (m >= start || m < end);
	}

	/** "2026-08-11 23:40" for reasons. */
	@JsonIgnore
	public String getAtText() {
		return this.at.toLocalDate() + " " + String.format("%02d:%02d", this.at.getHour(), this.at.getMinute());
	}

	@Override
	public String getTable() {
		return "inspections";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("id", this.id).put("siteId", this.siteId).put("at", String.valueOf(this.at))
			.put("by", this.by).put("items", this.items).put("failedItems", this.failedItems.isEmpty() ? null : this.failedItems)
			.put("earthworkObserved", this.earthworkObserved).put("nightPermit", this.nightPermit)
			.put("alertLevel", this.alertLevel).put("oneChiefThreeOfficers", this.oneChiefThreeOfficers)
			.put("trucksUnsealed", this.trucksUnsealed).put("trucksWithoutGps", this.trucksWithoutGps)
			.put("exposed", this.exposed).toMap();
	}

}
