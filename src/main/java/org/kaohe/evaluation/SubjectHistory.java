package org.kaohe.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

import org.kaohe.facts.Period;
import org.kaohe.history.FactBatch;
import org.kaohe.history.FactBatchRepository;
import org.kaohe.history.RankView;
import org.kaohe.history.StoredPeriods;
import org.kaohe.history.StoredRow;
import org.kaohe.ingest.FactSchema;
import org.kaohe.ingest.FactTable;
import org.kaohe.outcome.Outcome;
import org.kaohe.ranking.RankingCalculator;
import org.kaohe.ruleset.ActiveRuleset;
import org.kaohe.system.NotFoundException;

/**
 * {@code GET /api/v1/subjects/{id}/history}: a unit's facts, ranks and outcomes over time, one entry
 * per stored period (its latest revision) in period order.
 *
 * <p>Ranks are those the period's latest run used; for a period not evaluated yet (or not since its
 * latest correction) they are computed from its facts with the ruleset in force. Outcomes are those
 * of the period's latest run, which says which revision it evaluated.
 */
@Service
public class SubjectHistory {

	private final FactBatchRepository batches;

	private final StoredPeriods periods;

	private final RunRepository runs;

	private final ActiveRuleset rules;

	SubjectHistory(FactBatchRepository batches, StoredPeriods periods, RunRepository runs, ActiveRuleset rules) {
		this.batches = batches;
		this.periods = periods;
		this.runs = runs;
		this.rules = rules;
	}

	/**
	 * The history of a subject.
	 *
	 * @throws NotFoundException when no stored period mentions the subject
	 */
	public History of(String subjectId) {
		List<FactBatch> all = this.batches.latestOfEveryPeriod();
		Map<String, FactBatch> byBatch = new LinkedHashMap<>();
		all.forEach(b -> byBatch.put(b.batchId(), b));
		Map<String, List<StoredRow>> rowsByBatch = new HashMap<>();
		for (StoredRow r : this.batches.rowsAbout(subjectId, byBatch.keySet())) {
			rowsByBatch.computeIfAbsent(r.batchId(), k -> new ArrayList<>()).add(r);
		}
		Map<Period, String> latestRuns = this.runs.latestRuns(all.stream().map(FactBatch::period).toList());
		Map<String, List<Outcome>> outcomesByRun = new HashMap<>();
		for (Outcome o : this.runs.outcomesOf(subjectId, latestRuns.values())) {
			outcomesByRun.computeIfAbsent(o.getRunId(), k -> new ArrayList<>()).add(o);
		}
		Map<String, List<RankView>> ranksByRun = this.runs.ranksOf(subjectId, latestRuns.values());

		List<PeriodEntry> entries = new ArrayList<>();
		JsonNode latestSubject = null;
		for (FactBatch b : all) {
			List<StoredRow> rows = rowsByBatch.getOrDefault(b.batchId(), List.of());
			String runId = latestRuns.get(b.period());
			List<Outcome> outcomes = (runId != null) ? outcomesByRun.getOrDefault(runId, List.of()) : List.of();
			if (rows.isEmpty() && outcomes.isEmpty()) {
				continue;
			}
			JsonNode subject = null;
			Map<String, List<JsonNode>> facts = new LinkedHashMap<>();
			for (FactTable t : FactSchema.tables()) {
				for (StoredRow r : rows) {
					if (!r.table().equals(t.name())) {
						continue;
					}
					if (t.name().equals("subjects")) {
						subject = r.row();
					}
					else {
						facts.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(r.row());
					}
				}
			}
			if (subject != null) {
				latestSubject = subject;
			}
			Integer runRevision = (runId != null) ? this.runs.find(runId).map(EvaluationRun::revision).orElse(null) : null;
			List<RankView> ranks;
			String ranksFrom;
			if (runId != null && runRevision != null && runRevision == b.revision()) {
				ranks = ranksByRun.getOrDefault(runId, List.of());
				ranksFrom = "RUN";
			}
			else if (facts.containsKey("measurements") || facts.containsKey("rankings")) {
				ranks = computedRanks(b, subjectId);
				ranksFrom = "FACTS";
			}
			else {
				ranks = List.of();
				ranksFrom = "FACTS";
			}
			entries.add(new PeriodEntry(b.period(), b.batchId(), b.revision(), subject, facts, ranks, ranksFrom, runId,
					runRevision, outcomes));
		}
		if (entries.isEmpty()) {
			throw new NotFoundException("没有任何已存储期间涉及主体 " + subjectId + " / no stored period mentions subject " + subjectId);
		}
		return new History(subjectId, latestSubject, entries);
	}

	private List<RankView> computedRanks(FactBatch batch, String subjectId) {
		StoredPeriods.StoredDocument d = this.periods.load(batch);
		return RankingCalculator.rank(d.document(), this.rules.forPeriod(batch.period()).parametersFor(batch.period()))
			.stream()
			.filter(r -> r.getSubjectId().equals(subjectId))
			.map(RankView::of)
			.toList();
	}

	/**
	 * A subject's history.
	 *
	 * @param subjectId the subject
	 * @param subject its row in the latest period that has one
	 * @param periods one entry per stored period that mentions it, earliest first
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SubjectHistory")
	public record History(String subjectId, JsonNode subject, List<PeriodEntry> periods) {
	}

	/**
	 * One period of a subject's history.
	 *
	 * @param period the period
	 * @param batchId the upload shown (the period's latest revision)
	 * @param revision its revision
	 * @param subject the subject's row in that upload, or null
	 * @param facts the other rows about the subject, by table
	 * @param ranks its ranks
	 * @param ranksFrom {@code RUN} when the ranks are those the latest run used, {@code FACTS} when
	 * computed now from the facts shown (the period was not evaluated, or not since this revision)
	 * @param runId the period's latest run, or null
	 * @param runRevision the revision that run evaluated; older than {@code revision} when a correction
	 * was uploaded after it
	 * @param outcomes the subject's outcomes in that run
	 */
	@JsonPropertyOrder({ "period", "batchId", "revision", "subject", "facts", "ranks", "ranksFrom", "runId", "runRevision",
			"outcomes" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@io.swagger.v3.oas.annotations.media.Schema(name = "SubjectHistoryPeriod")
	public record PeriodEntry(Period period, String batchId, int revision, JsonNode subject,
			Map<String, List<JsonNode>> facts, List<RankView> ranks, String ranksFrom, String runId, Integer runRevision,
			List<Outcome> outcomes) {
	}

}
