package org.kaohe.explanation;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectRef;
import org.kaohe.outcome.Measure;
import org.kaohe.rules.RuleConditions;

/**
 * Which rules a subject narrowly escaped in a period ({@code GET /api/v1/subjects/{id}/why-not}).
 *
 * @param subject the subject
 * @param period the period
 * @param runId the run whose inputs were evaluated again
 * @param rulesetVersion its ruleset version
 * @param territory the territory re-evaluated (the subject's county or department)
 * @param evaluations how many times the territory was evaluated to answer
 * @param summary one sentence per close rule, closest first
 * @param rules every rule examined: close ones first (by how little had to change), then the rest, then
 * those that did fire
 */
@JsonPropertyOrder({ "subject", "period", "runId", "rulesetVersion", "territory", "evaluations", "summary", "rules" })
public record WhyNotAnswer(SubjectRef subject, Period period, String runId, String rulesetVersion, String territory, int evaluations,
		List<String> summary, List<RuleAnswer> rules) {

	/**
	 * One rule.
	 *
	 * @param ruleId the rule
	 * @param part the part, or empty
	 * @param name its name
	 * @param basis the basis it cites
	 * @param status {@code FIRED} (the subject got it), {@code CLOSE} (a small change of one parameter makes
	 * it fire), {@code NOT_CLOSE} (no single parameter within reach does)
	 * @param summary the answer in one Chinese sentence ("未被处理：本规则要求…，本期…")
	 * @param conditions its conditions checked against the subject's facts (or against the evidence of the
	 * nearest firing)
	 * @param failing the conditions that do not hold
	 * @param wouldFireIf the smallest changes of single parameters that make it fire, smallest first
	 * @param outcomeIds the stored outcomes when it fired
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "ruleId", "part", "name", "status", "summary", "basis", "conditions", "failing", "wouldFireIf", "outcomeIds" })
	public record RuleAnswer(String ruleId, String part, String name, String basis, String status, String summary,
			List<RuleConditions.Check> conditions, List<RuleConditions.Check> failing, List<Relaxation> wouldFireIf,
			List<String> outcomeIds) {
	}

	/**
	 * A parameter value that makes the rule fire for the subject.
	 *
	 * @param parameter the parameter
	 * @param label its Chinese name
	 * @param unit its unit
	 * @param current the value in force
	 * @param needed the nearest value found that makes the rule fire
	 * @param relativeChange |needed − current| / |current|
	 * @param withinDeclaredRange whether {@code needed} is within the parameter's declared min and max
	 * @param measure what the rule would then decide
	 * @param amountYuan and the amount
	 * @param reason the reason it would give
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Relaxation(String parameter, String label, String unit, Object current, Object needed, double relativeChange,
			boolean withinDeclaredRange, Measure measure, Long amountYuan, String reason) {
	}

}
