package org.kaohe.explanation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.appeal.Appeal;
import org.kaohe.appeal.EffectiveOutcome;
import org.kaohe.appeal.OutcomeLink;
import org.kaohe.facts.Period;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.SubjectRef;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;
import org.kaohe.rules.RuleConditions;

/**
 * Why a stored outcome happened ({@code GET /api/v1/outcomes/{id}/explanation}): the rule and the clauses
 * it rests on, the facts it matched, the thresholds compared with the subject's actual values, the
 * history chain, the parameter values in force, where it all came from, what is in force after appeals,
 * and a Chinese paragraph whose every figure is listed in {@code citations}.
 *
 * @param outcomeId the outcome
 * @param runId its run
 * @param period its period
 * @param periodLabel the period in Chinese (2026年第3季度)
 * @param subject who it concerns
 * @param rule the rule that decided it
 * @param decision what the machine decided
 * @param reason the reason the rule wrote
 * @param facts the evidence rows, each with its phrase and whether it belongs to the period
 * @param conditions what the rule compares ({@code conditions.yaml}), checked against the evidence
 * @param thresholds every parameter the rule reads, with the value in force and, where a condition
 * compares it, the subject's actual value
 * @param history the rows from earlier periods that counted (ranks, earlier outcomes with their stored
 * ids), earliest first
 * @param provenance ruleset version, parameter version, facts hash, run, judging day
 * @param effective the outcome in force after appeals
 * @param appeals the appeals on the outcome
 * @param links re-evaluations linked to it
 * @param paragraph the explanation in Chinese
 * @param citations every figure and name the paragraph states, with its source
 */
@JsonPropertyOrder({ "outcomeId", "runId", "period", "periodLabel", "subject", "rule", "decision", "reason", "facts", "conditions",
		"thresholds", "history", "provenance", "effective", "appeals", "links", "paragraph", "citations" })
public record Explanation(String outcomeId, String runId, Period period, String periodLabel, SubjectRef subject, Rule rule,
		Decision decision, String reason, List<Fact> facts, List<RuleConditions.Check> conditions, List<Threshold> thresholds,
		List<HistoryItem> history, Provenance provenance, EffectiveOutcome effective, List<Appeal> appeals, List<OutcomeLink> links,
		String paragraph, List<Citation> citations) {

	/**
	 * The rule.
	 *
	 * @param id permanent ID
	 * @param part the part of the rule that fired, or empty
	 * @param name the rule's name (a business sentence)
	 * @param file the rule file under {@code rules/}
	 * @param line the line of the rule in it
	 * @param basis the basis the rule cites ({@code @basis})
	 * @param clauses the clauses of {@code basis.yaml} it rests on, with their text
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record Rule(String id, String part, String name, String file, Integer line, String basis, List<Clause> clauses) {
	}

	/**
	 * A clause of the basis catalogue.
	 *
	 * @param id {@code DOC.clause}
	 * @param document the document's title
	 * @param issuer who issued it
	 * @param label the clause's heading
	 * @param text its text (verbatim) or a summary
	 * @param verbatim whether {@code text} is the original wording
	 * @param quote "《…》第…条：……" as the paragraph quotes it
	 */
	@io.swagger.v3.oas.annotations.media.Schema(name = "ExplanationClause")
	public record Clause(String id, String document, String issuer, String label, String text, boolean verbatim, String quote) {
	}

	/**
	 * What the machine decided.
	 *
	 * @param kind the outcome kind
	 * @param kindLabel its Chinese name
	 * @param measure the measure
	 * @param measureLabel its Chinese name
	 * @param severity 0–6
	 * @param amountYuan money, if any
	 * @param fineRangeYuan the statutory range of a fine referral, if any
	 * @param durationDays duration in days, if any
	 * @param durationHours duration in hours, if any
	 * @param targetRole the leader addressed, if any
	 * @param relatedSubject another subject concerned, if any
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Decision(OutcomeKind kind, String kindLabel, Measure measure, String measureLabel, int severity, Long amountYuan,
			Outcome.FineRange fineRangeYuan, Integer durationDays, Integer durationHours, PersonRole targetRole,
			SubjectRef relatedSubject) {
	}

	/**
	 * An evidence row.
	 *
	 * @param row its index in the outcome's evidence
	 * @param table its fact table
	 * @param current whether it belongs to the evaluated period
	 * @param text the row in Chinese
	 * @param values the row as stored
	 */
	public record Fact(int row, String table, boolean current, String text, Map<String, Object> values) {
	}

	/**
	 * A parameter the rule reads.
	 *
	 * @param parameter its name in {@code parameters.yaml}
	 * @param label its Chinese name
	 * @param unit its unit
	 * @param type its type
	 * @param value the value in force for the period
	 * @param text the value as the paragraph shows it
	 * @param validFrom {@code validFrom} of the parameter version in force for the period
	 * @param setIn {@code validFrom} of the version that gave this parameter its value
	 * @param source where the default comes from
	 * @param compared the conditions that compare it, with the subject's actual value
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Threshold(String parameter, String label, String unit, String type, Object value, String text, LocalDate validFrom,
			LocalDate setIn, String source, List<RuleConditions.Check> compared) {
	}

	/**
	 * A row of an earlier period the outcome counted.
	 *
	 * @param period its period
	 * @param table its table
	 * @param text the row in Chinese
	 * @param outcomeId for an earlier outcome, its stored id (in the run the evaluation used), if found
	 * @param runId that run
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record HistoryItem(String period, String table, String text, String outcomeId, String runId) {
	}

	/**
	 * Where the outcome came from.
	 *
	 * @param rulesetVersion the ruleset version
	 * @param rulesetAvailable whether that version's files were available for this explanation (else the
	 * version in force was used to describe the rule, and says so)
	 * @param explainedWith the version whose rule text and parameters were read
	 * @param parametersValidFrom {@code validFrom} of the parameter version in force for the period
	 * @param factsHash hash of the facts the run read
	 * @param runId the run
	 * @param runNumber the period's run number
	 * @param revision the revision of the period's facts
	 * @param asOf the judging day
	 */
	public record Provenance(String rulesetVersion, boolean rulesetAvailable, String explainedWith, LocalDate parametersValidFrom,
			String factsHash, String runId, int runNumber, int revision, LocalDate asOf) {
	}

}
