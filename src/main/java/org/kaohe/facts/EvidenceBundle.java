package org.kaohe.facts;

import java.util.List;

/**
 * A value a rule derives from several facts (a run of ranks, a window of inspections); when a rule
 * matches it, its facts become the outcome's evidence.
 */
public interface EvidenceBundle {

	List<? extends Evidential> getEvidenceFacts();

}
