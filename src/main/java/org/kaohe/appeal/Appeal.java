package org.kaohe.appeal;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.facts.Period;

/**
 * An appeal against a stored outcome with every decision taken on it.
 *
 * @param id the appeal
 * @param outcomeId the appealed outcome
 * @param runId its run
 * @param period its period
 * @param subjectId the outcome's subject
 * @param ruleId the outcome's rule
 * @param filedBy who filed it
 * @param filedAt when
 * @param reason why, in the filer's words
 * @param attachment a reference to supporting material (a document number, a file store URL), or null
 * @param decisions every decision, first first
 */
@JsonPropertyOrder({ "id", "status", "statusLabel", "outcomeId", "runId", "period", "subjectId", "ruleId", "filedBy", "filedAt",
		"reason", "attachment", "decisions" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Appeal(String id, String outcomeId, String runId, Period period, String subjectId, String ruleId, String filedBy,
		OffsetDateTime filedAt, String reason, String attachment, List<AppealDecision> decisions) {

	/** PENDING until a decision is taken, then the latest decision. */
	public String getStatus() {
		return this.decisions.isEmpty() ? "PENDING" : latest().decision().name();
	}

	public String getStatusLabel() {
		return this.decisions.isEmpty() ? "待复核" : latest().decision().getLabel();
	}

	/** The decision in force, or null while pending. */
	AppealDecision latest() {
		return this.decisions.isEmpty() ? null : this.decisions.get(this.decisions.size() - 1);
	}

}
