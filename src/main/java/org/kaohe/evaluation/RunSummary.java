package org.kaohe.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.kaohe.facts.Period;
import org.kaohe.facts.SubjectType;
import org.kaohe.history.SubjectDirectory;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.OutcomeKind;

/**
 * {@code GET /api/v1/evaluations/{runId}/summary}: how many outcomes a run has and how much money they
 * carry, in total and per kind, measure, subject type, rule and county, over the outcomes the filter
 * selects (the same filter as the outcome list).
 *
 * <p>Money is never added across measures of different meaning (SPEC §5, domain.md "Government vs
 * enterprise money"): fiscal deductions from governments ({@code deductionYuan}), fiscal rewards to them
 * ({@code rewardYuan}) and the statutory ranges of the fines proposed to the enforcing bureaus for
 * enterprises and sites ({@code fineMinYuan} … {@code fineMaxYuan}) are kept apart.
 *
 * @param runId the run
 * @param period its period
 * @param totals every selected outcome
 * @param byKind one entry per kind, all six in SPEC order, zero counts included
 * @param byMeasure the measures that occur, in declaration order
 * @param bySubjectType the subject types that occur
 * @param byRule the rules that fired, by rule ID
 * @param byCounty every county-level unit of the evaluated upload (zero counts included), then one
 * entry with {@code countyId} null for outcomes of units in no county (departments and their people)
 */
@JsonPropertyOrder({ "runId", "period", "totals", "byKind", "byMeasure", "bySubjectType", "byRule", "byCounty" })
public record RunSummary(String runId, Period period, Totals totals, List<KindTotal> byKind,
		List<MeasureTotal> byMeasure, List<SubjectTypeTotal> bySubjectType, List<RuleTotal> byRule,
		List<CountyTotal> byCounty) {

	/**
	 * Regroups the database's totals per kind, measure, rule and subject into the summary's breakdowns.
	 *
	 * @param run the run
	 * @param directory the subjects of the upload the run evaluated, for their counties
	 * @param rows the totals of the selected outcomes per kind, measure, rule and subject
	 */
	static RunSummary of(EvaluationRun run, SubjectDirectory directory, List<RunRepository.TotalsRow> rows) {
		Totals all = Totals.NONE;
		Map<OutcomeKind, Totals> byKind = new EnumMap<>(OutcomeKind.class);
		Map<Measure, Totals> byMeasure = new EnumMap<>(Measure.class);
		Map<SubjectType, Totals> byType = new EnumMap<>(SubjectType.class);
		Map<String, Totals> byRule = new TreeMap<>();
		Map<String, String> ruleNames = new HashMap<>();
		Map<String, Totals> byCounty = new LinkedHashMap<>();
		directory.counties().forEach(c -> byCounty.put(c.path("id").asText(), Totals.NONE));
		Totals noCounty = Totals.NONE;
		for (RunRepository.TotalsRow r : rows) {
			all = all.plus(r.totals());
			byKind.merge(r.kind(), r.totals(), Totals::plus);
			byMeasure.merge(r.measure(), r.totals(), Totals::plus);
			byType.merge(r.subjectType(), r.totals(), Totals::plus);
			byRule.merge(r.ruleId(), r.totals(), Totals::plus);
			ruleNames.putIfAbsent(r.ruleId(), r.ruleName());
			String county = directory.countyOf(r.subjectId());
			if (county == null) {
				noCounty = noCounty.plus(r.totals());
			}
			else {
				byCounty.merge(county, r.totals(), Totals::plus);
			}
		}
		List<KindTotal> kinds = new ArrayList<>();
		for (OutcomeKind k : OutcomeKind.values()) {
			kinds.add(new KindTotal(k, byKind.getOrDefault(k, Totals.NONE)));
		}
		List<MeasureTotal> measures = new ArrayList<>();
		byMeasure.forEach((m, t) -> measures.add(new MeasureTotal(m, m.getLabel(), m.getKind(), t)));
		List<SubjectTypeTotal> types = new ArrayList<>();
		byType.forEach((type, t) -> types.add(new SubjectTypeTotal(type, t)));
		List<RuleTotal> rules = new ArrayList<>();
		byRule.forEach((id, t) -> rules.add(new RuleTotal(id, ruleNames.get(id), t)));
		List<CountyTotal> counties = new ArrayList<>();
		byCounty.forEach((id, t) -> counties.add(new CountyTotal(id, directory.name(id), t)));
		counties.add(new CountyTotal(null, null, noCounty));
		return new RunSummary(run.runId(), run.period(), all, kinds, measures, types, rules, counties);
	}

	/**
	 * A count and the money of the outcomes counted.
	 *
	 * @param count the outcomes
	 * @param deductionYuan fiscal deductions (财政扣款) added up
	 * @param rewardYuan fiscal rewards (财政奖励) added up
	 * @param fineMinYuan the lower ends of the proposed fines' statutory ranges added up
	 * @param fineMaxYuan their upper ends added up
	 */
	@JsonPropertyOrder({ "count", "deductionYuan", "rewardYuan", "fineMinYuan", "fineMaxYuan" })
	@io.swagger.v3.oas.annotations.media.Schema(name = "RunTotals")
	public record Totals(long count, long deductionYuan, long rewardYuan, long fineMinYuan, long fineMaxYuan) {

		static final Totals NONE = new Totals(0, 0, 0, 0, 0);

		/**
		 * Totals of outcomes of one measure, from their count and the sums of their amounts and ranges.
		 * Only deductions and rewards are amounts of their own; a fine referral's amount (the top of its
		 * range for 顶格处罚) is already in its range.
		 */
		static Totals of(Measure measure, long count, Long amountYuan, Long fineMinYuan, Long fineMaxYuan) {
			long amount = (amountYuan != null) ? amountYuan : 0;
			return new Totals(count, (measure == Measure.FISCAL_DEDUCTION) ? amount : 0,
					(measure == Measure.FISCAL_REWARD) ? amount : 0, (fineMinYuan != null) ? fineMinYuan : 0,
					(fineMaxYuan != null) ? fineMaxYuan : 0);
		}

		Totals plus(Totals other) {
			return new Totals(this.count + other.count, this.deductionYuan + other.deductionYuan,
					this.rewardYuan + other.rewardYuan, this.fineMinYuan + other.fineMinYuan,
					this.fineMaxYuan + other.fineMaxYuan);
		}

	}

	@JsonPropertyOrder({ "kind", "count", "deductionYuan", "rewardYuan", "fineMinYuan", "fineMaxYuan" })
	public record KindTotal(OutcomeKind kind, @JsonUnwrapped Totals totals) {
	}

	@JsonPropertyOrder({ "measure", "measureLabel", "kind", "count", "deductionYuan", "rewardYuan", "fineMinYuan",
			"fineMaxYuan" })
	public record MeasureTotal(Measure measure, String measureLabel, OutcomeKind kind, @JsonUnwrapped Totals totals) {
	}

	@JsonPropertyOrder({ "subjectType", "count", "deductionYuan", "rewardYuan", "fineMinYuan", "fineMaxYuan" })
	public record SubjectTypeTotal(SubjectType subjectType, @JsonUnwrapped Totals totals) {
	}

	@JsonPropertyOrder({ "ruleId", "ruleName", "count", "deductionYuan", "rewardYuan", "fineMinYuan", "fineMaxYuan" })
	public record RuleTotal(String ruleId, String ruleName, @JsonUnwrapped Totals totals) {
	}

	/**
	 * @param countyId the county-level unit, or null for units in no county
	 * @param countyName its name, or null
	 */
	@JsonPropertyOrder({ "countyId", "countyName", "count", "deductionYuan", "rewardYuan", "fineMinYuan",
			"fineMaxYuan" })
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record CountyTotal(String countyId, String countyName, @JsonUnwrapped Totals totals) {
	}

}
