package org.kaohe.facts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An enterprise (企业) in a county, regulated by a department. */
public class Enterprise extends Subject {

	private Industry industry;

	private PerformanceClass performanceClass;

	private Boolean onEmergencyList;

	private String regulatorId;

	private SubjectRef regulator;

	@Override
	public SubjectType getType() {
		return SubjectType.ENTERPRISE;
	}

	public Industry getIndustry() {
		return this.industry;
	}

	public void setIndustry(Industry industry) {
		this.industry = industry;
	}

	public PerformanceClass getPerformanceClass() {
		return this.performanceClass;
	}

	public void setPerformanceClass(PerformanceClass performanceClass) {
		this.performanceClass = performanceClass;
	}

	/** Whether it is on the heavy-pollution emergency emission-reduction list (应急减排清单). */
	public Boolean getOnEmergencyList() {
		return this.onEmergencyList;
	}

	public void setOnEmergencyList(Boolean onEmergencyList) {
		this.onEmergencyList = onEmergencyList;
	}

	public String getRegulatorId() {
		return this.regulatorId;
	}

	public void setRegulatorId(String regulatorId) {
		this.regulatorId = regulatorId;
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

	@Override
	void addEvidence(Evidence e) {
		e.put("industry", this.industry).put("performanceClass", this.performanceClass);
		e.put("onEmergencyList", this.onEmergencyList).put("regulatorId", this.regulatorId);
	}

}
