package org.kaohe.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.kaohe.demo.AirQuality.Alert;
import org.kaohe.demo.DemoCity.County;
import org.kaohe.demo.DemoCity.Dept;
import org.kaohe.demo.DemoCity.Ent;
import org.kaohe.demo.DemoFacts.Reading;
import org.kaohe.facts.Period;

/** Writes {@code fixtures/demo-city/README.md} (Chinese first, English summary) from the generated facts. */
final class DemoCityReadme {

	/** What each county stands for in the demo. */
	private static final Map<String, String> PROFILES = Map.ofEntries(
			Map.entry("C01", "中心城区，空气质量常年领先；地铁1号线河图广场站紧邻国控站点"),
			Map.entry("C02", "老工业区（铸造、耐材），第二批重污染企业退城搬迁滞后；PM2.5月排名约谈阶梯"),
			Map.entry("C03", "老城区，夜间违规土石方作业多发，道路积尘连续超标"),
			Map.entry("C04", "南部新区，工地最多（地铁、高层、道路）；PM2.5同比连续三个月上升"),
			Map.entry("C05", "城南居住区，道路积尘、问题整改逾期"),
			Map.entry("C06", "北部山前工业区（水泥、砖瓦、石料），年度考核倒数第一且工地被曝光"),
			Map.entry("C07", "高新区管委会，集中供热管网改造"),
			Map.entry("C08", "经开区管委会，化工、涂装企业集中；臭氧预警期间应急减排不力"),
			Map.entry("C09", "焦化、碳素、耐材大县；焦炉烟气泄露被省通报；秋收期火点"),
			Map.entry("C10", "铝、钼、碳素产业县；预警期间企业屡次不停产；年度考核后三位且被通报"),
			Map.entry("C11", "水泥、砖瓦产业县；综合指数连续两季度末位，年度考核不合格"),
			Map.entry("C12", "铸造、化工；“双替代”严重滞后，县长约谈后无改进再被约谈"),
			Map.entry("C13", "山区县，空气质量县组第一；“散乱污”加工点死灰复燃"),
			Map.entry("C14", "县级市，钢铁、铸造、耐材；应急管控违规、季度考核连续后三位"),
			Map.entry("C15", "县级市，电厂、耐材、碳素；监测数据造假、企业一年内三次违法"));

	private static final Map<String, String> SECTOR_LABELS = Map.ofEntries(Map.entry("ECOLOGY", "生态环境"),
			Map.entry("CONSTRUCTION", "住房城乡建设"), Map.entry("URBAN_MANAGEMENT", "城市管理"), Map.entry("TRANSPORT", "交通运输"),
			Map.entry("INDUSTRY", "工业和信息化"), Map.entry("PUBLIC_SECURITY", "公安"), Map.entry("AGRICULTURE", "农业农村"),
			Map.entry("NATURAL_RESOURCES", "自然资源"), Map.entry("WATER", "水利"), Map.entry("OTHER", "其他"));

	private static final Map<String, String> INDUSTRY_LABELS = Map.ofEntries(Map.entry("POWER", "电力"),
			Map.entry("CEMENT", "水泥"), Map.entry("CARBON", "碳素"), Map.entry("COKING", "焦化"), Map.entry("BRICK", "砖瓦"),
			Map.entry("NONFERROUS", "有色"), Map.entry("FOUNDRY", "铸造"), Map.entry("REFRACTORY", "耐火材料"),
			Map.entry("CHEMICAL", "化工"), Map.entry("STEEL", "钢铁"), Map.entry("GLASS", "玻璃"),
			Map.entry("CONSTRUCTION", "建筑施工"), Map.entry("OTHER", "其他"));

	private final DemoCity city;

	private final DemoFacts facts;

	private final AirQuality.Plan plan;

	private final List<PlantedCase> cases;

	private final Map<Quarter, Map<String, List<Map<String, Object>>>> documents;

	private final StringBuilder out = new StringBuilder();

	DemoCityReadme(DemoCity city, DemoFacts facts, AirQuality.Plan plan, List<PlantedCase> cases,
			Map<Quarter, Map<String, List<Map<String, Object>>>> documents) {
		this.city = city;
		this.facts = facts;
		this.plan = plan;
		this.cases = cases;
		this.documents = documents;
	}

	String render() {
		long enterprises = this.city.enterprises.size();
		long builders = this.city.enterprises.stream().filter(e -> e.industry.equals("CONSTRUCTION")).count();
		line("# 洛州市考核演示数据（虚构）");
		line();
		line("> 本目录的文件由 `src/test/java/org/kaohe/demo/DemoCityGenerator.java` 生成，`DemoCityTests` 校验文件与生成器输出逐字节一致。");
		line("> 请勿手工修改；要调整案例，修改生成器（预设案例都在 `PlantedCases.java`）后重新生成（见文末）。");
		line();
		line("洛州市是一个**虚构的**豫西地级市，纳入汾渭平原大气污染防治重点区域，工业以焦化、碳素、水泥、耐火材料、铸造、有色冶炼为主，"
				+ "正在建设地铁和“引热入洛”集中供热管网。所有单位、企业、工地和人员名称均为虚构，如与真实名称相同纯属巧合。");
		line();
		line("- 县级单位 " + this.city.counties.size() + " 个，分两个排名组：城区组 " + this.city.group(DemoCity.URBAN).size()
				+ " 个（6个区和高新区、经开区两个管委会），县组 " + this.city.group(DemoCity.RURAL).size() + " 个（5个县、2个县级市）；");
		line("- 市直部门 " + this.city.departments.size() + " 个（其中 " + DemoCity.KEY_DEPARTMENTS.size() + " 个有行业监管职责并登记了领导）；");
		line("- 企业 " + enterprises + " 家（工业企业 " + (enterprises - builders) + " 家，施工企业 " + builders + " 家）；");
		line("- 施工工地 " + this.city.sites.size() + " 个（住宅、高层、地铁、热力管网、道路、市政、城中村拆迁等），其中距国控站点1公里以内的 "
				+ this.city.sites.stream().filter(s -> s.distanceToStationM <= 1000).count() + " 个；");
		line("- 责任人 " + this.city.persons.size() + " 名（每个县区的党委书记、政府负责人、分管负责人，重点部门的主要负责人和分管负责人）。");
		line();
		line("## 文件");
		line();
		line("四个季度的事实文档，编号在各季度保持不变；每个文档只含本季度的事实，未整改的问题和未完成的任务延续到下一季度（同一编号）。"
				+ "评估时前面的文件作为历史，最后一个文件被评估：");
		line();
		line("```");
		line("mvn -q package -DskipTests");
		line("java -jar target/kaohe.jar evaluate fixtures/demo-city/2025-Q4.json fixtures/demo-city/2026-Q1.json \\");
		line("     fixtures/demo-city/2026-Q2.json fixtures/demo-city/2026-Q3.json --format table");
		line("```");
		line();
		counts();
		line();
		line("指标：各县区每周（周四所在季度）和每月的 PM2.5、PM10（µg/m³），每月综合指数（含同比）、优良天数、秸秆焚烧火点，"
				+ "每季度综合指数、考核得分，城区和市城管局的道路积尘超标点位占比（%），2025-Q4 文档另含 2025 年度考核得分。"
				+ "2026-Q3 文档附省里对县组季度综合指数的官方排名（rankings，与计算结果一致，用于展示“官方排名优先”）。");
		line();
		line("重污染天气预警（检查记录的 `alertLevel` 据此填写）：");
		line();
		for (Alert a : this.plan.alerts) {
			line("- " + a.from() + " 至 " + a.to() + " " + a.what() + "（" + a.level() + "）");
		}
		line();
		line("## 县级单位");
		line();
		line("| 编号 | 名称 | 排名组 | 农作物面积（亩） | 企业 | 工地 | 在演示中的角色 |");
		line("|---|---|---|---:|---:|---:|---|");
		for (County c : this.city.counties) {
			long ents = this.city.enterprises.stream().filter(e -> e.county == c).count();
			long sites = this.city.sites.stream().filter(s -> s.county == c).count();
			line("| " + c.id + " | " + c.name + " | " + c.group + " | " + String.format(Locale.ROOT, "%,d", c.cropAreaMu) + " | " + ents + " | "
					+ sites + " | " + PROFILES.get(c.id) + " |");
		}
		line();
		line("## 市直部门");
		line();
		line("| 编号 | 名称 | 行业领域 | 登记的领导 |");
		line("|---|---|---|---|");
		for (Dept d : this.city.departments) {
			String leaders = (d.head != null) ? d.head.id + " " + d.head.name + "、" + d.deputy.id + " " + d.deputy.name : "";
			line("| " + d.id + " | " + d.name + " | " + d.sector + "（" + SECTOR_LABELS.get(d.sector) + "） | " + leaders + " |");
		}
		line();
		line("企业行业分布：" + this.city.enterprises.stream()
			.collect(Collectors.groupingBy(e -> e.industry, LinkedHashMap::new, Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(e -> INDUSTRY_LABELS.get(e.getKey()) + " " + e.getValue())
			.collect(Collectors.joining("，")) + "。");
		line();
		planted();
		line();
		natural();
		line();
		seeds();
		line();
		line("## 重新生成");
		line();
		line("```");
		line("mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt");
		line("java -cp \"target/test-classes:target/classes:$(cat target/cp.txt)\" org.kaohe.demo.DemoCityGenerator");
		line("mvn -q -Dtest=DemoCityTests test");
		line("```");
		line();
		line("随机部分使用固定种子的 `java.util.Random`，不读时钟，同一代码总是生成同样的文件。");
		line();
		english();
		return this.out.toString();
	}

	private void counts() {
		List<String> tables = new ArrayList<>(this.documents.get(Quarter.Q4_2025).keySet());
		StringBuilder header = new StringBuilder("| 表 |");
		StringBuilder rule = new StringBuilder("|---|");
		for (Quarter q : Quarter.values()) {
			header.append(" ").append(q).append(" |");
			rule.append("---:|");
		}
		line(header.toString());
		line(rule.toString());
		for (String t : tables) {
			StringBuilder row = new StringBuilder("| " + t + " |");
			for (Quarter q : Quarter.values()) {
				row.append(" ").append(this.documents.get(q).get(t).size()).append(" |");
			}
			line(row.toString());
		}
	}

	private void planted() {
		line("## 预设案例：哪条规则在哪里出现");
		line();
		line("阈值按 `rules/parameters.yaml` 的默认值设计。季度是“评估该季度文件（以前各季度为历史）时出现”。"
				+ "规则编号见 `../shared/research/domain.md` §2。");
		line();
		line("| 规则 | 对象 | 季度 | 发生什么 |");
		line("|---|---|---|---|");
		List<PlantedCase> sorted = new ArrayList<>(this.cases.stream().filter(c -> !c.nearMiss()).toList());
		sorted.sort(Comparator.comparing(PlantedCase::ruleId, DemoCityGenerator::compareRules)
			.thenComparing(PlantedCase::quarter));
		for (PlantedCase c : sorted) {
			line("| " + c.ruleId() + " | " + subject(c) + " | " + c.quarter() + " | " + c.what() + " |");
		}
		line();
		line("### 临界未触发（near miss）");
		line();
		line("刚好不满足条件的情形，用来说明阈值，评估时**不应**对该对象触发该规则：");
		line();
		line("| 规则 | 对象 | 季度 | 为什么不触发 |");
		line("|---|---|---|---|");
		List<PlantedCase> misses = new ArrayList<>(this.cases.stream().filter(PlantedCase::nearMiss).toList());
		misses.sort(Comparator.comparing(PlantedCase::ruleId, DemoCityGenerator::compareRules).thenComparing(PlantedCase::quarter));
		for (PlantedCase c : misses) {
			line("| " + c.ruleId() + " | " + subject(c) + " | " + c.quarter() + " | " + c.what() + " |");
		}
	}

	private static String subject(PlantedCase c) {
		return (c.subjectId() == null) ? "（由严重案件派生，对象不限）" : c.subjectId() + " " + c.subjectName();
	}

	private void natural() {
		line("## 自然发生的规则");
		line();
		line("周排名、月度生态补偿和月排名第一每期都会落到某些县区头上，无需预设：");
		line();
		Quarter q = Quarter.Q3_2026;
		Map<String, Integer> lastPlaces = new LinkedHashMap<>();
		for (Period w : q.weeks()) {
			for (String indicator : List.of("PM25", "PM10")) {
				for (String group : List.of(DemoCity.URBAN, DemoCity.RURAL)) {
					Reading worst = readings(w, indicator, group).stream()
						.max(Comparator.comparingDouble(r -> r.value.doubleValue()))
						.orElseThrow();
					lastPlaces.merge(worst.subjectId, 1, Integer::sum);
				}
			}
		}
		line("- R-CTY-01 周排名末位：2026-Q3 共 " + q.weeks().size() * 4 + " 个“末位”（13周×2个指标×2组），分布为 "
				+ lastPlaces.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
					.map(e -> this.city.county(e.getKey()).name + " " + e.getValue() + " 次")
					.collect(Collectors.joining("、"))
				+ "；每次黄牌警告并扣缴100万元。");
		line("- R-CTY-02 连续两周处于组内后三位的县区通报批评，单周靠后的预警提醒。");
		Period july = Period.parse("2026-07");
		List<Reading> urbanJuly = readings(july, "PM25", DemoCity.URBAN);
		double mean = urbanJuly.stream().mapToDouble(r -> r.value.doubleValue()).average().orElseThrow();
		Reading worst = urbanJuly.stream().max(Comparator.comparingDouble(r -> r.value.doubleValue())).orElseThrow();
		double excess = worst.value.doubleValue() - mean;
		double wan = Math.min(excess, 5) * 10 + Math.max(excess - 5, 0) * 20;
		line(String.format(Locale.ROOT, "- R-CTY-04 生态补偿：例如 2026年7月城区组 PM2.5 均值 %.1f µg/m³，%s %s µg/m³，超出 %.1f µg/m³，扣缴 %.0f 万元；"
				+ "约一半县区每月每项指标都有扣缴。", mean, this.city.county(worst.subjectId).name, worst.value, excess, wan));
		line("- R-CTY-15 月排名第一：每月每组每项指标的第一名（洛城区、汝源县最常见）通报表彰并奖励50万元。");
	}

	private List<Reading> readings(Period period, String indicator, String group) {
		return this.facts.readings.stream()
			.filter(r -> r.period.equals(period) && r.indicator.equals(indicator) && r.subjectId.startsWith("C")
					&& this.city.county(r.subjectId).group.equals(group))
			.toList();
	}

	private void seeds() {
		County c12 = this.city.county("C12");
		Ent coking = this.city.ent("coking");
		line("## 讲话中的事实（种子）");
		line();
		line("- 2026-Q1：春节后 2月24日复工复产以来，督查发现问题工地 " + BackgroundActivity.SPRING_PROBLEM_SITES + " 个，其中扬尘污染问题工地 "
				+ BackgroundActivity.SPRING_DUST_SITES + " 个（检查有“七个百分之百”不达标项；其余为“一长三员”未落实、渣土车无定位、"
				+ "夜间违规作业、未验收复工）。");
		line("- 2026-Q3：市工信局“8月底前完成15台65蒸吨以上燃煤锅炉超低排放改造，仅完成3台”（T-GX-01），同时作为6家企业自己的改造任务（T-E-01…06）。");
		line("- 2025-Q4：" + coking.id + " " + coking.name + "“两座焦炉多处烟气泄露，废气收集处理不到位，污染防治设施运行不正常”，被全省秋冬季攻坚电视电话会议通报。");
		line("- 市住建局“一直讲所有工地都落实了扬尘防治措施，但省环保督查组每次移交的问题都有施工扬尘方面的”：2026-Q2 自查35个、上级发现11个且自报全部达标。");
		line("- “约谈一次没有改进的，再约谈……一定不能再提拔了”：" + c12.govHead.id + " " + c12.govHead.name + "（" + c12.govHead.title
				+ "）2026-03-12 被约谈后无改进，2026-08-14 再被公开约谈。");
		line("- “双替代”10月底节点、“引热入洛”供热管网、第二批企业退城搬迁、国Ⅲ及以下柴油货车6月底前淘汰、“散乱污”死灰复燃、秸秆“第一把火”。");
	}

	private void english() {
		line("## English summary");
		line();
		line("A fictional prefecture-level city in western Henan, 洛州市 (Luozhou), for demos and end-to-end tests: "
				+ this.city.counties.size() + " county-level units in two ranking groups (城区组 with two development zones, 县组), "
				+ this.city.departments.size() + " city departments, " + this.city.enterprises.size() + " enterprises, "
				+ this.city.sites.size() + " construction sites and " + this.city.persons.size()
				+ " officials, over four quarters (2025-Q4 to 2026-Q3). Every document is valid against the validator; "
				+ "evaluate all four with the last one as the evaluated period.");
		line();
		line("The facts are mostly compliant; planted cases make every rule of the catalogue fire at least once "
				+ "(the table above: rule → subject → quarter → what happens), and near misses sit just under a threshold. "
				+ "The last quarter produces all six outcome kinds. The seed speeches' figures appear: 101 problem sites (89 for dust) "
				+ "after work resumed in late February 2026, the boiler retrofit with 3 of 15 done by the end of August, "
				+ "the coking plant with leaking ovens, the construction bureau that reports every site compliant, "
				+ "and the county head interviewed again after an interview without improvement.");
		line();
		line("Generated by `DemoCityGenerator` (test scope; fixed seeds, no clock). `DemoCityTests` regenerates it, "
				+ "validates and evaluates the four quarters with the rules in `rules/`, and checks that each rule present fires "
				+ "and each planted case shows. Do not edit the files by hand.");
	}

	private void line(String s) {
		this.out.append(s).append('\n');
	}

	private void line() {
		this.out.append('\n');
	}

}
