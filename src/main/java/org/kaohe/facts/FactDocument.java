package org.kaohe.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One period's facts as submitted (SPEC §4): the subjects and every fact table. Documents are
 * parsed and validated by {@code org.kaohe.ingest}; the engine copies their rows before use.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "schemaVersion", "period", "submittedBy", "subjects", "measurements", "rankings",
		"inspections", "tasks", "issues", "violations", "exposures", "supervision", "interviews", "monitoringAlarms" })
public class FactDocument {

	public static final int SCHEMA_VERSION = 1;

	private int schemaVersion = SCHEMA_VERSION;

	private Period period;

	private String submittedBy;

	private List<Subject> subjects = new ArrayList<>();

	private List<Measurement> measurements = new ArrayList<>();

	private List<OfficialRanking> rankings = new ArrayList<>();

	private List<Inspection> inspections = new ArrayList<>();

	private List<LedgerTask> tasks = new ArrayList<>();

	private List<InspectionIssue> issues = new ArrayList<>();

	private List<Violation> violations = new ArrayList<>();

	private List<Exposure> exposures = new ArrayList<>();

	private List<SectorSupervision> supervision = new ArrayList<>();

	private List<Interview> interviews = new ArrayList<>();

	private List<MonitoringAlarm> monitoringAlarms = new ArrayList<>();

	public int getSchemaVersion() {
		return this.schemaVersion;
	}

	public void setSchemaVersion(int schemaVersion) {
		this.schemaVersion = schemaVersion;
	}

	public Period getPeriod() {
		return this.period;
	}

	public void setPeriod(Period period) {
		this.period = period;
	}

	public String getSubmittedBy() {
		return this.submittedBy;
	}

	public void setSubmittedBy(String submittedBy) {
		this.submittedBy = submittedBy;
	}

	public List<Subject> getSubjects() {
		return this.subjects;
	}

	public void setSubjects(List<Subject> subjects) {
		this.subjects = subjects;
	}

	public List<Measurement> getMeasurements() {
		return this.measurements;
	}

	public void setMeasurements(List<Measurement> measurements) {
		this.measurements = measurements;
	}

	public List<OfficialRanking> getRankings() {
		return this.rankings;
	}

	public void setRankings(List<OfficialRanking> rankings) {
		this.rankings = rankings;
	}

	public List<Inspection> getInspections() {
		return this.inspections;
	}

	public void setInspections(List<Inspection> inspections) {
		this.inspections = inspections;
	}

	public List<LedgerTask> getTasks() {
		return this.tasks;
	}

	public void setTasks(List<LedgerTask> tasks) {
		this.tasks = tasks;
	}

	public List<InspectionIssue> getIssues() {
		return this.issues;
	}

	public void setIssues(List<InspectionIssue> issues) {
		this.issues = issues;
	}

	public List<Violation> getViolations() {
		return this.violations;
	}

	public void setViolations(List<Violation> violations) {
		this.violations = violations;
	}

	public List<Exposure> getExposures() {
		return this.exposures;
	}

	public void setExposures(List<Exposure> exposures) {
		this.exposures = exposures;
	}

	public List<SectorSupervision> getSupervision() {
		return this.supervision;
	}

	public void setSupervision(List<SectorSupervision> supervision) {
		this.supervision = supervision;
	}

	public List<Interview> getInterviews() {
		return this.interviews;
	}

	public void setInterviews(List<Interview> interviews) {
		this.interviews = interviews;
	}

	public List<MonitoringAlarm> getMonitoringAlarms() {
		return this.monitoringAlarms;
	}

	public void setMonitoringAlarms(List<MonitoringAlarm> monitoringAlarms) {
		this.monitoringAlarms = monitoringAlarms;
	}

	/** Every row of every table, subjects first. */
	public Stream<Fact> rows() {
		return Stream.of(this.subjects, this.measurements, this.rankings, this.inspections, this.tasks, this.issues,
				this.violations, this.exposures, this.supervision, this.interviews, this.monitoringAlarms)
			.flatMap(List::stream);
	}

	/** Number of rows over all tables. */
	public int rowCount() {
		return this.subjects.size() + this.measurements.size() + this.rankings.size() + this.inspections.size()
				+ this.tasks.size() + this.issues.size() + this.violations.size() + this.exposures.size()
				+ this.supervision.size() + this.interviews.size() + this.monitoringAlarms.size();
	}

}
