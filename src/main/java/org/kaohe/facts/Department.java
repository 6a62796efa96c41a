package org.kaohe.facts;

/** A city-level department (市直部门) regulating one sector. */
public class Department extends Subject {

	private Sector sector;

	@Override
	public SubjectType getType() {
		return SubjectType.DEPARTMENT;
	}

	public Sector getSector() {
		return this.sector;
	}

	public void setSector(Sector sector) {
		this.sector = sector;
	}

	@Override
	void addEvidence(Evidence e) {
		e.put("sector", this.sector);
	}

}
