package org.kaohe.explanation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.kaohe.facts.AlertLevel;
import org.kaohe.facts.ExposureSource;
import org.kaohe.facts.InterviewType;
import org.kaohe.facts.IssueCategory;
import org.kaohe.facts.IssueSource;
import org.kaohe.facts.Narration;
import org.kaohe.facts.ViolationType;
import org.kaohe.outcome.Measure;
import org.kaohe.rules.ChecklistProfile;
import org.kaohe.rules.Parameters;

/**
 * One evidence row in a Chinese phrase, citing every value it shows: "2026-08 PM2.5月排名 城区组第8名（共8个，
 * 倒数第1），月均值34µg/m³". Codes are shown by their Chinese names; values by {@link Narration}.
 */
final class EvidenceSentences {

	private final Parameters parameters;

	EvidenceSentences(Parameters parameters) {
		this.parameters = parameters;
	}

	/** Writes row {@code i} into {@code p}. */
	void write(Paragraph p, Map<String, Object> row, int i) {
		String table = String.valueOf(row.get("table"));
		Writer w = new Writer(p, row, i);
		switch (table) {
			case "rankings" -> rank(w);
			case "measurements" -> measurement(w);
			case "inspections" -> inspection(w);
			case "tasks" -> task(w);
			case "issues" -> issue(w);
			case "violations" -> violation(w);
			case "exposures" -> exposure(w);
			case "supervision" -> supervision(w);
			case "interviews" -> interview(w);
			case "monitoringAlarms" -> alarm(w);
			case "outcomes" -> outcome(w);
			case "subjects" -> subject(w);
			default -> other(w);
		}
	}

	private void rank(Writer w) {
		String indicator = String.valueOf(w.row.get("indicator"));
		w.value("period").text(" ").citeValue(this.parameters.indicatorLabel(indicator), "indicator", indicator).text("排名");
		if (w.row.get("group") != null) {
			w.value("group");
		}
		w.cite("rank", "第", "名").text("（").cite("of", "共", "个").text("，").cite("rankFromBottom", "倒数第", "").text("）");
		if (w.row.get("value") != null) {
			w.text("，数值").cite("value", "", unitOf(indicator));
		}
		if (w.row.get("groupMean") != null) {
			w.text("，组内均值").cite("groupMean", "", unitOf(indicator));
		}
		if ("OFFICIAL".equals(w.row.get("source"))) {
			w.text("（官方排名）");
		}
	}

	private void measurement(Writer w) {
		String indicator = String.valueOf(w.row.get("indicator"));
		w.value("period").text(" ").citeValue(this.parameters.indicatorLabel(indicator), "indicator", indicator).text(" ")
			.cite("value", "", unitOf(indicator));
		if (w.row.get("target") != null) {
			w.text("（目标").cite("target", "", unitOf(indicator)).text("）");
		}
		if (w.row.get("yoyChangePct") != null) {
			w.text("，同比").cite("yoyChangePct", "", "%");
		}
	}

	private void inspection(Writer w) {
		w.cite("at", "", "").text(" ").value("by").text("检查（").value("id").text("）");
		Object failed = w.row.get("failedItems");
		if (failed instanceof Collection<?> items && !items.isEmpty()) {
			ChecklistProfile checklist = this.parameters.checklist();
			List<String> labels = new ArrayList<>();
			for (Object code : items) {
				labels.add((checklist != null) ? checklist.labelOf(String.valueOf(code)) : String.valueOf(code));
			}
			w.text("，不达标项：").text(String.join("、", labels)).text("（").citeValue(items.size() + "项", "failedItems.size", items.size())
				.text("）");
		}
		else {
			w.text("，七个百分之百均达标");
		}
		if (Boolean.TRUE.equals(w.row.get("earthworkObserved"))) {
			w.text("，发现涉土作业");
			if (Boolean.FALSE.equals(w.row.get("nightPermit"))) {
				w.text("（无夜间施工许可）");
			}
		}
		Object alert = w.row.get("alertLevel");
		if (alert != null && !"NONE".equals(alert)) {
			w.text("，").text(label(AlertLevel.class, alert)).text("期间");
		}
		if (Boolean.FALSE.equals(w.row.get("oneChiefThreeOfficers"))) {
			w.text("，“一长三员”未落实");
		}
		if (number(w.row.get("trucksUnsealed")) + number(w.row.get("trucksWithoutGps")) > 0) {
			w.text("，渣土车未密闭").cite("trucksUnsealed", "", "辆").text("、无卫星定位").cite("trucksWithoutGps", "", "辆");
		}
		if (Boolean.TRUE.equals(w.row.get("exposed"))) {
			w.text("，被曝光");
		}
	}

	private void task(Writer w) {
		w.text("任务“").value("title").text("”（").value("id").text("）计划").cite("planned", "", unit(w)).text("、完成")
			.cite("done", "", unit(w)).text("，时间节点").value("due");
		if (w.row.get("completedOn") != null) {
			w.text("，").value("completedOn").text("完成");
		}
		if (number(w.row.get("daysOverdue")) > 0) {
			w.text("，逾期").cite("daysOverdue", "", "天");
		}
	}

	private static String unit(Writer w) {
		Object u = w.row.get("unit");
		return (u != null) ? u.toString() : "";
	}

	private void issue(Writer w) {
		w.text("督查问题").value("id").text("（").text(label(IssueCategory.class, w.row.get("category"))).text("，")
			.text(label(IssueSource.class, w.row.get("source"))).text("）发现于").value("foundOn").text("，整改期限").value("deadline");
		if (w.row.get("rectifiedOn") != null) {
			w.text("，").value("rectifiedOn").text("整改");
		}
		if (w.row.get("closedOn") != null) {
			w.text("，").value("closedOn").text("销号");
		}
		if (number(w.row.get("daysOverdue")) > 0) {
			w.text("，逾期").cite("daysOverdue", "", "天");
		}
	}

	private void violation(Writer w) {
		w.value("on").text(" ").text(label(ViolationType.class, w.row.get("type"))).text("（").value("id").text("）");
		if (w.row.get("foundBy") != null) {
			w.text("，").value("foundBy").text("发现");
		}
		if (Boolean.TRUE.equals(w.row.get("refusedToCorrect"))) {
			w.text("，拒不改正");
		}
	}

	private void exposure(Writer w) {
		w.value("on").text(" 被").text(label(ExposureSource.class, w.row.get("source"))).text("曝光");
	}

	private void supervision(Writer w) {
		w.text("自查发现问题").cite("selfFoundProblems", "", "个").text("、上级发现问题").cite("higherFoundProblems", "", "个");
		if (Boolean.TRUE.equals(w.row.get("selfReportedAllCompliant"))) {
			w.text("，自报全部达标");
		}
	}

	private void interview(Writer w) {
		w.value("on").text(" ").text(label(InterviewType.class, w.row.get("type")));
		Object improved = w.row.get("improvedAfter");
		if (improved != null) {
			w.text(Boolean.TRUE.equals(improved) ? "，其后有改进" : "，其后无改进");
		}
	}

	private void alarm(Writer w) {
		w.cite("at", "", "").text(" 扬尘在线监测超标持续").cite("minutesOver", "", "分钟");
		if (w.row.get("peakPm10") != null) {
			w.text("，峰值").cite("peakPm10", "", "µg/m³");
		}
	}

	private void outcome(Writer w) {
		w.value("period").text(" ").value("ruleId").text(" ");
		Object measure = w.row.get("measure");
		try {
			w.text(Measure.valueOf(String.valueOf(measure)).getLabel());
		}
		catch (IllegalArgumentException ex) {
			w.text(String.valueOf(measure));
		}
		if (w.row.get("amountYuan") instanceof Number n) {
			w.text(" ").citeValue(Narration.yuan(n.longValue()), "amountYuan", n);
		}
	}

	private void subject(Writer w) {
		w.value("name").text("（").value("id").text("）");
		if (w.row.get("distanceToStationM") != null) {
			w.text("，距国控监测站点").cite("distanceToStationM", "", "米");
		}
		if (w.row.get("status") != null && "SITE".equals(w.row.get("type"))) {
			w.text("，状态").value("status");
			if (w.row.get("startAcceptancePassed") != null) {
				w.text(Boolean.TRUE.equals(w.row.get("startAcceptancePassed")) ? "，已通过开复工验收" : "，未通过开复工验收");
			}
		}
		if (w.row.get("cropAreaMu") != null) {
			w.text("，农作物面积").cite("cropAreaMu", "", "亩");
		}
	}

	private static void other(Writer w) {
		w.text(String.valueOf(w.row.get("table"))).text("：").text(String.valueOf(w.row));
	}

	private String unitOf(String indicator) {
		var d = this.parameters.indicator(indicator);
		return (d != null && d.unit() != null) ? d.unit() : "";
	}

	private static double number(Object v) {
		return (v instanceof Number n) ? n.doubleValue() : 0;
	}

	/** The Chinese label of an enumeration value, or the value itself. */
	static String label(Class<? extends Enum<?>> type, Object value) {
		if (value == null) {
			return "";
		}
		String name = value.toString();
		try {
			if (type == AlertLevel.class) {
				return AlertLevel.valueOf(name).getLabel();
			}
			if (type == ViolationType.class) {
				return ViolationType.valueOf(name).getLabel();
			}
			if (type == IssueCategory.class) {
				return IssueCategory.valueOf(name).getLabel();
			}
			if (type == IssueSource.class) {
				return IssueSource.valueOf(name).getLabel();
			}
			if (type == ExposureSource.class) {
				return ExposureSource.valueOf(name).getLabel();
			}
			if (type == InterviewType.class) {
				return InterviewType.valueOf(name).getLabel();
			}
		}
		catch (IllegalArgumentException ex) {
			// an unknown code is shown as it is
		}
		return name;
	}

	/** Shows a value as the paragraph does: numbers without trailing zeros. */
	static String show(Object v) {
		if (v instanceof Double || v instanceof Float) {
			return Narration.number(((Number) v).doubleValue());
		}
		if (v instanceof Boolean b) {
			return b ? "是" : "否";
		}
		return String.valueOf(v);
	}

	/** Appends the phrases of one row, citing each value. */
	private static final class Writer {

		private final Paragraph p;

		private final Map<String, Object> row;

		private final int index;

		Writer(Paragraph p, Map<String, Object> row, int index) {
			this.p = p;
			this.row = row;
			this.index = index;
		}

		Writer text(String s) {
			this.p.append(s);
			return this;
		}

		/** A field shown as it is (dates, ids, names), cited. */
		Writer value(String field) {
			Object v = this.row.get(field);
			if (v != null) {
				this.p.cite(show(v), "EVIDENCE", field, this.index, v);
			}
			return this;
		}

		/** "第" + value + "名": the whole piece is cited, so a reader sees what the number was. */
		Writer cite(String field, String before, String after) {
			Object v = this.row.get(field);
			if (v == null) {
				return this;
			}
			String shown = field.equals("at") ? v.toString().replace('T', ' ') : show(v);
			this.p.cite(before + shown + after, "EVIDENCE", field, this.index, v);
			return this;
		}

		Writer citeValue(String shown, String field, Object value) {
			this.p.cite(shown, "EVIDENCE", field, this.index, value);
			return this;
		}

	}

}
