package org.kaohe.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.demo.DemoCity.Site;
import org.kaohe.facts.Period;

/**
 * Every fact of the demo over the four quarters, before it is cut into quarterly documents. Issues
 * and tasks carry their whole life (found, deadline, rectified, closed; progress per quarter), so a
 * quarter's document can show what was known at its end and carry open items forward.
 */
final class DemoFacts {

	/** The checklist items of the HENAN_6_PLUS_1 profile, in document order. */
	static final List<String> ITEMS = List.of("FENCING", "MATERIAL_COVER", "VEHICLE_WASH", "GROUND_HARDEN", "WET_OPERATION",
			"SEALED_TRANSPORT", "MONITORING");

	final List<Reading> readings = new ArrayList<>();

	final List<OfficialRank> rankings = new ArrayList<>();

	final List<Check> inspections = new ArrayList<>();

	final List<Task> tasks = new ArrayList<>();

	final List<Issue> issues = new ArrayList<>();

	final List<Case> violations = new ArrayList<>();

	final List<Exposure> exposures = new ArrayList<>();

	final List<Supervision> supervision = new ArrayList<>();

	final List<Interview> interviews = new ArrayList<>();

	final List<Alarm> alarms = new ArrayList<>();

	/** A measurement (指标数据). Integers for concentrations and counts, one or two decimals otherwise. */
	static final class Reading {

		final String subjectId;

		final Period period;

		final String indicator;

		Number value;

		Double yoyChangePct;

		Reading(String subjectId, Period period, String indicator, Number value) {
			this.subjectId = subjectId;
			this.period = period;
			this.indicator = indicator;
			this.value = value;
		}

	}

	/** An official (provincial) rank. */
	record OfficialRank(String subjectId, Period period, String indicator, int rank, int of) {
	}

	/** A site inspection (工地检查). */
	static final class Check {

		String id;

		final Site site;

		final LocalDateTime at;

		final String by;

		final Map<String, Boolean> items = new LinkedHashMap<>();

		boolean earthworkObserved;

		boolean nightPermit;

		String alertLevel = "NONE";

		boolean oneChiefThreeOfficers = true;

		int trucksUnsealed;

		int trucksWithoutGps;

		boolean exposed;

		/** Planted: background must not change it. */
		boolean planted;

		Check(Site site, LocalDateTime at, String by) {
			this.site = site;
			this.at = at;
			this.by = by;
			ITEMS.forEach(i -> this.items.put(i, true));
		}

		Check fail(String... items) {
			for (String i : items) {
				if (!this.items.containsKey(i)) {
					throw new IllegalArgumentException(i);
				}
				this.items.put(i, false);
			}
			return this;
		}

		int failedCount() {
			return (int) this.items.values().stream().filter(v -> !v).count();
		}

		boolean night() {
			int h = this.at.getHour();
			return h >= 22 || h < 6;
		}

		boolean nightViolation() {
			return night() && this.earthworkObserved && !this.nightPermit;
		}

		/** Anything the office would call a problem (问题工地). */
		boolean problem() {
			return failedCount() > 0 || !this.oneChiefThreeOfficers || this.trucksUnsealed > 0 || this.trucksWithoutGps > 0
					|| nightViolation() || this.exposed || (!"NONE".equals(this.alertLevel) && !"BLUE".equals(this.alertLevel)
							&& this.earthworkObserved);
		}

		Quarter quarter() {
			return Quarter.of(this.at.toLocalDate());
		}

	}

	/** A ledger task (台账任务) with its progress at the end of each quarter it is shown in. */
	static final class Task {

		final String id;

		final String ownerId;

		final String title;

		final LocalDate due;

		final double planned;

		final String unit;

		/** Done at the end of each quarter the task appears in; the first key is its first quarter. */
		final Map<Quarter, Double> done = new EnumMap<>(Quarter.class);

		LocalDate completedOn;

		final Map<Quarter, Boolean> adjusted = new EnumMap<>(Quarter.class);

		Task(String id, String ownerId, String title, LocalDate due, double planned, String unit) {
			this.id = id;
			this.ownerId = ownerId;
			this.title = title;
			this.due = due;
			this.planned = planned;
			this.unit = unit;
		}

		Task progress(Quarter q, double done) {
			this.done.put(q, done);
			return this;
		}

		Task completed(LocalDate on) {
			this.completedOn = on;
			this.done.put(Quarter.of(on), this.planned);
			return this;
		}

	}

	/** An inspection finding (督查问题) over its life. */
	static final class Issue {

		String id;

		final String ownerId;

		final String objectId;

		final String category;

		final String source;

		final LocalDate foundOn;

		final LocalDate deadline;

		LocalDate rectifiedOn;

		LocalDate closedOn;

		Issue relapseOf;

		/** What it is about, for the README (not part of the fact document). */
		final String note;

		Issue(String ownerId, String objectId, String category, String source, LocalDate foundOn, LocalDate deadline,
				String note) {
			this.ownerId = ownerId;
			this.objectId = objectId;
			this.category = category;
			this.source = source;
			this.foundOn = foundOn;
			this.deadline = deadline;
			this.note = note;
		}

		Issue rectified(LocalDate rectified, LocalDate closed) {
			this.rectifiedOn = rectified;
			this.closedOn = closed;
			return this;
		}

		/** Whether the quarter's document shows it: found by its end and not closed before it began. */
		boolean shownIn(Quarter q) {
			return !this.foundOn.isAfter(q.end()) && (this.closedOn == null || !this.closedOn.isBefore(q.start()));
		}

	}

	/** A violation (违法违规). */
	static final class Case {

		String id;

		final String subjectId;

		final LocalDate on;

		final String type;

		final String foundBy;

		final boolean refusedToCorrect;

		Case(String subjectId, LocalDate on, String type, String foundBy, boolean refusedToCorrect) {
			this.subjectId = subjectId;
			this.on = on;
			this.type = type;
			this.foundBy = foundBy;
			this.refusedToCorrect = refusedToCorrect;
		}

	}

	/** An exposure (曝光通报). */
	record Exposure(String subjectId, LocalDate on, String source) {
	}

	/** A department's own supervision record for its sector in a quarter. */
	record Supervision(Quarter quarter, String departmentId, int selfFoundProblems, int higherFoundProblems,
			boolean selfReportedAllCompliant) {
	}

	/** An interview held outside Kaohe. */
	record Interview(String subjectId, LocalDate on, String type, Boolean improvedAfter) {
	}

	/** A site PM10 micro-station alarm. */
	record Alarm(Site site, LocalDateTime at, int minutesOver, Integer peakPm10) {
	}

}
