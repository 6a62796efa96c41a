package org.kaohe.explanation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import org.kaohe.appeal.Appeals;
import org.kaohe.appeal.EffectiveOutcome;
import org.kaohe.appeal.OutcomeRecord;
import org.kaohe.engine.RuleDescriptor;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.EvaluationRun;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.StoredOutcome;
import org.kaohe.evaluation.StoredOutcomes;
import org.kaohe.facts.Narration;
import org.kaohe.facts.Period;
import org.kaohe.outcome.Outcome;
import org.kaohe.rules.BasisCatalogue;
import org.kaohe.rules.FactMeasure;
import org.kaohe.rules.Ladder;
import org.kaohe.rules.ParameterDefinition;
import org.kaohe.rules.ParameterFile;
import org.kaohe.rules.Parameters;
import org.kaohe.rules.RuleConditions;
import org.kaohe.rules.Tiers;
import org.kaohe.ruleset.RuleMetadata;
import org.kaohe.ruleset.RulesetVersions;
import org.kaohe.system.ProblemException;

/**
 * Explains stored outcomes: {@code GET /api/v1/outcomes/{id}/explanation}.
 *
 * <p>Everything comes from what was stored and the ruleset version the run used (through
 * {@link RulesetVersions}): the rule's text says which parameters it reads, {@code basis.yaml} gives the
 * clause text, {@code conditions.yaml} says what each condition compares, and the outcome's evidence
 * gives the subject's actual values. Nothing is evaluated again. When the run's version is no longer
 * available the version in force describes the rule and the provenance says so.
 */
@Service
public class Explanations {

	private final Appeals appeals;

	private final EvaluationRuns runs;

	private final StoredOutcomes outcomes;

	private final RulesetVersions rulesets;

	Explanations(Appeals appeals, EvaluationRuns runs, StoredOutcomes outcomes, RulesetVersions rulesets) {
		this.appeals = appeals;
		this.runs = runs;
		this.outcomes = outcomes;
		this.rulesets = rulesets;
	}

	/**
	 * The explanation of a stored outcome.
	 *
	 * @throws org.kaohe.system.NotFoundException when the outcome does not exist
	 */
	public Explanation explain(String outcomeId) {
		OutcomeRecord record = this.appeals.record(outcomeId);
		Outcome o = record.outcome();
		EvaluationRun run = this.runs.run(o.getRunId());
		boolean available = true;
		Ruleset ruleset;
		try {
			ruleset = this.rulesets.rulesetFor(run.rulesetVersion());
		}
		catch (ProblemException ex) {
			available = false;
			ruleset = this.rulesets.rulesetFor(null);
		}
		Period period = o.getPeriod();
		Parameters parameters = ruleset.parametersFor(period);
		RuleMetadata metadata = RuleMetadata.of(ruleset);
		RuleDescriptor descriptor = descriptor(ruleset, o);

		List<Map<String, Object>> evidence = o.getEvidence();
		List<RuleConditions.Check> checks = (descriptor != null)
				? metadata.conditionsFor(descriptor).map(e -> e.check(evidence, period, parameters)).orElse(List.of())
				: List.of();
		List<String> reads = reads(ruleset, metadata, descriptor, o);

		EvidenceSentences sentences = new EvidenceSentences(parameters);
		List<Explanation.Fact> facts = new ArrayList<>();
		for (int i = 0; i < evidence.size(); i++) {
			Paragraph p = new Paragraph();
			sentences.write(p, evidence.get(i), i);
			facts.add(new Explanation.Fact(i, String.valueOf(evidence.get(i).get("table")),
					FactMeasure.isCurrent(evidence.get(i), period), p.text(), evidence.get(i)));
		}
		List<Explanation.HistoryItem> history = history(run, facts);
		List<Explanation.Threshold> thresholds = thresholds(ruleset, parameters, reads, checks, period);
		List<Explanation.Clause> clauses = clauses(ruleset.basis(), descriptor);

		Paragraph p = new Paragraph();
		writeBasis(p, clauses, o);
		writeSubject(p, o, descriptor);
		writeFacts(p, sentences, evidence, facts);
		writeConditions(p, checks);
		writeOtherParameters(p, thresholds, checks);
		writeDecision(p, o, record.effective());
		writeProvenance(p, run, parameters, available, ruleset);

		Explanation.Rule rule = (descriptor != null)
				? new Explanation.Rule(descriptor.id(), descriptor.part(), descriptor.name(), descriptor.file(), descriptor.line(),
						o.getBasis(), clauses)
				: new Explanation.Rule(o.getRuleId(), "", o.getRuleName(), null, null, o.getBasis(), clauses);
		Explanation.Decision decision = new Explanation.Decision(o.getKind(), o.getKind().getLabel(), o.getMeasure(),
				o.getMeasureLabel(), o.getSeverity(), o.getAmountYuan(), o.getFineRangeYuan(), o.getDurationDays(),
				o.getDurationHours(), o.getTargetRole(), o.getRelatedSubject());
		Explanation.Provenance provenance = new Explanation.Provenance(run.rulesetVersion(), available, ruleset.version(),
				run.parametersValidFrom(), run.factsHash(), run.runId(), run.runNumber(), run.revision(), run.asOf());
		return new Explanation(o.getId(), o.getRunId(), period, period.toChinese(), o.getSubject(), rule, decision, o.getReason(),
				facts, checks, thresholds, history, provenance, record.effective(), record.appeals(), record.links(), p.text(),
				p.citations());
	}

	/** The rule part that decided the outcome: by name (unique), else the first part with the ID. */
	static RuleDescriptor descriptor(Ruleset ruleset, Outcome o) {
		return ruleset.rules()
			.stream()
			.filter(r -> r.name().equals(o.getRuleName()))
			.findFirst()
			.orElseGet(() -> ruleset.rule(o.getRuleId()).orElse(null));
	}

	private static List<String> reads(Ruleset ruleset, RuleMetadata metadata, RuleDescriptor descriptor, Outcome o) {
		if (descriptor != null && descriptor.name().equals(o.getRuleName())) {
			return metadata.parametersReadBy(descriptor.name());
		}
		// the rule was renamed since: every part with the ID
		Set<String> all = new LinkedHashSet<>();
		ruleset.rules().stream().filter(r -> r.id().equals(o.getRuleId())).forEach(r -> all.addAll(metadata.parametersReadBy(r.name())));
		return List.copyOf(all);
	}

	private List<Explanation.HistoryItem> history(EvaluationRun run, List<Explanation.Fact> facts) {
		List<String> priorRuns = run.history().stream().map(EvaluationRun.HistoryUse::runId).filter(Objects::nonNull).toList();
		List<String> engineIds = facts.stream()
			.filter(f -> !f.current() && f.table().equals("outcomes") && f.values().get("id") != null)
			.map(f -> f.values().get("id").toString())
			.toList();
		Map<String, StoredOutcome> stored = new HashMap<>();
		this.outcomes.byEngineIds(priorRuns, engineIds).forEach(s -> stored.put(s.engineId(), s));
		List<Explanation.HistoryItem> items = new ArrayList<>();
		facts.stream()
			.filter(f -> !f.current())
			.sorted(java.util.Comparator.comparing(f -> String.valueOf(f.values().get("period"))))
			.forEach(f -> {
				StoredOutcome s = f.table().equals("outcomes") ? stored.get(String.valueOf(f.values().get("id"))) : null;
				items.add(new Explanation.HistoryItem(historyPeriod(f.values()), f.table(), f.text(),
						(s != null) ? s.outcome().getId() : null, (s != null) ? s.outcome().getRunId() : null));
			});
		return items;
	}

	private static String historyPeriod(Map<String, Object> row) {
		for (String k : new String[] { "period", "on", "at", "foundOn" }) {
			if (row.get(k) != null) {
				return row.get(k).toString();
			}
		}
		return null;
	}

	private static List<Explanation.Threshold> thresholds(Ruleset ruleset, Parameters parameters, List<String> reads,
			List<RuleConditions.Check> checks, Period period) {
		List<RuleConditions.Check> flat = new ArrayList<>();
		checks.forEach(c -> flatten(c, flat));
		List<Explanation.Threshold> thresholds = new ArrayList<>();
		for (String name : reads) {
			ParameterDefinition d = parameters.definitions().get(name);
			if (d == null) {
				continue;
			}
			Object value = parameters.values().get(name);
			List<RuleConditions.Check> compared = flat.stream().filter(c -> name.equals(c.parameter())).toList();
			thresholds.add(new Explanation.Threshold(name, d.label(), d.unit(), d.type().name().toLowerCase(java.util.Locale.ROOT),
					value, show(d, value, parameters), parameters.getValidFrom(), setIn(ruleset.parameterFile(), name, period),
					d.source(), compared));
		}
		return thresholds;
	}

	static void flatten(RuleConditions.Check c, List<RuleConditions.Check> into) {
		if (c.isGroup()) {
			c.members().forEach(m -> flatten(m, into));
		}
		else {
			into.add(c);
		}
	}

	/** {@code validFrom} of the version that last set the parameter on or before the period's first day. */
	static LocalDate setIn(ParameterFile file, String name, Period period) {
		LocalDate found = null;
		for (ParameterFile.Version v : file.versions()) {
			if (v.validFrom().isAfter(period.start())) {
				break;
			}
			if (v.values().containsKey(name)) {
				found = v.validFrom();
			}
		}
		return found;
	}

	/** A parameter's value as the paragraph shows it, with its unit. */
	static String show(ParameterDefinition d, Object value, Parameters parameters) {
		String unit = (d.unit() != null) ? d.unit() : "";
		if (value == null) {
			return "无";
		}
		return switch (d.type()) {
			case INTEGER, NUMBER -> Narration.number(((Number) value).doubleValue()) + unit;
			case BOOLEAN -> Boolean.TRUE.equals(value) ? "是" : "否";
			case LIST -> ((List<?>) value).stream().map(v -> parameters.indicatorLabel(String.valueOf(v))).collect(Collectors.joining("、"));
			case LADDER -> ((Ladder) value).getBands().stream().map(b -> band(b, unit)).collect(Collectors.joining("；"));
			case TIERS -> ((Tiers) value).describe("单位", unit);
			default -> String.valueOf(value);
		};
	}

	private static String band(Ladder.Band b, String unit) {
		List<String> parts = new ArrayList<>();
		b.getFields().forEach((k, v) -> {
			if (v instanceof org.kaohe.outcome.Measure m) {
				parts.add(m.getLabel());
			}
			else if (v instanceof org.kaohe.facts.PersonRole r) {
				parts.add("对象" + r.getLabel());
			}
			else if (k.equals("days")) {
				parts.add(v + "天");
			}
			else if (!k.equals("severity")) {
				parts.add(k + " " + v);
			}
		});
		return "第" + b.getRangeText() + "次：" + String.join("，", parts) + ((parts.isEmpty() && !unit.isEmpty()) ? unit : "");
	}

	private static List<Explanation.Clause> clauses(BasisCatalogue basis, RuleDescriptor descriptor) {
		if (descriptor == null) {
			return List.of();
		}
		List<Explanation.Clause> clauses = new ArrayList<>();
		for (String id : descriptor.clauses()) {
			basis.clause(id)
				.ifPresent(c -> clauses.add(new Explanation.Clause(c.id(), c.document(), c.issuer(), c.label(), c.text(), c.verbatim(),
						c.quote())));
		}
		return clauses;
	}

	// ---- the paragraph ----

	private static void writeBasis(Paragraph p, List<Explanation.Clause> clauses, Outcome o) {
		p.append("依据");
		if (clauses.isEmpty()) {
			p.cite(o.getBasis(), "OUTCOME", "basis", null, o.getBasis());
		}
		for (int i = 0; i < clauses.size(); i++) {
			if (i > 0) {
				p.append("；");
			}
			String quote = clauses.get(i).quote();
			// the clause's own full stop would stand before the semicolon that joins the next one
			String shown = (quote.endsWith("。") && i < clauses.size() - 1) ? quote.substring(0, quote.length() - 1) : quote;
			p.cite(shown, "BASIS", clauses.get(i).id(), null, quote);
		}
		end(p);
	}

	private static void writeSubject(Paragraph p, Outcome o, RuleDescriptor d) {
		p.cite(o.getSubject().getName(), "OUTCOME", "subject.name", null, o.getSubject().getName()).append("（")
			.cite(o.getSubject().getId(), "OUTCOME", "subject.id", null, o.getSubject().getId()).append("）")
			.cite(o.getPeriod().toChinese(), "OUTCOME", "period", null, o.getPeriod().toString()).append("适用规则 ")
			.cite(o.getRuleId(), "OUTCOME", "ruleId", null, o.getRuleId()).append("「")
			.cite(o.getRuleName(), "OUTCOME", "ruleName", null, o.getRuleName()).append("」");
		if (d != null && !d.part().isEmpty()) {
			p.append("（").cite(d.part(), "RULE", "part", null, d.part()).append("）");
		}
		p.append("。");
	}

	private static void writeFacts(Paragraph p, EvidenceSentences sentences, List<Map<String, Object>> evidence,
			List<Explanation.Fact> facts) {
		List<Integer> current = new ArrayList<>();
		List<Integer> earlier = new ArrayList<>();
		for (Explanation.Fact f : facts) {
			(f.current() ? current : earlier).add(f.row());
		}
		earlier.sort(java.util.Comparator.comparing(i -> String.valueOf(evidence.get(i).get("period"))));
		if (!current.isEmpty()) {
			p.append("本期事实：");
			rows(p, sentences, evidence, current);
		}
		if (!earlier.isEmpty()) {
			p.append("以前期间（历史链条）：");
			rows(p, sentences, evidence, earlier);
		}
	}

	private static void rows(Paragraph p, EvidenceSentences sentences, List<Map<String, Object>> evidence, List<Integer> rows) {
		for (int k = 0; k < rows.size(); k++) {
			if (k > 0) {
				p.append("；");
			}
			sentences.write(p, evidence.get(rows.get(k)), rows.get(k));
		}
		p.append("。");
	}

	private static void writeConditions(Paragraph p, List<RuleConditions.Check> checks) {
		if (checks.isEmpty()) {
			return;
		}
		p.append("比对：");
		for (int i = 0; i < checks.size(); i++) {
			if (i > 0) {
				p.append("；");
			}
			check(p, checks.get(i));
		}
		p.append("。");
	}

	private static void check(Paragraph p, RuleConditions.Check c) {
		if (c.isGroup()) {
			p.cite(c.label(), "LABEL", "conditions", null, c.label()).append("（");
			String join = "anyOf".equals(c.measure()) ? "，或" : "，且";
			for (int i = 0; i < c.members().size(); i++) {
				if (i > 0) {
					p.append(join);
				}
				check(p, c.members().get(i));
			}
			p.append("）").append(state(c));
			return;
		}
		String unit = (c.unit() != null) ? c.unit() : "";
		p.cite(c.label(), "LABEL", "conditions", null, c.label());
		if (c.measure() != null) {
			p.append(" ");
			if (c.actual() != null) {
				p.cite(RuleConditions.Check.show(c.actual()) + unit, "MEASURE", c.measure(), null, c.actual());
			}
			else {
				p.append("无");
			}
		}
		p.append("，要求").append(RuleConditions.Check.symbol(c.compare()));
		String required = RuleConditions.Check.show(c.required()) + unit;
		if (c.parameter() != null) {
			p.cite(required, "PARAMETER", c.parameter(), null, c.required()).append("（参数 ")
				.cite(c.parameter(), "LABEL", "parameter", null, c.parameter()).append("）");
		}
		else {
			p.cite(required, "CONDITION", c.label(), null, c.required());
		}
		p.append(state(c));
	}

	private static String state(RuleConditions.Check c) {
		if (!c.applies()) {
			return "（不适用）";
		}
		if (c.held() == null) {
			return "（无法从证据判断）";
		}
		return c.held() ? "（满足）" : "（不满足）";
	}

	private static void writeOtherParameters(Paragraph p, List<Explanation.Threshold> thresholds, List<RuleConditions.Check> checks) {
		List<Explanation.Threshold> others = thresholds.stream().filter(t -> t.compared().isEmpty()).toList();
		if (others.isEmpty()) {
			return;
		}
		p.append(checks.isEmpty() ? "适用参数：" : "其他参数：");
		for (int i = 0; i < others.size(); i++) {
			Explanation.Threshold t = others.get(i);
			if (i > 0) {
				p.append("；");
			}
			p.cite(t.label(), "LABEL", "parameters", null, t.label()).append("（").cite(t.parameter(), "LABEL", "parameter", null, t.parameter())
				.append("）");
			p.cite(t.text(), "PARAMETER", t.parameter(), null, t.value());
		}
		p.append("。");
	}

	private static void writeDecision(Paragraph p, Outcome o, EffectiveOutcome effective) {
		p.append("处理：").cite(o.getMeasureLabel(), "OUTCOME", "measure", null, o.getMeasure().name());
		if (o.getAmountYuan() != null) {
			p.append(" ").cite(Narration.yuan(o.getAmountYuan()), "OUTCOME", "amountYuan", null, o.getAmountYuan());
		}
		if (o.getFineRangeYuan() != null) {
			p.append("（法定幅度").cite(Narration.yuan(o.getFineRangeYuan().minYuan()), "OUTCOME", "fineRangeYuan.minYuan", null,
					o.getFineRangeYuan().minYuan()).append("至").cite(Narration.yuan(o.getFineRangeYuan().maxYuan()), "OUTCOME",
							"fineRangeYuan.maxYuan", null, o.getFineRangeYuan().maxYuan()).append("）");
		}
		if (o.getDurationDays() != null) {
			p.append("，期限").cite(o.getDurationDays() + "天", "OUTCOME", "durationDays", null, o.getDurationDays());
		}
		if (o.getDurationHours() != null) {
			p.append("，期限").cite(o.getDurationHours() + "小时", "OUTCOME", "durationHours", null, o.getDurationHours());
		}
		if (o.getTargetRole() != null) {
			p.append("，对象：").cite(o.getTargetRole().getLabel(), "OUTCOME", "targetRole", null, o.getTargetRole().name());
		}
		if (o.getRelatedSubject() != null) {
			p.append("，涉及").cite(o.getRelatedSubject().getName(), "OUTCOME", "relatedSubject.name", null, o.getRelatedSubject().getName());
		}
		p.append("。");
		if (!effective.status().equals("MACHINE")) {
			p.append("复核：").cite(effective.getStatusLabel(), "DECISION", "status", null, effective.status());
			if (effective.status().equals("AMENDED")) {
				p.append("为").cite(effective.getMeasureLabel(), "DECISION", "measure", null, effective.measure().name());
				if (effective.amountYuan() != null) {
					p.append(" ").cite(Narration.yuan(effective.amountYuan()), "DECISION", "amountYuan", null, effective.amountYuan());
				}
				if (effective.durationDays() != null) {
					p.append("，期限").cite(effective.durationDays() + "天", "DECISION", "durationDays", null, effective.durationDays());
				}
				if (effective.durationHours() != null) {
					p.append("，期限").cite(effective.durationHours() + "小时", "DECISION", "durationHours", null, effective.durationHours());
				}
			}
			p.append("（").cite(effective.decidedBy(), "DECISION", "decidedBy", null, effective.decidedBy()).append("，")
				.cite(effective.decidedAt().toLocalDate().toString(), "DECISION", "decidedAt", null, effective.decidedAt().toString())
				.append("）：").cite(effective.reason(), "DECISION", "reason", null, effective.reason()).append("。");
		}
	}

	private static void writeProvenance(Paragraph p, EvaluationRun run, Parameters parameters, boolean available, Ruleset ruleset) {
		p.append("规则集版本 ").cite(run.rulesetVersion(), "RUN", "rulesetVersion", null, run.rulesetVersion());
		if (!available) {
			p.append("（该版本文件已不可用，规则内容按现行版本 ").cite(ruleset.version(), "RUN", "explainedWith", null, ruleset.version())
				.append(" 说明）");
		}
		p.append("，参数版本自").cite(String.valueOf(parameters.getValidFrom()), "RUN", "parametersValidFrom", null,
				String.valueOf(parameters.getValidFrom())).append("起施行，事实哈希 ")
			.cite(run.factsHash(), "RUN", "factsHash", null, run.factsHash()).append("，评估运行 ")
			.cite(run.runId(), "RUN", "runId", null, run.runId()).append("（")
			.cite("第" + run.runNumber() + "次", "RUN", "runNumber", null, run.runNumber()).append("，判定日")
			.cite(run.asOf().toString(), "RUN", "asOf", null, run.asOf().toString()).append("）。");
	}

	private static void end(Paragraph p) {
		if (p.lastChar() != '。') {
			p.append("。");
		}
	}

}
