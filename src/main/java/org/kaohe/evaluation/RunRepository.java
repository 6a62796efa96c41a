package org.kaohe.evaluation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.kaohe.facts.Period;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.Rank;
import org.kaohe.facts.SubjectRef;
import org.kaohe.facts.SubjectType;
import org.kaohe.history.RankView;
import org.kaohe.ingest.FactJson;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;
import org.kaohe.outcome.PriorOutcome;
import org.kaohe.system.KaoheProperties;
import org.kaohe.system.Page;
import org.kaohe.system.Paging;

/**
 * Stored runs ({@code evaluation_run}), their outcomes ({@code outcome}) and ranks ({@code run_rank}).
 * Outcomes and ranks are written in JDBC batches in the caller's transaction.
 */
@Repository
class RunRepository {

	private static final String RUN_COLUMNS = "run_id, period, run_number, batch_id, revision, history_used, prior_runs_used, warnings, "
			+ "ruleset_version, parameters_valid_from, facts_hash, as_of, created_at, load_millis, assemble_millis, "
			+ "evaluate_millis, fact_count, firings, outcome_count";

	private static final String OUTCOME_COLUMNS = "id, run_id, seq, engine_id, outcome_key, period, subject_id, subject_type, "
			+ "subject_name, kind, measure, severity, amount_yuan, fine_min_yuan, fine_max_yuan, duration_days, duration_hours, "
			+ "target_role, related_id, related_type, related_name, rule_id, rule_name, reason, basis, evidence, ruleset_version";

	/** The latest run of each period. */
	private static final String LATEST_RUN = "r.run_number = (SELECT MAX(l.run_number) FROM evaluation_run l WHERE l.period = r.period)";

	private static final TypeReference<List<Map<String, Object>>> EVIDENCE = new TypeReference<>() {
	};

	private static final TypeReference<List<Map<String, Object>>> ENTRIES = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final int batchSize;

	private final ObjectMapper mapper = FactJson.mapper();

	RunRepository(JdbcClient jdbc, JdbcTemplate template, KaoheProperties properties) {
		this.jdbc = jdbc;
		this.template = template;
		this.batchSize = Math.max(1, properties.upload().batchSize());
	}

	// ---- writing ----

	/** Stores a run, its outcomes (already given their run and stored ids) and its ranks. */
	void insert(EvaluationRun run, List<Outcome> outcomes, List<String> engineIds, List<Rank> ranks) {
		List<Map<String, Object>> history = new ArrayList<>();
		List<Map<String, Object>> priorRuns = new ArrayList<>();
		for (EvaluationRun.HistoryUse h : run.history()) {
			history.add(Map.of("period", h.period().toString(), "revision", h.revision(), "batchId", h.batchId()));
			if (h.runId() != null) {
				priorRuns.add(Map.of("period", h.period().toString(), "runId", h.runId()));
			}
		}
		this.jdbc.sql("INSERT INTO evaluation_run (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(run.runId(), run.period().toString(), run.runNumber(), run.batchId(), run.revision(), json(history), json(priorRuns),
					json(run.warnings()), run.rulesetVersion(), run.parametersValidFrom(), run.factsHash(), run.asOf(),
					run.createdAt(), run.timings().loadMillis(), run.timings().assembleMillis(),
					run.timings().evaluateMillis(), run.factCount(), run.firings(), run.outcomeCount())
			.update();
		insertOutcomes(outcomes, engineIds);
		insertRanks(run.runId(), ranks);
	}

	private void insertOutcomes(List<Outcome> outcomes, List<String> engineIds) {
		String sql = "INSERT INTO outcome (" + OUTCOME_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < outcomes.size(); i++) {
			indexes.add(i);
		}
		this.template.batchUpdate(sql, indexes, this.batchSize, (PreparedStatement ps, Integer i) -> {
			Outcome o = outcomes.get(i);
			int c = 1;
			ps.setString(c++, o.getId());
			ps.setString(c++, o.getRunId());
			ps.setInt(c++, i);
			ps.setString(c++, engineIds.get(i));
			ps.setString(c++, o.getKey());
			ps.setString(c++, o.getPeriod().toString());
			ps.setString(c++, o.getSubject().getId());
			ps.setString(c++, o.getSubject().getType().name());
			string(ps, c++, o.getSubject().getName());
			ps.setString(c++, o.getKind().name());
			ps.setString(c++, o.getMeasure().name());
			ps.setInt(c++, o.getSeverity());
			bigint(ps, c++, o.getAmountYuan());
			bigint(ps, c++, (o.getFineRangeYuan() != null) ? o.getFineRangeYuan().minYuan() : null);
			bigint(ps, c++, (o.getFineRangeYuan() != null) ? o.getFineRangeYuan().maxYuan() : null);
			integer(ps, c++, o.getDurationDays());
			integer(ps, c++, o.getDurationHours());
			string(ps, c++, (o.getTargetRole() != null) ? o.getTargetRole().name() : null);
			SubjectRef related = o.getRelatedSubject();
			string(ps, c++, (related != null) ? related.getId() : null);
			string(ps, c++, (related != null && related.getType() != null) ? related.getType().name() : null);
			string(ps, c++, (related != null) ? related.getName() : null);
			ps.setString(c++, o.getRuleId());
			string(ps, c++, o.getRuleName());
			ps.setString(c++, o.getReason());
			string(ps, c++, o.getBasis());
			ps.setString(c++, json(o.getEvidence()));
			ps.setString(c, o.getRulesetVersion());
		});
	}

	private void insertRanks(String runId, List<Rank> ranks) {
		String sql = "INSERT INTO run_rank (run_id, seq, subject_id, subject_name, period, indicator, indicator_label, "
				+ "rank_group, rank_value, target, yoy_change_pct, rank_position, rank_from_bottom, rank_of, group_mean, official) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < ranks.size(); i++) {
			indexes.add(i);
		}
		this.template.batchUpdate(sql, indexes, this.batchSize, (PreparedStatement ps, Integer i) -> {
			Rank r = ranks.get(i);
			ps.setString(1, runId);
			ps.setInt(2, i);
			ps.setString(3, r.getSubjectId());
			string(ps, 4, r.getSubjectName());
			ps.setString(5, r.getPeriod().toString());
			ps.setString(6, r.getIndicator());
			string(ps, 7, r.getIndicatorLabel());
			string(ps, 8, r.getGroup());
			decimal(ps, 9, r.getValue());
			decimal(ps, 10, r.getTarget());
			decimal(ps, 11, r.getYoyChangePct());
			ps.setInt(12, r.getRank());
			ps.setInt(13, r.getRankFromBottom());
			ps.setInt(14, r.getOf());
			decimal(ps, 15, r.getGroupMean());
			ps.setBoolean(16, r.isOfficial());
		});
	}

	private static void string(PreparedStatement ps, int i, String v) throws SQLException {
		if (v == null) {
			ps.setNull(i, Types.VARCHAR);
		}
		else {
			ps.setString(i, v);
		}
	}

	private static void bigint(PreparedStatement ps, int i, Long v) throws SQLException {
		if (v == null) {
			ps.setNull(i, Types.BIGINT);
		}
		else {
			ps.setLong(i, v);
		}
	}

	private static void integer(PreparedStatement ps, int i, Integer v) throws SQLException {
		if (v == null) {
			ps.setNull(i, Types.INTEGER);
		}
		else {
			ps.setInt(i, v);
		}
	}

	private static void decimal(PreparedStatement ps, int i, Double v) throws SQLException {
		if (v == null) {
			ps.setNull(i, Types.DOUBLE);
		}
		else {
			ps.setDouble(i, v);
		}
	}

	// ---- runs ----

	Optional<EvaluationRun> find(String runId) {
		return this.jdbc.sql("SELECT " + RUN_COLUMNS + " FROM evaluation_run WHERE run_id = ?")
			.param(runId)
			.query(this::run)
			.optional();
	}

	/** Runs, newest first, of one period or of all. */
	Page<EvaluationRun> list(Period period, Paging paging) {
		String where = (period != null) ? " WHERE period = :period" : "";
		var count = this.jdbc.sql("SELECT COUNT(*) FROM evaluation_run" + where);
		var select = this.jdbc.sql("SELECT " + RUN_COLUMNS + " FROM evaluation_run" + where
				+ " ORDER BY created_at DESC, period, run_number DESC LIMIT :limit OFFSET :offset");
		if (period != null) {
			count = count.param("period", period.toString());
			select = select.param("period", period.toString());
		}
		long total = count.query(Long.class).single();
		List<EvaluationRun> runs = select.param("limit", paging.size()).param("offset", paging.offset()).query(this::run).list();
		return Page.of(runs, paging, total);
	}

	/** The latest run of each of the periods that has one. */
	Map<Period, String> latestRuns(Collection<Period> periods) {
		Map<Period, String> latest = new HashMap<>();
		if (periods.isEmpty()) {
			return latest;
		}
		this.jdbc.sql("SELECT r.period, r.run_id FROM evaluation_run r WHERE r.period IN (:periods) AND " + LATEST_RUN)
			.param("periods", periods.stream().map(Period::toString).toList())
			.query((rs, n) -> latest.put(Period.parse(rs.getString(1)), rs.getString(2)))
			.list();
		return latest;
	}

	/** The latest run of every evaluated period. */
	List<EvaluationRun> latestRunOfEveryPeriod() {
		return this.jdbc.sql("SELECT " + RUN_COLUMNS + " FROM evaluation_run r WHERE " + LATEST_RUN).query(this::run).list();
	}

	/** Highest run number of a period; 0 when it was never evaluated. */
	int maxRunNumber(Period period) {
		return this.jdbc.sql("SELECT COALESCE(MAX(run_number), 0) FROM evaluation_run WHERE period = ?")
			.param(period.toString())
			.query(Integer.class)
			.single();
	}

	/** Number of stored runs. */
	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM evaluation_run").query(Long.class).single();
	}

	private EvaluationRun run(ResultSet rs, int rowNum) throws SQLException {
		List<Map<String, Object>> history = read(rs.getString("history_used"), ENTRIES);
		List<Map<String, Object>> priorRuns = read(rs.getString("prior_runs_used"), ENTRIES);
		Map<String, String> runByPeriod = new HashMap<>();
		priorRuns.forEach(p -> runByPeriod.put((String) p.get("period"), (String) p.get("runId")));
		List<EvaluationRun.HistoryUse> uses = history.stream()
			.map(h -> new EvaluationRun.HistoryUse(Period.parse((String) h.get("period")),
					((Number) h.get("revision")).intValue(), (String) h.get("batchId"), runByPeriod.get(h.get("period"))))
			.toList();
		return new EvaluationRun(rs.getString("run_id"), Period.parse(rs.getString("period")), rs.getInt("run_number"),
				rs.getString("batch_id"),
				rs.getInt("revision"), rs.getString("ruleset_version"), rs.getObject("parameters_valid_from", LocalDate.class),
				rs.getString("facts_hash"), rs.getObject("as_of", LocalDate.class),
				rs.getObject("created_at", OffsetDateTime.class), uses, read(rs.getString("warnings"), STRINGS),
				new EvaluationRun.Timings(rs.getLong("load_millis"), rs.getLong("assemble_millis"),
						rs.getLong("evaluate_millis")),
				rs.getInt("fact_count"), rs.getLong("firings"), rs.getInt("outcome_count"));
	}

	// ---- outcomes ----

	/**
	 * A page of a run's outcomes, in the run's order.
	 *
	 * @param subjects when not null, only outcomes of these subjects (a county and its units)
	 */
	Page<Outcome> outcomes(String runId, OutcomeFilter filter, Set<String> subjects, Paging paging) {
		if (subjects != null && subjects.isEmpty()) {
			return Page.of(List.of(), paging, 0);
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(runId, filter, subjects, params);
		long total = this.jdbc.sql("SELECT COUNT(*) FROM outcome" + where).params(params).query(Long.class).single();
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		List<Outcome> content = this.jdbc
			.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome" + where + " ORDER BY seq LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::outcome)
			.list();
		return Page.of(content, paging, total);
	}

	/**
	 * A run's outcomes counted and their money added up per kind, measure, rule and subject: the
	 * database does the arithmetic, the caller only regroups these rows.
	 *
	 * @param subjects when not null, only outcomes of these subjects
	 */
	List<TotalsRow> totals(String runId, OutcomeFilter filter, Set<String> subjects) {
		if (subjects != null && subjects.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(runId, filter, subjects, params);
		return this.jdbc.sql("SELECT kind, measure, rule_id, MAX(rule_name), subject_type, subject_id, COUNT(*), "
				+ "CAST(SUM(amount_yuan) AS BIGINT), CAST(SUM(fine_min_yuan) AS BIGINT), CAST(SUM(fine_max_yuan) AS BIGINT) "
				+ "FROM outcome" + where
				+ " GROUP BY kind, measure, rule_id, subject_type, subject_id")
			.params(params)
			.query((rs, n) -> {
				Measure measure = Measure.valueOf(rs.getString(2));
				return new TotalsRow(OutcomeKind.valueOf(rs.getString(1)), measure, rs.getString(3), rs.getString(4),
						SubjectType.valueOf(rs.getString(5)), rs.getString(6), RunSummary.Totals.of(measure, rs.getLong(7),
								rs.getObject(8, Long.class), rs.getObject(9, Long.class), rs.getObject(10, Long.class)));
			})
			.list();
	}

	private static String where(String runId, OutcomeFilter filter, Set<String> subjects, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE run_id = :run");
		params.put("run", runId);
		if (filter.kind() != null) {
			where.append(" AND kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.subjectType() != null) {
			where.append(" AND subject_type = :subjectType");
			params.put("subjectType", filter.subjectType().name());
		}
		if (filter.subjectId() != null) {
			where.append(" AND subject_id = :subjectId");
			params.put("subjectId", filter.subjectId());
		}
		if (filter.ruleId() != null) {
			where.append(" AND rule_id = :ruleId");
			params.put("ruleId", filter.ruleId());
		}
		if (subjects != null) {
			where.append(" AND subject_id IN (:subjects)");
			params.put("subjects", List.copyOf(subjects));
		}
		return where.toString();
	}

	/** Every outcome of a run, in order. */
	List<Outcome> allOutcomes(String runId) {
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE run_id = ? ORDER BY seq")
			.param(runId)
			.query(this::outcome)
			.list();
	}

	/** The outcomes of a run with the keys they were stored under (keys are not recomputed). */
	List<KeyedOutcome> keyedOutcomes(String runId) {
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE run_id = ? ORDER BY seq")
			.param(runId)
			.query((rs, n) -> new KeyedOutcome(rs.getString("outcome_key"), outcome(rs, n)))
			.list();
	}

	/** The outcomes of a subject in the given runs, in run order. */
	List<Outcome> outcomesOf(String subjectId, Collection<String> runIds) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE subject_id = :subject AND run_id IN (:runs) "
				+ "ORDER BY run_id, seq")
			.param("subject", subjectId)
			.param("runs", List.copyOf(runIds))
			.query(this::outcome)
			.list();
	}

	/**
	 * The outcomes of earlier runs in the form rules read as history. The outcome id they carry is the
	 * engine's (derived from period and key, the same whichever run decided it), so a later period's
	 * outcome keys do not depend on which run of an earlier period was used.
	 */
	List<PriorOutcome> priorOutcomes(Collection<String> runIds) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE run_id IN (:runs) ORDER BY run_id, seq")
			.param("runs", List.copyOf(runIds))
			.query((rs, n) -> new PriorOutcome(Period.parse(rs.getString("period")), rs.getString("subject_id"),
					SubjectType.valueOf(rs.getString("subject_type")), rs.getString("subject_name"), rs.getString("rule_id"),
					Measure.valueOf(rs.getString("measure")), rs.getInt("severity"), rs.getObject("amount_yuan", Long.class),
					role(rs.getString("target_role")), rs.getString("engine_id"), rs.getString("outcome_key")))
			.list();
	}

	/** One stored outcome with the engine id and key it was stored under. */
	Optional<StoredOutcome> storedOutcome(String id) {
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE id = ?")
			.param(id)
			.query((rs, n) -> stored(rs, n))
			.optional();
	}

	/** Stored outcomes by id (those that exist). */
	List<StoredOutcome> outcomesByIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE id IN (:ids) ORDER BY run_id, seq")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> stored(rs, n))
			.list();
	}

	/** The outcomes of the given runs whose engine id is one of {@code engineIds}. */
	List<StoredOutcome> outcomesByEngineIds(Collection<String> runIds, Collection<String> engineIds) {
		if (runIds.isEmpty() || engineIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE run_id IN (:runs) AND engine_id IN (:ids) "
				+ "ORDER BY run_id, seq")
			.param("runs", List.copyOf(runIds))
			.param("ids", List.copyOf(engineIds))
			.query((rs, n) -> stored(rs, n))
			.list();
	}

	/** The outcomes of a run about one subject under one rule, in order. */
	List<StoredOutcome> outcomesOf(String runId, String subjectId, String ruleId) {
		return this.jdbc.sql("SELECT " + OUTCOME_COLUMNS + " FROM outcome WHERE run_id = ? AND subject_id = ? AND rule_id = ? "
				+ "ORDER BY seq")
			.params(runId, subjectId, ruleId)
			.query((rs, n) -> stored(rs, n))
			.list();
	}

	/** Every rank a run stored, in order. */
	List<RankView> ranks(String runId) {
		return this.jdbc.sql("""
				SELECT subject_id, subject_name, period, indicator, indicator_label, rank_group, rank_value, target,
				  yoy_change_pct, rank_position, rank_from_bottom, rank_of, group_mean, official
				FROM run_rank WHERE run_id = ? ORDER BY seq""")
			.param(runId)
			.query((rs, n) -> new RankView(rs.getString(1), rs.getString(2), Period.parse(rs.getString(3)), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, Double.class), rs.getObject(8, Double.class),
					rs.getObject(9, Double.class), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getObject(13, Double.class),
					rs.getBoolean(14) ? "OFFICIAL" : "COMPUTED"))
			.list();
	}

	private StoredOutcome stored(ResultSet rs, int rowNum) throws SQLException {
		return new StoredOutcome(outcome(rs, rowNum), rs.getString("engine_id"), rs.getString("outcome_key"));
	}

	/** Ranks of a subject stored with the given runs, by run. */
	Map<String, List<RankView>> ranksOf(String subjectId, Collection<String> runIds) {
		Map<String, List<RankView>> byRun = new HashMap<>();
		if (runIds.isEmpty()) {
			return byRun;
		}
		this.jdbc.sql("""
				SELECT subject_id, subject_name, period, indicator, indicator_label, rank_group, rank_value, target,
				  yoy_change_pct, rank_position, rank_from_bottom, rank_of, group_mean, official, run_id
				FROM run_rank WHERE subject_id = :subject AND run_id IN (:runs) ORDER BY run_id, seq""")
			.param("subject", subjectId)
			.param("runs", List.copyOf(runIds))
			.query((rs, n) -> byRun.computeIfAbsent(rs.getString(15), k -> new ArrayList<>())
				.add(new RankView(rs.getString(1), rs.getString(2), Period.parse(rs.getString(3)), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getObject(7, Double.class), rs.getObject(8, Double.class),
						rs.getObject(9, Double.class), rs.getInt(10), rs.getInt(11), rs.getInt(12),
						rs.getObject(13, Double.class), rs.getBoolean(14) ? "OFFICIAL" : "COMPUTED")))
			.list();
		return byRun;
	}

	private Outcome outcome(ResultSet rs, int rowNum) throws SQLException {
		Long min = rs.getObject("fine_min_yuan", Long.class);
		Long max = rs.getObject("fine_max_yuan", Long.class);
		String relatedId = rs.getString("related_id");
		String relatedType = rs.getString("related_type");
		SubjectRef related = (relatedId != null)
				? new SubjectRef(relatedId, (relatedType != null) ? SubjectType.valueOf(relatedType) : null,
						rs.getString("related_name"))
				: null;
		return Outcome.restore(rs.getString("id"), rs.getString("run_id"), Period.parse(rs.getString("period")),
				new SubjectRef(rs.getString("subject_id"), SubjectType.valueOf(rs.getString("subject_type")),
						rs.getString("subject_name")),
				Measure.valueOf(rs.getString("measure")), rs.getInt("severity"), rs.getObject("amount_yuan", Long.class),
				(min != null && max != null) ? new Outcome.FineRange(min, max) : null,
				rs.getObject("duration_days", Integer.class), rs.getObject("duration_hours", Integer.class),
				role(rs.getString("target_role")), related, rs.getString("rule_id"), rs.getString("rule_name"),
				rs.getString("reason"), rs.getString("basis"), read(rs.getString("evidence"), EVIDENCE),
				rs.getString("ruleset_version"));
	}

	private static PersonRole role(String name) {
		return (name != null) ? PersonRole.valueOf(name) : null;
	}

	private <T> T read(String text, TypeReference<T> type) {
		try {
			return this.mapper.readValue(text, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored JSON is unreadable: " + ex.getMessage(), ex);
		}
	}

	private String json(Object value) {
		try {
			return this.mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Outcomes of one kind, measure, rule and subject: how many and their money. */
	record TotalsRow(OutcomeKind kind, Measure measure, String ruleId, String ruleName, SubjectType subjectType,
			String subjectId, RunSummary.Totals totals) {
	}

	/**
	 * A stored outcome with the key it was stored under.
	 *
	 * @param key {@link Outcome#getKey()} at evaluation time
	 * @param outcome the outcome
	 */
	record KeyedOutcome(String key, Outcome outcome) {
	}

}
