package org.kaohe.appeal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

import org.kaohe.evaluation.SubjectHistory;
import org.kaohe.facts.Period;
import org.kaohe.history.RankView;
import org.kaohe.outcome.Outcome;

/**
 * A subject's history ({@code GET /api/v1/subjects/{id}/history}) with every outcome shown as in force
 * after appeals beside the machine outcome, so the history a unit reads matches the notices.
 */
@Service
public class SubjectRecords {

	private final SubjectHistory history;

	private final Appeals appeals;

	SubjectRecords(SubjectHistory history, Appeals appeals) {
		this.history = history;
		this.appeals = appeals;
	}

	/**
	 * @throws org.kaohe.system.NotFoundException when no stored period mentions the subject
	 */
	public History of(String subjectId) {
		SubjectHistory.History h = this.history.of(subjectId);
		List<Outcome> all = new ArrayList<>();
		h.periods().forEach(p -> all.addAll(p.outcomes()));
		Map<String, OutcomeRecord> records = new HashMap<>();
		this.appeals.records(all).forEach(r -> records.put(r.outcome().getId(), r));
		List<PeriodEntry> periods = new ArrayList<>();
		for (SubjectHistory.PeriodEntry p : h.periods()) {
			List<OutcomeRecord> outcomes = p.outcomes().stream().map(o -> records.get(o.getId())).toList();
			periods.add(new PeriodEntry(p.period(), p.batchId(), p.revision(), p.subject(), p.facts(), p.ranks(), p.ranksFrom(), p.runId(),
					p.runRevision(), outcomes));
		}
		return new History(h.subjectId(), h.subject(), periods);
	}

	/**
	 * A subject's history.
	 *
	 * @param subjectId the subject
	 * @param subject its row in the latest period that has one
	 * @param periods one entry per stored period that mentions it, earliest first
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SubjectRecordHistory")
	public record History(String subjectId, JsonNode subject, List<PeriodEntry> periods) {
	}

	/**
	 * One period, as {@link SubjectHistory.PeriodEntry} with each outcome's effective outcome, appeals and
	 * re-evaluation links.
	 */
	@JsonPropertyOrder({ "period", "batchId", "revision", "subject", "facts", "ranks", "ranksFrom", "runId", "runRevision",
			"outcomes" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	@io.swagger.v3.oas.annotations.media.Schema(name = "SubjectRecordPeriod")
	public record PeriodEntry(Period period, String batchId, int revision, JsonNode subject, Map<String, List<JsonNode>> facts,
			List<RankView> ranks, String ranksFrom, String runId, Integer runRevision, List<OutcomeRecord> outcomes) {
	}

}
