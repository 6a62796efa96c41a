package org.kaohe.facts;

import java.util.Map;

/**
 * A department's own inspection record for its sector in the period (底子清不清; table
 * {@code supervision}).
 */
public class SectorSupervision extends Fact {

	private String departmentId;

	private int selfFoundProblems;

	private int higherFoundProblems;

	private Boolean selfReportedAllCompliant;

	public String getDepartmentId() {
		return this.departmentId;
	}

	public void setDepartmentId(String departmentId) {
		this.departmentId = departmentId;
	}

	/** Problems the department's own inspections found in its sector. */
	public int getSelfFoundProblems() {
		return this.selfFoundProblems;
	}

	public void setSelfFoundProblems(int selfFoundProblems) {
		this.selfFoundProblems = selfFoundProblems;
	}

	/** Problems higher-level inspections (province, centre, city office) found in the sector. */
	public int getHigherFoundProblems() {
		return this.higherFoundProblems;
	}

	public void setHigherFoundProblems(int higherFoundProblems) {
		this.higherFoundProblems = higherFoundProblems;
	}

	/** Whether the department reported every object in its sector compliant. */
	public boolean isSelfReportedAllCompliant() {
		return Boolean.TRUE.equals(this.selfReportedAllCompliant);
	}

	public void setSelfReportedAllCompliant(Boolean selfReportedAllCompliant) {
		this.selfReportedAllCompliant = selfReportedAllCompliant;
	}

	/** higher ÷ self found (∞ as a large number when the department found nothing itself). */
	public double getHigherToSelfRatio() {
		return (this.selfFoundProblems > 0) ? (double) this.higherFoundProblems / this.selfFoundProblems
				: (this.higherFoundProblems > 0 ? Double.MAX_VALUE : 0);
	}

	@Override
	public String getTable() {
		return "supervision";
	}

	@Override
	public Map<String, Object> evidence() {
		return new Evidence(getTable()).put("departmentId", this.departmentId)
			.put("selfFoundProblems", this.selfFoundProblems).put("higherFoundProblems", this.higherFoundProblems)
			.put("selfReportedAllCompliant", this.selfReportedAllCompliant).toMap();
	}

}
