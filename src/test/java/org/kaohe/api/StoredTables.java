package org.kaohe.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored tables, counted and cleared, so a test can show a refused request changed nothing. */
final class StoredTables {

	/** In foreign-key order: children first. */
	static final List<String> ALL = List.of("outcome_link", "appeal_decision", "appeal", "webhook_attempt", "webhook_delivery",
			"webhook_event", "webhook_endpoint", "run_rank", "outcome", "evaluation_run", "fact_row", "fact_batch", "period_lock");

	private StoredTables() {
	}

	static Map<String, Long> counts(JdbcClient jdbc) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String t : ALL) {
			counts.put(t, jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single());
		}
		return counts;
	}

	static void clear(JdbcClient jdbc) {
		for (String t : ALL) {
			jdbc.sql("DELETE FROM " + t).update();
		}
	}

}
