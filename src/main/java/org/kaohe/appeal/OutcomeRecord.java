package org.kaohe.appeal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.kaohe.outcome.Outcome;

/**
 * A stored outcome as the office sees it: the machine outcome (SPEC §5, unchanged), the outcome in
 * force after appeals ({@code effective}), the appeals with their decisions, and links to and from
 * re-evaluations.
 */
@JsonPropertyOrder({ "effective", "appeals", "links" })
public record OutcomeRecord(@JsonUnwrapped Outcome outcome, EffectiveOutcome effective, List<Appeal> appeals,
		List<OutcomeLink> links) {
}
