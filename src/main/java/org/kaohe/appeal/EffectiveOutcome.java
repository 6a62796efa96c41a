package org.kaohe.appeal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;

/**
 * The outcome in force: the machine outcome with the latest decision on its appeals applied.
 *
 * @param status {@code MACHINE} (no decision), {@code UPHELD}, {@code AMENDED} or {@code REVOKED}
 * @param inForce false when revoked
 * @param kind the kind in force (of the amended measure), or null when revoked
 * @param measure the measure in force, or null when revoked
 * @param amountYuan the amount in force
 * @param durationDays the duration in force, in days
 * @param durationHours the duration in force, in hours
 * @param appealId the appeal whose decision applies, or null
 * @param decisionId that decision, or null
 * @param decidedBy its reviewer, or null
 * @param decidedAt when, or null
 * @param reason the reviewer's reason, or null
 */
@JsonPropertyOrder({ "status", "statusLabel", "inForce", "kind", "measure", "measureLabel", "amountYuan", "durationDays",
		"durationHours", "appealId", "decisionId", "decidedBy", "decidedAt", "reason" })
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EffectiveOutcome(String status, boolean inForce, OutcomeKind kind, Measure measure, Long amountYuan,
		Integer durationDays, Integer durationHours, String appealId, String decisionId, String decidedBy,
		OffsetDateTime decidedAt, String reason) {

	/** The machine outcome as it stands without any decision. */
	public static EffectiveOutcome machine(Outcome o) {
		return new EffectiveOutcome("MACHINE", true, o.getKind(), o.getMeasure(), o.getAmountYuan(), o.getDurationDays(),
				o.getDurationHours(), null, null, null, null, null);
	}

	/** The machine outcome with a decision applied. */
	static EffectiveOutcome of(Outcome o, String appealId, AppealDecision d) {
		return switch (d.decision()) {
			case UPHELD -> new EffectiveOutcome("UPHELD", true, o.getKind(), o.getMeasure(), o.getAmountYuan(), o.getDurationDays(),
					o.getDurationHours(), appealId, d.id(), d.decidedBy(), d.decidedAt(), d.reason());
			case REVOKED -> new EffectiveOutcome("REVOKED", false, null, null, null, null, null, appealId, d.id(), d.decidedBy(),
					d.decidedAt(), d.reason());
			case AMENDED -> {
				Measure measure = (d.measure() != null) ? d.measure() : o.getMeasure();
				boolean same = measure == o.getMeasure();
				Long amount = (d.amountYuan() != null) ? d.amountYuan() : (same ? o.getAmountYuan() : null);
				boolean durationGiven = d.durationDays() != null || d.durationHours() != null;
				Integer days = durationGiven ? d.durationDays() : (same ? o.getDurationDays() : null);
				Integer hours = durationGiven ? d.durationHours() : (same ? o.getDurationHours() : null);
				yield new EffectiveOutcome("AMENDED", true, measure.getKind(), measure, amount, days, hours, appealId, d.id(),
						d.decidedBy(), d.decidedAt(), d.reason());
			}
		};
	}

	public String getStatusLabel() {
		return switch (this.status) {
			case "UPHELD" -> "复核维持";
			case "AMENDED" -> "复核变更";
			case "REVOKED" -> "复核撤销";
			default -> "机器结论";
		};
	}

	public String getMeasureLabel() {
		return (this.measure != null) ? this.measure.getLabel() : null;
	}

	/** Whether a reviewer changed the machine outcome (amended or revoked). */
	public boolean changed() {
		return this.status.equals("AMENDED") || this.status.equals("REVOKED");
	}

}
