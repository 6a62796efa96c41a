package org.kaohe.facts;

/** A county-level unit (县、市、区, 开发区管委会): ranked within its group, owns tasks and issues. */
public class County extends Subject {

	private Double cropAreaMu;

	@Override
	public SubjectType getType() {
		return SubjectType.COUNTY;
	}

	/** Crop area in 亩, for straw-burning fire density (火点密度); null if not reported. */
	public Double getCropAreaMu() {
		return this.cropAreaMu;
	}

	public void setCropAreaMu(Double cropAreaMu) {
		this.cropAreaMu = cropAreaMu;
	}

	@Override
	void addEvidence(Evidence e) {
		e.put("cropAreaMu", this.cropAreaMu);
	}

}
