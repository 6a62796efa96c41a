package org.kaohe.outcome;

import java.util.Map;

/** The identifying part of an evidence row, so wording changes do not change outcome keys. */
final class EvidenceKeys {

	private EvidenceKeys() {
	}

	static String identity(Map<String, Object> evidence) {
		Object table = evidence.get("table");
		StringBuilder sb = new StringBuilder(String.valueOf(table));
		for (String k : new String[] { "id", "subjectId", "siteId", "departmentId", "ownerId", "period", "indicator",
				"on", "at", "ruleId", "measure" }) {
			Object v = evidence.get(k);
			if (v != null) {
				sb.append(':').append(v);
			}
		}
		return sb.toString();
	}

}
