package org.kaohe.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site dust checklist (六/七/八个百分之百): item codes in order with their Chinese names. Every
 * inspection must report every item of the profile in force.
 *
 * @param name profile name ({@code HENAN_6_PLUS_1})
 * @param label Chinese name of the standard
 * @param items code → Chinese name, in checklist order
 */
public record ChecklistProfile(String name, String label, Map<String, String> items) {

	public ChecklistProfile {
		items = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(items));
	}

	public List<String> codes() {
		return List.copyOf(this.items.keySet());
	}

	/** Chinese name of an item, or the code if unknown. */
	public String labelOf(String code) {
		return this.items.getOrDefault(code, code);
	}

}
