package org.kaohe.appeal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.outcome.Measure;

/**
 * One decision on an appeal, as recorded (decisions are appended, never changed).
 *
 * @param id the decision
 * @param seq 1 for the first decision on the appeal, 2 for a later one …; the highest is in force
 * @param decision upheld, amended or revoked
 * @param reason the reviewer's reason
 * @param measure the amended measure (AMENDED only), or null to keep the machine's
 * @param amountYuan the amended amount, or null
 * @param durationDays the amended duration in days, or null
 * @param durationHours the amended duration in hours, or null
 * @param decidedBy the reviewer
 * @param decidedAt when
 */
@JsonPropertyOrder({ "id", "seq", "decision", "decisionLabel", "reason", "measure", "measureLabel", "amountYuan", "durationDays",
		"durationHours", "decidedBy", "decidedAt" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppealDecision(String id, int seq, Decision decision, String reason, Measure measure, Long amountYuan,
		Integer durationDays, Integer durationHours, String decidedBy, OffsetDateTime decidedAt) {

	public String getDecisionLabel() {
		return this.decision.getLabel();
	}

	public String getMeasureLabel() {
		return (this.measure != null) ? this.measure.getLabel() : null;
	}

}
