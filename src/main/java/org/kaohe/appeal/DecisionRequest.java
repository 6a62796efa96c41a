package org.kaohe.appeal;

import org.kaohe.outcome.Measure;

/**
 * A reviewer's decision as asked for: {@code {decision, reason, measure?, amountYuan?, durationDays?,
 * durationHours?}}; the changed fields only with {@code AMENDED}.
 */
public record DecisionRequest(Decision decision, String reason, Measure measure, Long amountYuan, Integer durationDays,
		Integer durationHours) {
}
