package org.kaohe.scenario;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.kaohe.outcome.Outcome;

/**
 * An outcome a scenario expects — or, as a near-miss, forbids. Every field given is compared; a field
 * left out is not. {@code amountYuan} is compared whenever it is present, {@code null} included.
 *
 * @param subjectId the subject, or null for any
 * @param ruleId the rule
 * @param kind the kind ({@code ORDER}), or null for any
 * @param measure the measure ({@code STOP_WORK}), or null for any
 * @param amountYuan the amount, compared only when {@code amountGiven}
 * @param amountGiven whether the expectation states an amount (null included)
 * @param durationDays stop-work or rectification days, or null for any
 * @param durationHours hours, or null for any
 * @param targetRole the addressed leader role, or null for any
 * @param minYuan lower end of a fine referral's statutory range, or null for any
 * @param maxYuan upper end of that range, or null for any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpectedOutcome(String subjectId, String ruleId, String kind, String measure, Long amountYuan,
		boolean amountGiven, Integer durationDays, Integer durationHours, String targetRole, Long minYuan, Long maxYuan) {

	static ExpectedOutcome of(Outcome o) {
		return new ExpectedOutcome(o.getSubject().getId(), o.getRuleId(), o.getKind().name(), o.getMeasure().name(),
				o.getAmountYuan(), true, o.getDurationDays(), o.getDurationHours(),
				(o.getTargetRole() != null) ? o.getTargetRole().name() : null,
				(o.getFineRangeYuan() != null) ? o.getFineRangeYuan().minYuan() : null,
				(o.getFineRangeYuan() != null) ? o.getFineRangeYuan().maxYuan() : null);
	}

	/** Reads an expectation; a plain string "R-CTY-02" or "R-CTY-02/PUBLIC_CRITICISM" names a rule (and measure). */
	static ExpectedOutcome read(JsonNode o) {
		if (o.isTextual()) {
			String[] parts = o.asText().split("/", 2);
			return new ExpectedOutcome(null, parts[0], null, (parts.length > 1) ? parts[1] : null, null, false, null, null,
					null, null, null);
		}
		JsonNode range = o.get("fineRangeYuan");
		return new ExpectedOutcome(text(o, "subjectId"), text(o, "ruleId"), text(o, "kind"), text(o, "measure"),
				o.hasNonNull("amountYuan") ? o.get("amountYuan").asLong() : null, o.has("amountYuan"),
				o.hasNonNull("durationDays") ? o.get("durationDays").asInt() : null,
				o.hasNonNull("durationHours") ? o.get("durationHours").asInt() : null, text(o, "targetRole"),
				(range != null && range.hasNonNull("minYuan")) ? range.get("minYuan").asLong() : null,
				(range != null && range.hasNonNull("maxYuan")) ? range.get("maxYuan").asLong() : null);
	}

	private static String text(JsonNode node, String field) {
		return node.hasNonNull(field) ? node.get(field).asText() : null;
	}

	/** Whether an actual outcome satisfies this expectation. */
	boolean matches(Outcome o) {
		return (this.subjectId == null || this.subjectId.equals(o.getSubject().getId()))
				&& Objects.equals(this.ruleId, o.getRuleId())
				&& (this.kind == null || this.kind.equals(o.getKind().name()))
				&& (this.measure == null || this.measure.equals(o.getMeasure().name()))
				&& (!this.amountGiven || Objects.equals(this.amountYuan, o.getAmountYuan()))
				&& (this.durationDays == null || this.durationDays.equals(o.getDurationDays()))
				&& (this.durationHours == null || this.durationHours.equals(o.getDurationHours()))
				&& (this.targetRole == null
						|| (o.getTargetRole() != null && this.targetRole.equals(o.getTargetRole().name())))
				&& (this.minYuan == null || (o.getFineRangeYuan() != null && this.minYuan == o.getFineRangeYuan().minYuan()))
				&& (this.maxYuan == null || (o.getFineRangeYuan() != null && this.maxYuan == o.getFineRangeYuan().maxYuan()));
	}

	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder().append(this.ruleId)
			.append(' ')
			.append(this.subjectId != null ? this.subjectId : "*")
			.append(' ')
			.append(this.kind != null ? this.kind : "*")
			.append('/')
			.append(this.measure != null ? this.measure : "*");
		if (this.amountGiven) {
			sb.append(" amountYuan=").append(this.amountYuan);
		}
		if (this.durationDays != null) {
			sb.append(" days=").append(this.durationDays);
		}
		if (this.durationHours != null) {
			sb.append(" hours=").append(this.durationHours);
		}
		if (this.targetRole != null) {
			sb.append(" target=").append(this.targetRole);
		}
		if (this.minYuan != null || this.maxYuan != null) {
			sb.append(" range=").append(this.minYuan).append('-').append(this.maxYuan);
		}
		return sb.toString();
	}

}
