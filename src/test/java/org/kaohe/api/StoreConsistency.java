package org.kaohe.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.kaohe.ingest.FactJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold in the stored tables whatever happened to the process that wrote them: nothing half
 * written (every upload has all its rows, every run all its outcomes), revisions and run numbers
 * without gaps or duplicates, every run on the revision it names, and no outbox event for a run that is
 * not there. Plain JDBC, so it works on a database the (killed) service no longer holds.
 */
final class StoreConsistency {

	private StoreConsistency() {
	}

	/** Checks every invariant; returns the row count of every table. */
	static Map<String, Long> check(Connection c) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String t : StoredTables.ALL) {
			counts.put(t, single(c, "SELECT COUNT(*) FROM " + t));
		}
		assertThat(rows(c, """
				SELECT b.batch_id, b.row_count, (SELECT COUNT(*) FROM fact_row r WHERE r.batch_id = b.batch_id) AS stored
				FROM fact_batch b""")).as("uploads whose rows are not all stored")
			.allSatisfy(r -> assertThat(r.get(2)).as("rows of batch %s", r.get(0)).isEqualTo(r.get(1)));
		assertThat(rows(c, """
				SELECT r.run_id, r.outcome_count, (SELECT COUNT(*) FROM outcome o WHERE o.run_id = r.run_id) AS stored
				FROM evaluation_run r""")).as("runs whose outcomes are not all stored")
			.allSatisfy(r -> assertThat(r.get(2)).as("outcomes of run %s", r.get(0)).isEqualTo(r.get(1)));
		assertThat(rows(c, """
				SELECT period, COUNT(*), MIN(revision), MAX(revision), COUNT(DISTINCT revision) FROM fact_batch GROUP BY period"""))
			.as("revisions 1..n per period").allSatisfy(r -> assertThat(List.of(r.get(2), r.get(3), r.get(4)))
				.as("revisions of %s", r.get(0)).containsExactly(1L, r.get(1), r.get(1)));
		assertThat(rows(c, """
				SELECT period, COUNT(*), MIN(run_number), MAX(run_number), COUNT(DISTINCT run_number) FROM evaluation_run GROUP BY period"""))
			.as("run numbers 1..n per period").allSatisfy(r -> assertThat(List.of(r.get(2), r.get(3), r.get(4)))
				.as("runs of %s", r.get(0)).containsExactly(1L, r.get(1), r.get(1)));
		assertThat(rows(c, """
				SELECT r.run_id FROM evaluation_run r JOIN fact_batch b ON b.batch_id = r.batch_id
				WHERE b.period <> r.period OR b.revision <> r.revision""")).as("runs that misname their revision").isEmpty();
		Set<String> runs = new HashSet<>();
		rows(c, "SELECT run_id FROM evaluation_run").forEach(r -> runs.add((String) r.get(0)));
		for (List<Object> e : rows(c, "SELECT event_id, body FROM webhook_event WHERE event_type = 'run.finished'")) {
			String runId;
			try {
				runId = FactJson.mapper().readTree((String) e.get(1)).at("/payload/runId").asText();
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(ex);
			}
			assertThat(runs).as("run of outbox event %s", e.get(0)).contains(runId);
		}
		return counts;
	}

	static long single(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Rows as lists; integers as {@code Long}. */
	static List<List<Object>> rows(Connection c, String sql) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			int n = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= n; i++) {
					Object v = rs.getObject(i);
					row.add((v instanceof Number num && !(v instanceof java.math.BigDecimal)) ? Long.valueOf(num.longValue()) : v);
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
