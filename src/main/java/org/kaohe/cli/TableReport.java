package org.kaohe.cli;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.kaohe.engine.EvaluationResult;
import org.kaohe.facts.Narration;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;

/**
 * The readable Chinese report of {@code evaluate --format table}: a summary line, then the outcomes
 * grouped by kind, each with its unit, measure, rule, reason, basis and evidence.
 */
final class TableReport {

	private TableReport() {
	}

	static void print(EvaluationResult result, PrintStream out) {
		List<Outcome> outcomes = result.outcomes();
		out.println("考核结果 " + result.period().toChinese() + "（" + result.period() + "）");
		out.println("规则版本 " + result.rulesetVersion() + "；参数版本自 " + result.parametersValidFrom() + " 起生效；判定日 "
				+ result.asOf());
		Map<OutcomeKind, List<Outcome>> byKind = new EnumMap<>(OutcomeKind.class);
		outcomes.forEach(o -> byKind.computeIfAbsent(o.getKind(), k -> new java.util.ArrayList<>()).add(o));
		String counts = byKind.entrySet()
			.stream()
			.map(e -> e.getKey().getLabel() + " " + e.getValue().size() + " 项")
			.collect(Collectors.joining("，"));
		out.println("共 " + outcomes.size() + " 项结论" + (outcomes.isEmpty() ? "。" : "：" + counts + "。"));
		long deducted = sum(outcomes, Measure.FISCAL_DEDUCTION);
		long rewarded = sum(outcomes, Measure.FISCAL_REWARD);
		long fines = sum(outcomes, Measure.FINE_REFERRAL_MAX);
		if (deducted + rewarded + fines > 0) {
			out.println("财政扣款合计 " + Narration.yuan(deducted) + "，财政奖励合计 " + Narration.yuan(rewarded) + "，顶格处罚建议合计 "
					+ Narration.yuan(fines) + "。");
		}
		for (Map.Entry<OutcomeKind, List<Outcome>> e : byKind.entrySet()) {
			out.println();
			out.println("【" + e.getKey().getLabel() + "】" + e.getKey() + "（" + e.getValue().size() + " 项）");
			int n = 0;
			for (Outcome o : e.getValue()) {
				n++;
				StringBuilder head = new StringBuilder().append(String.format("%3d. ", n))
					.append(o.getSubject().getName())
					.append("（")
					.append(o.getSubject().getType().getLabel())
					.append(" ")
					.append(o.getSubject().getId())
					.append("）· ")
					.append(o.getMeasureLabel());
				if (o.getAmountYuan() != null) {
					head.append(" ").append(Narration.yuan(o.getAmountYuan()));
				}
				if (o.getFineRangeYuan() != null && o.getMeasure() != Measure.FINE_REFERRAL_MAX) {
					head.append("（法定幅度 ")
						.append(Narration.yuan(o.getFineRangeYuan().minYuan()))
						.append("–")
						.append(Narration.yuan(o.getFineRangeYuan().maxYuan()))
						.append("）");
				}
				if (o.getDurationDays() != null) {
					head.append(" ").append(o.getDurationDays()).append("天");
				}
				if (o.getDurationHours() != null) {
					head.append(" ").append(o.getDurationHours()).append("小时");
				}
				head.append(" · 严重程度 ").append(o.getSeverity());
				out.println(head);
				out.println("     规则：" + o.getRuleId() + " " + o.getRuleName());
				out.println("     理由：" + o.getReason());
				out.println("     依据：" + o.getBasis());
				out.println("     证据：" + o.getEvidence().stream().map(TableReport::evidence).collect(Collectors.joining("；")));
			}
		}
	}

	private static long sum(List<Outcome> outcomes, Measure measure) {
		return outcomes.stream()
			.filter(o -> o.getMeasure() == measure && o.getAmountYuan() != null)
			.mapToLong(Outcome::getAmountYuan)
			.sum();
	}

	private static String evidence(Map<String, Object> row) {
		return row.entrySet()
			.stream()
			.map(e -> e.getKey().equals("table") ? String.valueOf(e.getValue()) : e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(" "));
	}

}
