package org.kaohe.facts;

import java.util.Map;

/** Something that can stand as evidence for an outcome: a fact row, an earlier outcome. */
public interface Evidential {

	/** The evidence row: {@code table} plus identifying and compared fields. */
	Map<String, Object> evidence();

}
