package org.kaohe.ingest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.kaohe.facts.AlertLevel;
import org.kaohe.facts.ExposureSource;
import org.kaohe.facts.Industry;
import org.kaohe.facts.InterviewType;
import org.kaohe.facts.IssueCategory;
import org.kaohe.facts.IssueSource;
import org.kaohe.facts.PerformanceClass;
import org.kaohe.facts.PersonRole;
import org.kaohe.facts.ProjectType;
import org.kaohe.facts.Sector;
import org.kaohe.facts.SiteStatus;
import org.kaohe.facts.SubjectType;
import org.kaohe.facts.ViolationType;

/**
 * The tables of a fact document (SPEC §4) and their columns: field names, Chinese headers, types,
 * which are required, what references must point to. JSON validation, CSV and XLSX reading and the
 * upload templates all use this one description, so they cannot drift apart.
 *
 * <p>{@code monitoringAlarms} and the subject fields {@code onEmergencyList} (sites) and
 * {@code cropAreaMu} (counties) extend SPEC §4 for rules whose facts it does not name (R-SITE-06,
 * R-SITE-07, R-CTY-10).
 */
public final class FactSchema {

	private static final Set<SubjectType> ALL = EnumSet.noneOf(SubjectType.class);

	private static final List<FactTable> TABLES = List.of(subjects(), measurements(), rankings(), inspections(), tasks(),
			issues(), violations(), exposures(), supervision(), interviews(), monitoringAlarms());

	/** Top-level fields of a document besides the tables. */
	public static final List<String> HEADER_FIELDS = List.of("schemaVersion", "period", "submittedBy");

	private FactSchema() {
	}

	public static List<FactTable> tables() {
		return TABLES;
	}

	public static Optional<FactTable> table(String name) {
		return TABLES.stream().filter(t -> t.name().equals(name)).findFirst();
	}

	private static FactTable subjects() {
		Set<SubjectType> territorial = EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE, SubjectType.PERSON);
		Set<SubjectType> regulated = EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE);
		Set<SubjectType> site = EnumSet.of(SubjectType.SITE);
		Set<SubjectType> enterprise = EnumSet.of(SubjectType.ENTERPRISE);
		Set<SubjectType> ranked = EnumSet.of(SubjectType.COUNTY, SubjectType.DEPARTMENT);
		List<Column> c = new ArrayList<>();
		c.add(col("id", "编号", ColumnType.STRING, true, "C01"));
		c.add(enumCol("type", "主体类型", SubjectType.class, true, "COUNTY"));
		c.add(col("name", "名称", ColumnType.STRING, true, "河东区"));
		c.add(new Column("parentId", "上级（所属县区或部门）", ColumnType.SUBJECT_REF, false, null,
				EnumSet.of(SubjectType.COUNTY, SubjectType.DEPARTMENT), territorial, false, ""));
		c.add(new Column("group", "排名组", ColumnType.STRING, false, null, ALL, ranked, false, "城区组"));
		c.add(new Column("sector", "行业领域", ColumnType.ENUM, false, Sector.class, ALL, EnumSet.of(SubjectType.DEPARTMENT),
				false, ""));
		c.add(new Column("cropAreaMu", "农作物面积（亩）", ColumnType.NUMBER, false, null, ALL,
				EnumSet.of(SubjectType.COUNTY), true, ""));
		c.add(new Column("industry", "行业", ColumnType.ENUM, false, Industry.class, ALL, enterprise, false, ""));
		c.add(new Column("performanceClass", "绩效分级", ColumnType.ENUM, false, PerformanceClass.class, ALL, enterprise,
				false, ""));
		c.add(new Column("onEmergencyList", "纳入应急减排清单", ColumnType.BOOLEAN, false, null, ALL, regulated, false, ""));
		c.add(new Column("regulatorId", "监管部门", ColumnType.SUBJECT_REF, false, null, EnumSet.of(SubjectType.DEPARTMENT),
				regulated, false, ""));
		c.add(new Column("builderId", "施工单位", ColumnType.SUBJECT_REF, false, null, EnumSet.of(SubjectType.ENTERPRISE),
				site, false, ""));
		c.add(new Column("projectType", "工程类型", ColumnType.ENUM, false, ProjectType.class, ALL, site, false, ""));
		c.add(new Column("status", "工地状态", ColumnType.ENUM, false, SiteStatus.class, ALL, site, false, ""));
		c.add(new Column("distanceToStationM", "距国控站点距离（米）", ColumnType.INTEGER, false, null, ALL, site, true, ""));
		c.add(new Column("startAcceptancePassed", "通过开复工验收", ColumnType.BOOLEAN, false, null, ALL, site, false, ""));
		c.add(new Column("role", "职务角色", ColumnType.ENUM, false, PersonRole.class, ALL, EnumSet.of(SubjectType.PERSON),
				false, ""));
		return new FactTable("subjects", "考核主体", List.copyOf(c));
	}

	private static FactTable measurements() {
		return new FactTable("measurements", "指标数据", List.of(ref("subjectId", "主体编号", true, ALL, "C01"),
				col("period", "期间", ColumnType.PERIOD, true, "2026-07"),
				col("indicator", "指标", ColumnType.STRING, true, "PM25"),
				nonNegative("value", "数值", ColumnType.NUMBER, true, "44.0"),
				nonNegative("target", "目标值", ColumnType.NUMBER, false, "45.0"),
				col("yoyChangePct", "同比变化（%）", ColumnType.NUMBER, false, "3.1")));
	}

	private static FactTable rankings() {
		return new FactTable("rankings", "官方排名", List.of(ref("subjectId", "主体编号", true, ALL, "C01"),
				col("period", "期间", ColumnType.PERIOD, true, "2026-07"),
				col("indicator", "指标", ColumnType.STRING, true, "PM25"),
				nonNegative("rank", "名次", ColumnType.INTEGER, true, "14"),
				nonNegative("of", "参评数", ColumnType.INTEGER, true, "15")));
	}

	private static FactTable inspections() {
		return new FactTable("inspections", "工地检查", List.of(col("id", "检查编号", ColumnType.STRING, true, "IN-0001"),
				ref("siteId", "工地编号", true, EnumSet.of(SubjectType.SITE), "S0001"),
				col("at", "检查时间", ColumnType.DATETIME, true, "2026-08-11T23:40:00"),
				col("by", "检查单位", ColumnType.STRING, false, "市攻坚办夜查"),
				col("items", "七个百分之百", ColumnType.CHECKLIST, true, ""),
				col("earthworkObserved", "发现涉土作业", ColumnType.BOOLEAN, false, "true"),
				col("nightPermit", "有夜间施工许可", ColumnType.BOOLEAN, false, "false"),
				enumCol("alertLevel", "预警级别", AlertLevel.class, false, "NONE"),
				col("oneChiefThreeOfficers", "一长三员落实", ColumnType.BOOLEAN, false, "true"),
				nonNegative("trucksUnsealed", "未密闭渣土车（辆）", ColumnType.INTEGER, false, "0"),
				nonNegative("trucksWithoutGps", "无定位渣土车（辆）", ColumnType.INTEGER, false, "0"),
				col("exposed", "被上级或媒体曝光", ColumnType.BOOLEAN, false, "false")));
	}

	private static FactTable tasks() {
		return new FactTable("tasks", "台账任务", List.of(col("id", "任务编号", ColumnType.STRING, true, "T-017"),
				ref("ownerId", "责任主体", true,
						EnumSet.of(SubjectType.COUNTY, SubjectType.DEPARTMENT, SubjectType.ENTERPRISE), "D-GX"),
				col("title", "任务名称", ColumnType.STRING, true, "65蒸吨以上燃煤锅炉超低排放改造"),
				col("due", "时间节点", ColumnType.DATE, true, "2026-08-31"),
				nonNegative("planned", "计划量", ColumnType.NUMBER, true, "15"),
				nonNegative("done", "完成量", ColumnType.NUMBER, true, "3"),
				col("unit", "单位", ColumnType.STRING, false, "台"),
				col("completedOn", "完成日期", ColumnType.DATE, false, ""),
				col("adjusted", "被迫调整", ColumnType.BOOLEAN, false, "false")));
	}

	private static FactTable issues() {
		return new FactTable("issues", "督查问题", List.of(col("id", "问题编号", ColumnType.STRING, true, "I-0456"),
				ref("ownerId", "整改责任主体", true, EnumSet.of(SubjectType.COUNTY, SubjectType.DEPARTMENT), "C01"),
				ref("objectId", "问题对象", false, ALL, "S0001"),
				enumCol("category", "问题类别", IssueCategory.class, true, "DUST"),
				enumCol("source", "问题来源", IssueSource.class, true, "PROVINCIAL_INSPECTION"),
				col("foundOn", "发现日期", ColumnType.DATE, true, "2026-07-20"),
				col("deadline", "整改期限", ColumnType.DATE, true, "2026-07-27"),
				col("rectifiedOn", "整改完成日期", ColumnType.DATE, false, ""),
				col("closedOn", "销号日期", ColumnType.DATE, false, ""),
				col("relapseOf", "反弹的原问题编号", ColumnType.STRING, false, "")));
	}

	private static FactTable violations() {
		return new FactTable("violations", "违法违规",
				List.of(col("id", "案件编号", ColumnType.STRING, true, "V-0009"),
						ref("subjectId", "企业或工地编号", true, EnumSet.of(SubjectType.ENTERPRISE, SubjectType.SITE), "E0001"),
						col("on", "发现日期", ColumnType.DATE, true, "2026-08-03"),
						enumCol("type", "违法类型", ViolationType.class, true, "OVER_STANDARD"),
						col("foundBy", "发现单位", ColumnType.STRING, false, "市攻坚办暗访"),
						col("refusedToCorrect", "拒不改正", ColumnType.BOOLEAN, false, "false")));
	}

	private static FactTable exposures() {
		return new FactTable("exposures", "曝光通报", List.of(ref("subjectId", "主体编号", true, ALL, "C01"),
				col("on", "日期", ColumnType.DATE, true, "2026-09-02"),
				enumCol("source", "来源", ExposureSource.class, true, "PROVINCIAL_NOTICE")));
	}

	private static FactTable supervision() {
		return new FactTable("supervision", "行业监管",
				List.of(ref("departmentId", "部门编号", true, EnumSet.of(SubjectType.DEPARTMENT), "D-ZJ"),
						nonNegative("selfFoundProblems", "自查发现问题数", ColumnType.INTEGER, true, "35"),
						nonNegative("higherFoundProblems", "上级发现问题数", ColumnType.INTEGER, true, "11"),
						col("selfReportedAllCompliant", "自报全部达标", ColumnType.BOOLEAN, false, "true")));
	}

	private static FactTable interviews() {
		return new FactTable("interviews", "约谈记录", List.of(ref("subjectId", "被约谈主体", true, ALL, "P001"),
				col("on", "约谈日期", ColumnType.DATE, true, "2026-05-10"),
				enumCol("type", "约谈类型", InterviewType.class, true, "PUBLIC_INTERVIEW"),
				col("improvedAfter", "约谈后有改进", ColumnType.BOOLEAN, false, "false")));
	}

	private static FactTable monitoringAlarms() {
		return new FactTable("monitoringAlarms", "在线监测超标",
				List.of(ref("siteId", "工地编号", true, EnumSet.of(SubjectType.SITE), "S0001"),
						col("at", "超标时间", ColumnType.DATETIME, true, "2026-08-10T09:00:00"),
						nonNegative("minutesOver", "超标持续分钟", ColumnType.INTEGER, true, "25"),
						nonNegative("peakPm10", "PM10峰值", ColumnType.NUMBER, false, "310")));
	}

	private static Column col(String name, String label, ColumnType type, boolean required, String example) {
		return new Column(name, label, type, required, null, ALL, ALL, false, example);
	}

	private static Column nonNegative(String name, String label, ColumnType type, boolean required, String example) {
		return new Column(name, label, type, required, null, ALL, ALL, true, example);
	}

	private static Column enumCol(String name, String label, Class<? extends Enum<?>> type, boolean required,
			String example) {
		return new Column(name, label, ColumnType.ENUM, required, type, ALL, ALL, false, example);
	}

	private static Column ref(String name, String label, boolean required, Set<SubjectType> targets, String example) {
		return new Column(name, label, ColumnType.SUBJECT_REF, required, null, targets, ALL, false, example);
	}

}
