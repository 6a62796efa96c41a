package org.kaohe.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shares the checklist results of inspections: a province reports about a million inspections a
 * quarter, nearly all with one of a handful of item combinations (all met, or one item failed), and a
 * map of seven entries per row would cost about 450 bytes each. Equal results (same items, same order,
 * same values) become one unmodifiable map. The table is bounded, so odd inputs cannot grow it without
 * limit; past the bound a result is simply kept as its own unmodifiable copy.
 */
final class ChecklistItems {

	private static final int MAX_SHARED = 4_096;

	private static final Map<List<Map.Entry<String, Boolean>>, Map<String, Boolean>> SHARED = new ConcurrentHashMap<>();

	private ChecklistItems() {
	}

	static Map<String, Boolean> canonical(Map<String, Boolean> items) {
		if (items == null) {
			return null;
		}
		List<Map.Entry<String, Boolean>> key = new ArrayList<>(items.size());
		for (Map.Entry<String, Boolean> e : items.entrySet()) {
			if (e.getKey() == null || e.getValue() == null) {
				return Collections.unmodifiableMap(new LinkedHashMap<>(items));
			}
			key.add(Map.entry(e.getKey(), e.getValue()));
		}
		Map<String, Boolean> shared = SHARED.get(key);
		if (shared != null) {
			return shared;
		}
		Map<String, Boolean> copy = Collections.unmodifiableMap(new LinkedHashMap<>(items));
		if (SHARED.size() < MAX_SHARED) {
			Map<String, Boolean> raced = SHARED.putIfAbsent(key, copy);
			return (raced != null) ? raced : copy;
		}
		return copy;
	}

}
