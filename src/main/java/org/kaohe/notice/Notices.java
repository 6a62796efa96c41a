package org.kaohe.notice;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import org.kaohe.appeal.Appeals;
import org.kaohe.appeal.EffectiveOutcome;
import org.kaohe.appeal.OutcomeRecord;
import org.kaohe.engine.Ruleset;
import org.kaohe.evaluation.EvaluationRun;
import org.kaohe.evaluation.EvaluationRuns;
import org.kaohe.evaluation.StoredOutcomes;
import org.kaohe.facts.Granularity;
import org.kaohe.facts.Narration;
import org.kaohe.facts.Period;
import org.kaohe.history.RankView;
import org.kaohe.outcome.Measure;
import org.kaohe.outcome.Outcome;
import org.kaohe.outcome.OutcomeKind;
import org.kaohe.rules.Parameters;
import org.kaohe.ruleset.RulesetVersions;
import org.kaohe.system.ProblemException;

/**
 * Composes the notice (通报) of a stored run: {@code GET /api/v1/evaluations/{runId}/notice}.
 *
 * <p>Every outcome is shown as in force after appeals: amended ones with the amended measure and
 * amount and a note of what the machine decided, revoked ones left out (and counted). Sections follow
 * the six kinds, commendations first; within a section entries are grouped by rule, each group with
 * the basis it rests on; the money totals are those in force, with the machine's beside them when a
 * review changed them.
 */
@Service
public class Notices {

	/** The sections in the order of the notice, with their titles. */
	private static final Map<OutcomeKind, String> SECTIONS = new LinkedHashMap<>();

	static {
		SECTIONS.put(OutcomeKind.COMMENDATION, "通报表彰");
		SECTIONS.put(OutcomeKind.WARNING, "通报批评");
		SECTIONS.put(OutcomeKind.INTERVIEW, "约谈");
		SECTIONS.put(OutcomeKind.FINE, "财政扣款与罚款建议");
		SECTIONS.put(OutcomeKind.ORDER, "停工整改与处置");
		SECTIONS.put(OutcomeKind.ACCOUNTABILITY, "问责");
	}

	private static final String[] DIGITS = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private final EvaluationRuns runs;

	private final StoredOutcomes outcomes;

	private final Appeals appeals;

	private final RulesetVersions rulesets;

	private final NoticeProperties properties;

	Notices(EvaluationRuns runs, StoredOutcomes outcomes, Appeals appeals, RulesetVersions rulesets, NoticeProperties properties) {
		this.runs = runs;
		this.outcomes = outcomes;
		this.appeals = appeals;
		this.rulesets = rulesets;
		this.properties = properties;
	}

	/**
	 * The notice of a run.
	 *
	 * @param date the issuing date printed on it
	 * @throws org.kaohe.system.NotFoundException when the run does not exist
	 */
	public NoticeDocument compose(String runId, LocalDate date) {
		EvaluationRun run = this.runs.run(runId);
		List<OutcomeRecord> records = this.appeals.records(this.outcomes.ofRun(runId));
		Ruleset ruleset;
		try {
			ruleset = this.rulesets.rulesetFor(run.rulesetVersion());
		}
		catch (ProblemException ex) {
			ruleset = this.rulesets.rulesetFor(null);
		}
		Parameters parameters = ruleset.parametersFor(run.period());

		Map<OutcomeKind, List<OutcomeRecord>> byKind = new EnumMap<>(OutcomeKind.class);
		int revoked = 0;
		int amended = 0;
		for (OutcomeRecord r : records) {
			EffectiveOutcome e = r.effective();
			if (!e.inForce()) {
				revoked++;
				continue;
			}
			if (e.status().equals("AMENDED")) {
				amended++;
			}
			byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(r);
		}
		NoticeDocument.Totals totals = totals(records, revoked, amended);

		List<NoticeDocument.Section> sections = new ArrayList<>();
		int number = 2;
		for (Map.Entry<OutcomeKind, String> s : SECTIONS.entrySet()) {
			List<OutcomeRecord> in = byKind.getOrDefault(s.getKey(), List.of());
			sections.add(new NoticeDocument.Section(ordinal(number++), s.getValue(), s.getKey(), summary(s.getKey(), s.getValue(), in),
					groups(in)));
		}
		String periodLabel = run.period().toChinese();
		String title = "关于" + periodLabel + "大气污染防治攻坚考核结果的通报";
		String introduction = "为深入推进大气污染防治攻坚，严格落实《环境污染防治责任追究办法（试行）》等有关规定，" + this.properties.issuer()
				+ "依据各县（市、区）、市直有关部门、重点企业和施工工地上报及督查核实的事实，对" + periodLabel
				+ "大气污染防治攻坚工作进行了考核评估。现将有关情况通报如下：";
		return new NoticeDocument(this.properties.issuer(), this.properties.numberPrefix() + "〔" + date.getYear() + "〕　号", title,
				chinese(date), run.period(), runId, run.rulesetVersion(), run.factsHash(), "各县（市、区）人民政府，市直有关部门：", introduction,
				overview(run, byKind, totals, records.size()), sections, rankings(this.outcomes.ranks(runId), run.period(), parameters),
				requirements(), totals);
	}

	private static NoticeDocument.Totals totals(List<OutcomeRecord> records, int revoked, int amended) {
		long deduction = 0;
		long reward = 0;
		long fines = 0;
		long machineDeduction = 0;
		long machineReward = 0;
		long machineFines = 0;
		int entries = 0;
		for (OutcomeRecord r : records) {
			Outcome o = r.outcome();
			long m = (o.getAmountYuan() != null) ? o.getAmountYuan() : 0;
			switch (o.getMeasure()) {
				case FISCAL_DEDUCTION -> machineDeduction += m;
				case FISCAL_REWARD -> machineReward += m;
				case FINE_REFERRAL_MAX -> machineFines += m;
				default -> {
				}
			}
			EffectiveOutcome e = r.effective();
			if (!e.inForce()) {
				continue;
			}
			entries++;
			long a = (e.amountYuan() != null) ? e.amountYuan() : 0;
			switch (e.measure()) {
				case FISCAL_DEDUCTION -> deduction += a;
				case FISCAL_REWARD -> reward += a;
				case FINE_REFERRAL_MAX -> fines += a;
				default -> {
				}
			}
		}
		return new NoticeDocument.Totals(deduction, reward, fines, machineDeduction, machineReward, machineFines, entries, revoked, amended);
	}

	private static List<String> overview(EvaluationRun run, Map<OutcomeKind, List<OutcomeRecord>> byKind, NoticeDocument.Totals t,
			int machineCount) {
		List<String> paragraphs = new ArrayList<>();
		Set<String> units = new LinkedHashSet<>();
		byKind.values().forEach(list -> list.forEach(r -> units.add(r.outcome().getSubject().getId())));
		StringBuilder counts = new StringBuilder(run.period().toChinese()).append("，共对").append(units.size()).append("个单位（个人）作出处理结论")
			.append(t.entries()).append("项，其中");
		List<String> parts = new ArrayList<>();
		SECTIONS.forEach((kind, title) -> parts.add(title + byKind.getOrDefault(kind, List.of()).size() + "项"));
		counts.append(String.join("、", parts)).append("。");
		paragraphs.add(counts.toString());
		paragraphs.add("财政扣款合计" + Narration.yuan(t.deductionYuan()) + "，财政奖励合计" + Narration.yuan(t.rewardYuan()) + "，顶格处罚建议合计"
				+ Narration.yuan(t.maximumFineYuan()) + "（其余罚款建议按法定幅度移送执法部门依法决定）。");
		if (t.amended() > 0 || t.revoked() > 0) {
			paragraphs.add("经申诉复核，变更结论" + t.amended() + "项、撤销结论" + t.revoked() + "项（撤销的结论不再通报）；机器评估原结论" + machineCount
					+ "项，财政扣款" + Narration.yuan(t.machineDeductionYuan()) + "、财政奖励" + Narration.yuan(t.machineRewardYuan())
					+ "、顶格处罚建议" + Narration.yuan(t.machineMaximumFineYuan()) + "。本通报所列为复核后的结论和金额。");
		}
		paragraphs.add("本通报依据评估运行 " + run.runId() + "（规则集版本 " + shortHash(run.rulesetVersion()) + "，事实哈希 "
				+ shortHash(run.factsHash()) + "，判定日 " + run.asOf() + "）生成，各项结论的事实、依据和比对过程可在考核系统中逐项查询。");
		return paragraphs;
	}

	private static String summary(OutcomeKind kind, String title, List<OutcomeRecord> in) {
		if (in.isEmpty()) {
			return "本期无。";
		}
		long units = in.stream().map(r -> r.outcome().getSubject().getId()).distinct().count();
		StringBuilder sb = new StringBuilder("本期共").append(units).append("个单位（个人）涉及").append(title).append("，计").append(in.size()).append("项");
		Map<Measure, Long> money = new TreeMap<>();
		for (OutcomeRecord r : in) {
			EffectiveOutcome e = r.effective();
			if (e.amountYuan() != null && e.measure().isMonetary()) {
				money.merge(e.measure(), e.amountYuan(), Long::sum);
			}
		}
		money.forEach((m, v) -> sb.append("；").append(m.getLabel()).append("合计").append(Narration.yuan(v)));
		return sb.append("。").toString();
	}

	private static List<NoticeDocument.RuleGroup> groups(List<OutcomeRecord> in) {
		Map<String, List<OutcomeRecord>> byRule = new TreeMap<>(Comparator.comparing(Notices::ruleOrder).thenComparing(s -> s));
		in.forEach(r -> byRule.computeIfAbsent(r.outcome().getRuleId() + "|" + r.outcome().getRuleName(), k -> new ArrayList<>()).add(r));
		List<NoticeDocument.RuleGroup> groups = new ArrayList<>();
		int g = 1;
		for (List<OutcomeRecord> list : byRule.values()) {
			Outcome first = list.get(0).outcome();
			List<NoticeDocument.Entry> entries = new ArrayList<>();
			// by unit, then by what happened (reasons begin with the unit and the week or month), then by measure
			list.sort(Comparator.comparing((OutcomeRecord r) -> r.outcome().getSubject().getId())
				.thenComparing(r -> r.outcome().getReason())
				.thenComparing(r -> r.outcome().getMeasure())
				.thenComparing(r -> r.outcome().getId()));
			int n = 1;
			for (OutcomeRecord r : list) {
				entries.add(new NoticeDocument.Entry(n++, r.outcome().getSubject().getName(), r.outcome().getSubject().getId(),
						measure(r.effective(), r.outcome()), r.outcome().getReason(), review(r), r.outcome().getId()));
			}
			groups.add(new NoticeDocument.RuleGroup("（" + ordinal(g++) + "）", first.getRuleId(), first.getRuleName(), first.getBasis(),
					entries));
		}
		return groups;
	}

	/** R-SITE-02 before R-SITE-10: the family, then the number. */
	private static String ruleOrder(String key) {
		String id = key.substring(0, key.indexOf('|'));
		int dash = id.lastIndexOf('-');
		try {
			return id.substring(0, dash) + String.format("%04d", Integer.parseInt(id.substring(dash + 1)));
		}
		catch (RuntimeException ex) {
			return id;
		}
	}

	/** "财政扣款 100万元", "停工整改（90天）", "公开约谈（约谈对象：政府主要负责人）". */
	static String measure(EffectiveOutcome e, Outcome o) {
		StringBuilder sb = new StringBuilder(e.measure().getLabel());
		if (e.amountYuan() != null) {
			sb.append(" ").append(Narration.yuan(e.amountYuan()));
		}
		else if (o.getFineRangeYuan() != null && e.measure() == o.getMeasure()) {
			sb.append("（").append(Narration.yuan(o.getFineRangeYuan().minYuan())).append("至").append(Narration.yuan(o.getFineRangeYuan().maxYuan()))
				.append("）");
		}
		if (e.durationDays() != null) {
			sb.append("（").append(e.durationDays()).append("天）");
		}
		if (e.durationHours() != null) {
			sb.append("（").append(e.durationHours()).append("小时）");
		}
		if (o.getTargetRole() != null) {
			sb.append("（对象：").append(o.getTargetRole().getLabel()).append("）");
		}
		return sb.toString();
	}

	private static String review(OutcomeRecord r) {
		EffectiveOutcome e = r.effective();
		if (!e.status().equals("AMENDED")) {
			return null;
		}
		return "经复核变更，原为" + measure(EffectiveOutcome.machine(r.outcome()), r.outcome()) + "；复核理由：" + e.reason();
	}

	private static List<NoticeDocument.RankTable> rankings(List<RankView> ranks, Period period, Parameters parameters) {
		List<RankView> chosen = ranks.stream().filter(r -> r.period().equals(period)).toList();
		if (chosen.isEmpty()) {
			Period lastMonth = ranks.stream()
				.map(RankView::period)
				.filter(p -> p.getGranularity() == Granularity.MONTH)
				.max(Comparator.naturalOrder())
				.orElse(null);
			chosen = ranks.stream().filter(r -> r.period().equals(lastMonth)).toList();
		}
		if (chosen.isEmpty()) {
			return List.of();
		}
		String lead = parameters.isDeclared("quarterlyRankIndicator") ? parameters.text("quarterlyRankIndicator") : null;
		Map<String, Map<String, Map<String, RankView>>> byGroup = new TreeMap<>(Comparator.comparing((String g) -> g.equals("—") ? 1 : 0)
			.thenComparing(Comparator.reverseOrder()));
		for (RankView r : chosen) {
			byGroup.computeIfAbsent(Objects.requireNonNullElse(r.group(), "—"), k -> new TreeMap<>())
				.computeIfAbsent(r.indicator(), k -> new LinkedHashMap<>())
				.put(r.subjectId(), r);
		}
		List<NoticeDocument.RankTable> tables = new ArrayList<>();
		for (Map.Entry<String, Map<String, Map<String, RankView>>> g : byGroup.entrySet()) {
			List<String> indicators = new ArrayList<>(g.getValue().keySet());
			if (lead != null && indicators.remove(lead)) {
				indicators.add(0, lead);
			}
			Map<String, RankView> first = g.getValue().get(indicators.get(0));
			List<String> columns = new ArrayList<>(List.of("名次", "单位"));
			indicators.forEach(i -> columns.add(parameters.indicatorLabel(i)));
			List<List<String>> rows = new ArrayList<>();
			first.values()
				.stream()
				.sorted(Comparator.comparingInt(RankView::rank).thenComparing(RankView::subjectId))
				.forEach(r -> {
					List<String> row = new ArrayList<>(List.of(String.valueOf(r.rank()), r.subjectName()));
					for (String i : indicators) {
						RankView v = g.getValue().get(i).get(r.subjectId());
						row.add((v == null) ? "—" : ((v.value() != null) ? Narration.number(v.value()) : "") + "（第" + v.rank() + "名）");
					}
					rows.add(row);
				});
			tables.add(new NoticeDocument.RankTable(g.getKey() + " " + chosen.get(0).period().toChinese() + "排名", columns, rows));
		}
		return tables;
	}

	private static List<String> requirements() {
		return List.of("各有关单位要对照通报的问题，举一反三、立行立改，将整改落实情况按规定时限报市攻坚办。",
				"被约谈、挂牌督办和问责单位的主要负责同志要亲自研究部署，制定整改方案，明确责任人和完成时限。",
				"对通报结果有异议的，可自收到本通报之日起十个工作日内通过考核系统提出申诉，并附有关证明材料；复核结果另行通知，复核期间不停止执行。");
	}

	/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
	static String ordinal(int n) {
		if (n <= 10) {
			return DIGITS[n];
		}
		if (n < 20) {
			return "十" + DIGITS[n - 10];
		}
		return DIGITS[n / 10] + "十" + ((n % 10 == 0) ? "" : DIGITS[n % 10]);
	}

	/** 2026年10月8日. */
	static String chinese(LocalDate date) {
		return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
	}

	private static String shortHash(String hash) {
		if (hash == null) {
			return "";
		}
		String h = hash.startsWith("sha256:") ? hash.substring(7) : hash;
		return "sha256:" + h.substring(0, Math.min(12, h.length()));
	}

	/**
	 * The notice of a run in a format.
	 *
	 * @param format {@code docx}, {@code html} or {@code pdf}
	 * @param date the issuing date printed on it
	 */
	public Rendered render(String runId, String format, LocalDate date) {
		NoticeDocument notice = compose(runId, date);
		String base = "notice-" + notice.period() + "-" + runId.substring(0, Math.min(8, runId.length()));
		return switch (format) {
			case "docx" -> new Rendered(DocxNotice.render(notice),
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", base + ".docx");
			case "pdf" -> new Rendered(PdfNotice.render(notice, this.properties.fonts()), "application/pdf", base + ".pdf");
			case "html" -> new Rendered(HtmlNotice.render(notice, true).getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"text/html;charset=UTF-8", base + ".html");
			default -> throw new org.kaohe.system.BadRequestException(
					"format 须为 docx、html 或 pdf / format must be docx, html or pdf: " + format);
		};
	}

	/**
	 * A rendered notice.
	 *
	 * @param content the bytes
	 * @param contentType its media type
	 * @param fileName a file name for downloads
	 */
	public record Rendered(byte[] content, String contentType, String fileName) {
	}

}
