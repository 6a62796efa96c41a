package org.kaohe.appeal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A link between an appealed outcome and the outcome a later evaluation of the same period decided for
 * the same rule and subject (after corrected facts, say).
 *
 * @param relation {@code RE_EVALUATED_AS} on the appealed outcome (pointing at the new one),
 * {@code RE_EVALUATION_OF} on the new outcome (pointing at the appealed one)
 * @param outcomeId the other outcome; null on {@code RE_EVALUATED_AS} when the new run decided nothing
 * for that rule and subject
 * @param runId the other outcome's run (the new run for {@code RE_EVALUATED_AS})
 * @param appealId the appeal that makes the appealed outcome worth following
 * @param match how the new outcome was matched: {@code SAME_FACTS} (same key), {@code SAME_MEASURE},
 * {@code SAME_RULE} (same rule and subject), {@code NONE}
 * @param linkedAt when the re-evaluation stored it
 */
@JsonPropertyOrder({ "relation", "outcomeId", "runId", "appealId", "match", "linkedAt" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OutcomeLink(String relation, String outcomeId, String runId, String appealId, String match,
		OffsetDateTime linkedAt) {
}
