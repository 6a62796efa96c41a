package org.kaohe.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the evidence map of a {@link Fact}, leaving out empty values. */
final class Evidence {

	private final Map<String, Object> map = new LinkedHashMap<>();

	Evidence(String table) {
		this.map.put("table", table);
	}

	Evidence put(String key, Object value) {
		if (value != null) {
			this.map.put(key, (value instanceof Period || value instanceof Enum<?>) ? value.toString() : value);
		}
		return this;
	}

	Map<String, Object> toMap() {
		return this.map;
	}

}
