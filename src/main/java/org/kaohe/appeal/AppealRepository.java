package org.kaohe.appeal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.kaohe.facts.Period;
import org.kaohe.outcome.Measure;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Appeals ({@code appeal}), their decisions ({@code appeal_decision}, appended only) and re-evaluation
 * links ({@code outcome_link}). Nothing is ever updated or deleted here.
 */
@Repository
class AppealRepository {

	private static final String APPEAL_COLUMNS = "appeal_id, outcome_id, run_id, period, subject_id, rule_id, filed_by, "
			+ "filed_by_address, filed_at, reason, attachment";

	/** The status of an appeal: its latest decision, or PENDING. */
	private static final String STATUS = "COALESCE((SELECT d.decision FROM appeal_decision d WHERE d.appeal_id = a.appeal_id "
			+ "ORDER BY d.seq DESC LIMIT 1), 'PENDING')";

	/** Bound on IN lists, below every database's limit. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	AppealRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertAppeal(String id, String outcomeId, String runId, Period period, String subjectId, String ruleId, String filedBy,
			String address, OffsetDateTime at, String reason, String attachment) {
		this.jdbc.sql("INSERT INTO appeal (" + APPEAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, outcomeId, runId, period.toString(), subjectId, ruleId, filedBy, address, at, reason, attachment)
			.update();
	}

	void insertDecision(String appealId, AppealDecision d, String address) {
		this.jdbc.sql("INSERT INTO appeal_decision (decision_id, appeal_id, seq, decision, reason, measure, amount_yuan, "
				+ "duration_days, duration_hours, decided_by, decided_by_address, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(d.id(), appealId, d.seq(), d.decision().name(), d.reason(), (d.measure() != null) ? d.measure().name() : null,
					d.amountYuan(), d.durationDays(), d.durationHours(), d.decidedBy(), address, d.decidedAt())
			.update();
	}

	/** Locks an appeal's row so two decisions on it are numbered one after the other. */
	void lock(String appealId) {
		this.jdbc.sql("SELECT appeal_id FROM appeal WHERE appeal_id = ? FOR UPDATE").param(appealId).query(String.class).optional();
	}

	Optional<Appeal> find(String id) {
		List<Appeal> found = withDecisions(this.jdbc.sql("SELECT " + APPEAL_COLUMNS + " FROM appeal a WHERE appeal_id = ?")
			.param(id)
			.query(this::appeal)
			.list());
		return found.stream().findFirst();
	}

	/** Appeals, newest first, filtered by status ({@code PENDING}, a decision, or {@code DECIDED} for any). */
	Page<Appeal> list(String status, String subjectId, String runId, Paging paging) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			if (status.equals("DECIDED")) {
				where.append(" AND status <> 'PENDING'");
			}
			else {
				where.append(" AND status = :status");
				params.put("status", status);
			}
		}
		if (subjectId != null) {
			where.append(" AND subject_id = :subject");
			params.put("subject", subjectId);
		}
		if (runId != null) {
			where.append(" AND run_id = :run");
			params.put("run", runId);
		}
		String from = " FROM (SELECT a.*, " + STATUS + " AS status FROM appeal a) x";
		long total = this.jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<Appeal> appeals = this.jdbc
			.sql("SELECT " + APPEAL_COLUMNS + from + where + " ORDER BY filed_at DESC, appeal_id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::appeal)
			.list();
		return Page.of(withDecisions(appeals), paging, total);
	}

	/** Appeals of the given outcomes with their decisions, oldest first, by outcome id. */
	Map<String, List<Appeal>> ofOutcomes(Collection<String> outcomeIds) {
		Map<String, List<Appeal>> byOutcome = new HashMap<>();
		List<String> ids = List.copyOf(outcomeIds);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<Appeal> appeals = this.jdbc
				.sql("SELECT " + APPEAL_COLUMNS + " FROM appeal a WHERE outcome_id IN (:ids) ORDER BY filed_at, appeal_id")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.query(this::appeal)
				.list();
			withDecisions(appeals).forEach(a -> byOutcome.computeIfAbsent(a.outcomeId(), k -> new ArrayList<>()).add(a));
		}
		return byOutcome;
	}

	/** Appealed outcomes of a period outside one run: outcome id → the latest appeal on it. */
	Map<String, Appeal> appealedIn(Period period, String exceptRunId) {
		Map<String, Appeal> latest = new LinkedHashMap<>();
		this.jdbc.sql("SELECT " + APPEAL_COLUMNS + " FROM appeal a WHERE period = ? AND run_id <> ? ORDER BY filed_at, appeal_id")
			.params(period.toString(), exceptRunId)
			.query(this::appeal)
			.list()
			.forEach(a -> latest.put(a.outcomeId(), a));
		return latest;
	}

	private List<Appeal> withDecisions(List<Appeal> appeals) {
		if (appeals.isEmpty()) {
			return appeals;
		}
		Map<String, List<AppealDecision>> byAppeal = new HashMap<>();
		List<String> ids = appeals.stream().map(Appeal::id).toList();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			this.jdbc.sql("SELECT decision_id, appeal_id, seq, decision, reason, measure, amount_yuan, duration_days, duration_hours, "
					+ "decided_by, decided_at FROM appeal_decision WHERE appeal_id IN (:ids) ORDER BY appeal_id, seq")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
				.query((rs, n) -> byAppeal.computeIfAbsent(rs.getString("appeal_id"), k -> new ArrayList<>())
					.add(new AppealDecision(rs.getString("decision_id"), rs.getInt("seq"), Decision.valueOf(rs.getString("decision")),
							rs.getString("reason"), (rs.getString("measure") != null) ? Measure.valueOf(rs.getString("measure")) : null,
							rs.getObject("amount_yuan", Long.class), rs.getObject("duration_days", Integer.class),
							rs.getObject("duration_hours", Integer.class), rs.getString("decided_by"),
							rs.getObject("decided_at", OffsetDateTime.class))))
				.list();
		}
		return appeals.stream()
			.map(a -> new Appeal(a.id(), a.outcomeId(), a.runId(), a.period(), a.subjectId(), a.ruleId(), a.filedBy(), a.filedAt(),
					a.reason(), a.attachment(), List.copyOf(byAppeal.getOrDefault(a.id(), List.of()))))
			.toList();
	}

	private Appeal appeal(ResultSet rs, int rowNum) throws SQLException {
		return new Appeal(rs.getString("appeal_id"), rs.getString("outcome_id"), rs.getString("run_id"),
				Period.parse(rs.getString("period")), rs.getString("subject_id"), rs.getString("rule_id"), rs.getString("filed_by"),
				rs.getObject("filed_at", OffsetDateTime.class), rs.getString("reason"), rs.getString("attachment"), List.of());
	}

	// ---- re-evaluation links ----

	boolean linked(String appealedOutcomeId, String newRunId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM outcome_link WHERE appealed_outcome_id = ? AND new_run_id = ?")
			.params(appealedOutcomeId, newRunId)
			.query(Long.class)
			.single() > 0;
	}

	void insertLink(String appealedOutcomeId, String newRunId, String newOutcomeId, String appealId, String match,
			OffsetDateTime at) {
		this.jdbc.sql("INSERT INTO outcome_link (appealed_outcome_id, new_run_id, new_outcome_id, appeal_id, match_kind, linked_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(appealedOutcomeId, newRunId, newOutcomeId, appealId, match, at)
			.update();
	}

	/** Links from and to the given outcomes, by outcome id. */
	Map<String, List<OutcomeLink>> linksOf(Collection<String> outcomeIds) {
		Map<String, List<OutcomeLink>> byOutcome = new HashMap<>();
		List<String> ids = List.copyOf(outcomeIds);
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			this.jdbc.sql("SELECT l.appealed_outcome_id, l.new_run_id, l.new_outcome_id, l.appeal_id, l.match_kind, l.linked_at, "
					+ "a.run_id AS appealed_run_id FROM outcome_link l JOIN appeal a ON a.appeal_id = l.appeal_id "
					+ "WHERE l.appealed_outcome_id IN (:ids) OR l.new_outcome_id IN (:ids) ORDER BY l.linked_at")
				.param("ids", chunk)
				.query((rs, n) -> {
					String appealed = rs.getString("appealed_outcome_id");
					String fresh = rs.getString("new_outcome_id");
					OffsetDateTime at = rs.getObject("linked_at", OffsetDateTime.class);
					if (chunk.contains(appealed)) {
						byOutcome.computeIfAbsent(appealed, k -> new ArrayList<>())
							.add(new OutcomeLink("RE_EVALUATED_AS", fresh, rs.getString("new_run_id"), rs.getString("appeal_id"),
									rs.getString("match_kind"), at));
					}
					if (fresh != null && chunk.contains(fresh)) {
						byOutcome.computeIfAbsent(fresh, k -> new ArrayList<>())
							.add(new OutcomeLink("RE_EVALUATION_OF", appealed, rs.getString("appealed_run_id"), rs.getString("appeal_id"),
									rs.getString("match_kind"), at));
					}
					return 0;
				})
				.list();
		}
		return byOutcome;
	}

}
