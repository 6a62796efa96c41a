package org.kaohe.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A construction site (施工工地) in a county, built by an enterprise, regulated by a department. */
public class ConstructionSite extends Subject {

	private String regulatorId;

	private String builderId;

	private ProjectType projectType;

	private SiteStatus status;

	private Integer distanceToStationM;

	private Boolean startAcceptancePassed;

	private Boolean onEmergencyList;

	private SubjectRef regulator;

	private SubjectRef builder;

	@Override
	public SubjectType getType() {
		return SubjectType.SITE;
	}

	public String getRegulatorId() {
		return this.regulatorId;
	}

	public void setRegulatorId(String regulatorId) {
		this.regulatorId = regulatorId;
	}

	public String getBuilderId() {
		return this.builderId;
	}

	public void setBuilderId(String builderId) {
		this.builderId = builderId;
	}

	public ProjectType getProjectType() {
		return this.projectType;
	}

	public void setProjectType(ProjectType projectType) {
		this.projectType = projectType;
	}

	public SiteStatus getStatus() {
		return this.status;
	}

	public void setStatus(SiteStatus status) {
		this.status = status;
	}

	/** Distance to the nearest national monitoring station (国控站点) in metres; null if unknown. */
	public Integer getDistanceToStationM() {
		return this.distanceToStationM;
	}

	public void setDistanceToStationM(Integer distanceToStationM) {
		this.distanceToStationM = distanceToStationM;
	}

	/** Whether the dust-readiness start acceptance (开复工验收) was passed. */
	public Boolean getStartAcceptancePassed() {
		return this.startAcceptancePassed;
	}

	public void setStartAcceptancePassed(Boolean startAcceptancePassed) {
		this.startAcceptancePassed = startAcceptancePassed;
	}

	/**
	 * Whether the site is on the emergency list (纳入应急管控清单的施工工地); null when the document
	 * does not say.
	 */
	public Boolean getOnEmergencyList() {
		return this.onEmergencyList;
	}

	public void setOnEmergencyList(Boolean onEmergencyList) {
		this.onEmergencyList = onEmergencyList;
	}

	/** The regulating department, resolved by the engine; may be null. */
	@JsonIgnore
	@Override
	public SubjectRef getRegulator() {
		return this.regulator;
	}

	public void setRegulator(SubjectRef regulator) {
		this.regulator = regulator;
	}

	/** The construction company (施工单位), resolved by the engine; may be null. */
	@JsonIgnore
	public SubjectRef getBuilder() {
		return this.builder;
	}

	public void setBuilder(SubjectRef builder) {
		this.builder = builder;
	}

	@Override
	void addEvidence(Evidence e) {
		e.put("regulatorId", this.regulatorId).put("builderId", this.builderId).put("projectType", this.projectType);
		e.put("status", this.status).put("distanceToStationM", this.distanceToStationM);
		e.put("startAcceptancePassed", this.startAcceptancePassed).put("onEmergencyList", this.onEmergencyList);
	}

}
