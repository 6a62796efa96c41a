package org.kaohe.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.kaohe.demo.AirQuality.Alert;
import org.kaohe.demo.AirQuality.Plan;
import org.kaohe.demo.DemoCity.County;
import org.kaohe.demo.DemoCity.Ent;
import org.kaohe.demo.DemoCity.Site;
import org.kaohe.demo.DemoFacts.Alarm;
import org.kaohe.demo.DemoFacts.Case;
import org.kaohe.demo.DemoFacts.Check;
import org.kaohe.demo.DemoFacts.Exposure;
import org.kaohe.demo.DemoFacts.Interview;
import org.kaohe.demo.DemoFacts.Issue;
import org.kaohe.demo.DemoFacts.Supervision;
import org.kaohe.demo.DemoFacts.Task;

/**
 * Every planted case and near miss of the demo, one method per rule family, in the order of the rule
 * catalogue (domain.md §2). Nothing here is random: tuning a case means editing a date or a number
 * below. The subjects used here are reserved, so the background facts leave them clean.
 *
 * <p>Thresholds assumed are the defaults of {@code rules/parameters.yaml} (2020-01-01 version).
 */
final class PlantedCases {

	private final DemoCity city;

	private final DemoFacts facts;

	private final Plan plan;

	final List<PlantedCase> cases = new ArrayList<>();

	/** The measure the next near miss is about (null: the whole rule). */
	private String nextMeasure;

	private PlantedCases(DemoCity city, DemoFacts facts, Plan plan) {
		this.city = city;
		this.facts = facts;
		this.plan = plan;
	}

	/** Plants every case; fills the air-quality plan and adds the planted facts. */
	static PlantedCases plant(DemoCity city, DemoFacts facts, Plan plan) {
		PlantedCases p = new PlantedCases(city, facts, plan);
		city.featuredEnterprises.values().forEach(e -> e.reserved = true);
		p.alerts();
		p.sites();
		p.roads();
		p.countyRankings();
		p.countyYearOnYear();
		p.countyQuarterly();
		p.annualAssessment();
		p.fires();
		p.emergencies();
		p.overdueIssues();
		p.relapses();
		p.ledgerTasks();
		p.sectorSupervision();
		p.enterprises();
		p.interviews();
		return p;
	}

	// ------------------------------------------------------------------ weather

	/** Heavy-pollution alert episodes (autumn-winter) and one summer ozone alert. */
	private void alerts() {
		alert("2025-11-25", "2025-11-27", "YELLOW", "重污染天气黄色预警");
		alert("2025-12-10", "2025-12-15", "ORANGE", "重污染天气橙色预警");
		alert("2025-12-24", "2025-12-26", "YELLOW", "重污染天气黄色预警");
		alert("2026-01-06", "2026-01-10", "ORANGE", "重污染天气橙色预警");
		alert("2026-01-21", "2026-01-23", "YELLOW", "重污染天气黄色预警");
		alert("2026-04-14", "2026-04-15", "BLUE", "沙尘天气蓝色预警");
		alert("2026-07-08", "2026-07-10", "YELLOW", "臭氧污染黄色预警");
	}

	private void alert(String from, String to, String level, String what) {
		this.plan.alerts.add(new Alert(LocalDate.parse(from), LocalDate.parse(to), level, what));
	}

	// ------------------------------------------------------------------ A. construction sites

	private void sites() {
		// R-SITE-01 / R-SITE-09: a metro station 650 m from a national station fails one item; a high-rise
		// 1,150 m away fails one item too (rectification order only: the near miss of R-SITE-09).
		Site near = site("nearStation");
		check(near, "2026-08-06T10:15", "市攻坚办督查组").fail("MATERIAL_COVER");
		planted("R-SITE-01", near, Quarter.Q3_2026, "检查发现物料堆放未覆盖（1项不达标）→ 限期24小时整改并预警");
		planted("R-SITE-09", near, Quarter.Q3_2026, "距国控站点650米，1项不达标 → 直接停工整改（从严一级）");
		Site outside = site("justOutside");
		check(outside, "2026-08-06T14:30", "市攻坚办督查组").fail("WET_OPERATION");
		planted("R-SITE-01", outside, Quarter.Q3_2026, "土方作业未湿法作业（1项不达标）→ 限期整改并预警");
		nearMiss("R-SITE-09", outside, Quarter.Q3_2026, "距国控站点1,150米，超出1公里，不从严停工");

		// R-SITE-02: the same housing project fails in Q1, Q2 and Q3 — 7, 30, then 90 days' stoppage
		Site repeat = site("repeatFailer");
		check(repeat, "2026-03-05T10:20", "市住建局扬尘办巡查").fail("MATERIAL_COVER");
		check(repeat, "2026-05-14T15:10", "市攻坚办督查组").fail("VEHICLE_WASH");
		check(repeat, "2026-08-20T09:50", "省攻坚办暗访组").fail("MATERIAL_COVER", "WET_OPERATION");
		planted("R-SITE-02", repeat, Quarter.Q1_2026, "12个月内第1次检查不达标 → 停工7天并建议罚款");
		planted("R-SITE-02", repeat, Quarter.Q2_2026, "12个月内第2次不达标 → 停工30天");
		planted("R-SITE-02", repeat, Quarter.Q3_2026, "12个月内第3次不达标（2项）→ 停工90天");

		// R-SITE-03: night earthwork without permit; 东关区 has three in Q3 (county criticised), one of
		// them a repeat offender from Q1 (maximum fine); 南城区 has two (near miss of the county part)
		Site nightRepeat = site("nightRepeat");
		night(check(nightRepeat, "2026-03-19T23:20", "市攻坚办夜查组"));
		planted("R-SITE-03", nightRepeat, Quarter.Q1_2026, "23:20夜查发现无许可土石方作业 → 停工整改并建议罚款");
		night(check(nightRepeat, "2026-08-12T23:40", "市攻坚办夜查组"));
		night(check(site("night2"), "2026-09-03T00:50", "市攻坚办夜查组"));
		night(check(site("night3"), "2026-09-17T22:30", "市攻坚办夜查组"));
		planted("R-SITE-03", nightRepeat, Quarter.Q3_2026, "第2次夜间违规土石方作业 → 停工并建议顶格处罚10万元");
		planted("R-SITE-03", county("C03"), Quarter.Q3_2026, "辖区本季度夜间违规土石方作业3起 → 通报批评属地");
		night(check(site("nightC05a"), "2026-07-15T23:10", "市攻坚办夜查组"));
		night(check(site("nightC05b"), "2026-08-27T01:20", "市攻坚办夜查组"));
		planted("R-SITE-03", site("nightC05a"), Quarter.Q3_2026, "夜间违规土石方作业 → 停工并建议罚款");
		nearMiss("R-SITE-03", county("C05"), Quarter.Q3_2026, "辖区本季度夜间违规作业2起，未达3起，不通报属地");
		Check permitted = check(site("metroPermit"), "2026-08-25T23:30", "市攻坚办夜查组");
		permitted.earthworkObserved = true;
		permitted.nightPermit = true;
		nearMiss("R-SITE-03", site("metroPermit"), Quarter.Q3_2026, "盾构出土夜间作业，但持有夜间施工许可");

		// R-SITE-04: one chief + three officers not in place in Q2 and again in Q3 (repeat → stoppage)
		Site roles = site("rolesRepeat");
		check(roles, "2026-06-03T10:00", "市城管局巡查").oneChiefThreeOfficers = false;
		check(roles, "2026-07-22T14:20", "市攻坚办督查组").oneChiefThreeOfficers = false;
		planted("R-SITE-04", roles, Quarter.Q2_2026, "“一长三员”未落实 → 限期3天整改并预警");
		planted("R-SITE-04", roles, Quarter.Q3_2026, "365天内再次未落实“一长三员” → 停工整改");

		// R-SITE-05: a site that was not yet started is found working in Q3 without start acceptance;
		// another resumed after the Spring Festival without acceptance in Q1
		Site unaccepted = site("noAcceptance");
		for (Quarter q : Quarter.values()) {
			unaccepted.status.put(q, q == Quarter.Q3_2026 ? "WORKING" : "STOPPED");
			unaccepted.acceptance.put(q, false);
		}
		check(unaccepted, "2026-09-09T10:30", "市住建局扬尘办巡查").earthworkObserved = true;
		planted("R-SITE-05", unaccepted, Quarter.Q3_2026, "未通过开工扬尘防治验收即擅自开工 → 停工至验收合格");
		Site resumed = site("resumedNoAcceptance");
		resumed.acceptance.put(Quarter.Q1_2026, false);
		check(resumed, "2026-03-02T09:40", "市攻坚办督查组");
		planted("R-SITE-05", resumed, Quarter.Q1_2026, "节后未经复工验收擅自复工 → 停工至验收合格");

		// R-SITE-06: PM10 micro-station alarms: twice in one day (stop 24 h, supply suspended), once
		// (warning), and two that do not count (8 minutes; peak 236 µg/m³)
		alarm("alarmTwice", "2026-08-19T10:20", 35, 318);
		alarm("alarmTwice", "2026-08-19T15:40", 22, 276);
		planted("R-SITE-06", site("alarmTwice"), Quarter.Q3_2026, "同日2次PM10超标（318、276µg/m³）→ 停工24小时并停止渣土、商砼供应");
		alarm("alarmOnce", "2026-07-28T11:05", 18, 292);
		planted("R-SITE-06", site("alarmOnce"), Quarter.Q3_2026, "PM10超标18分钟（峰值292µg/m³）→ 预警并立即降尘");
		alarm("alarmShort", "2026-09-15T16:10", 8, 305);
		alarm("alarmShort", "2026-09-22T09:30", 25, 236);
		nearMiss("R-SITE-06", site("alarmShort"), Quarter.Q3_2026, "超标仅8分钟；另一次峰值236µg/m³，均未达报警条件");

		// R-SITE-07: earthwork during alerts at sites on the emergency list
		alertWork(check(site("alertC14"), "2025-12-12T10:40", "市攻坚办督查组"));
		planted("R-SITE-07", site("alertC14"), Quarter.Q4_2025, "橙色预警期间违规土方作业 → 停工并建议罚款");
		alertWork(check(site("alertC10"), "2026-01-08T14:15", "省攻坚办暗访组"));
		planted("R-SITE-07", site("alertC10"), Quarter.Q1_2026, "橙色预警期间违规土方作业 → 停工并建议罚款");
		alertWork(check(site("alertC14b"), "2026-01-22T11:30", "市交通运输局巡查"));
		planted("R-SITE-07", site("alertC14b"), Quarter.Q1_2026, "黄色预警期间路基土方施工 → 停工并建议罚款");
		alertWork(check(site("alertC08"), "2026-07-09T15:20", "市攻坚办督查组"));
		planted("R-SITE-07", site("alertC08"), Quarter.Q3_2026, "臭氧污染黄色预警期间违规土方作业 → 停工并建议罚款");
		alertWork(check(site("alertExempt"), "2026-01-07T10:00", "市城管局巡查"));
		nearMiss("R-SITE-07", site("alertExempt"), Quarter.Q1_2026, "橙色预警期间供热管网应急抢修，不在应急减排清单内（民生保障）");
		alertWork(check(site("blueAlert"), "2026-04-14T10:30", "市住建局扬尘办巡查"));
		nearMiss("R-SITE-07", site("blueAlert"), Quarter.Q2_2026, "沙尘蓝色预警期间土方作业，低于黄色预警");

		// R-SITE-08: serious cases (≥3 items, exposed at inspection, exposure by media or notice)
		this.facts.exposures.add(new Exposure(site("exposedC06").id, LocalDate.parse("2025-11-20"), "MEDIA"));
		planted("R-SITE-08", site("exposedC06"), Quarter.Q4_2025, "裸土未覆盖被《大河报》曝光 → 顶格处罚10万元，施工单位记入黑名单");
		this.facts.exposures.add(new Exposure(site("cityNotice").id, LocalDate.parse("2026-03-18"), "CITY_NOTICE"));
		nearMiss("R-SITE-08", site("cityNotice"), Quarter.Q1_2026, "仅被市攻坚办通报（市级通报不属上级或媒体曝光）");
		this.facts.exposures.add(new Exposure(site("exposedC04").id, LocalDate.parse("2026-05-12"), "PROVINCIAL_NOTICE"));
		planted("R-SITE-08", site("exposedC04"), Quarter.Q2_2026, "被省攻坚办通报点名 → 顶格处罚并记入黑名单");
		check(site("seriousC06"), "2026-07-30T10:10", "省攻坚办暗访组").fail("FENCING", "MATERIAL_COVER", "VEHICLE_WASH",
				"WET_OPERATION");
		planted("R-SITE-08", site("seriousC06"), Quarter.Q3_2026, "省暗访一次查出4项不达标 → 顶格处罚10万元，施工单位记入黑名单");
		this.facts.exposures.add(new Exposure(site("exposedC05").id, LocalDate.parse("2026-09-08"), "MEDIA"));
		planted("R-SITE-08", site("exposedC05"), Quarter.Q3_2026, "扬尘污染被电视问政节目曝光 → 顶格处罚并记入黑名单");
		Check exposedAtInspection = check(site("inspectionExposed"), "2026-09-16T15:00", "省攻坚办暗访组").fail("MATERIAL_COVER");
		exposedAtInspection.exposed = true;
		planted("R-SITE-08", site("inspectionExposed"), Quarter.Q3_2026, "省暗访发现并当场曝光 → 顶格处罚并记入黑名单");
		check(site("twoItems"), "2026-08-27T09:20", "市攻坚办督查组").fail("MATERIAL_COVER", "VEHICLE_WASH");
		nearMiss("R-SITE-08", site("twoItems"), Quarter.Q3_2026, "一次检查2项不达标，未达3项");

		// R-SITE-10: muck trucks unsealed and without GPS
		Check trucks = check(site("trucks"), "2026-08-13T09:40", "市交通运输局巡查").fail("SEALED_TRANSPORT");
		trucks.trucksUnsealed = 3;
		trucks.trucksWithoutGps = 2;
		planted("R-SITE-10", site("trucks"), Quarter.Q3_2026, "3辆渣土车未密闭、2辆无卫星定位 → 按车辆建议罚款");
	}

	private void night(Check c) {
		c.earthworkObserved = true;
		c.nightPermit = false;
	}

	private void alertWork(Check c) {
		c.earthworkObserved = true;
	}

	private Check check(Site site, String at, String by) {
		Check c = new Check(site, LocalDateTime.parse(at), by);
		c.planted = true;
		c.alertLevel = this.plan.alertOn(c.at.toLocalDate());
		this.facts.inspections.add(c);
		return c;
	}

	private void alarm(String siteKey, String at, int minutes, Integer peak) {
		this.facts.alarms.add(new Alarm(site(siteKey), LocalDateTime.parse(at), minutes, peak));
	}

	// ------------------------------------------------------------------ B. roads

	/** R-ROAD-01: share of failed road-dust points above 20 %. */
	private void roads() {
		this.plan.roadDust.put("2025-Q4|C06", 19.8);
		nearMiss("R-ROAD-01", county("C06"), Quarter.Q4_2025, "道路积尘超标点位占比19.8%，未超过20%");
		this.plan.roadDust.put("2026-Q1|C06", 23.4);
		planted("R-ROAD-01", county("C06"), Quarter.Q1_2026, "春季道路积尘超标点位占比23.4% → 通报批评");
		this.plan.roadDust.put("2026-Q2|C03", 24.5);
		planted("R-ROAD-01", county("C03"), Quarter.Q2_2026, "超标点位占比24.5% → 通报批评");
		this.plan.roadDust.put("2026-Q3|C03", 22.1);
		planted("R-ROAD-01", county("C03"), Quarter.Q3_2026, "连续两个季度超标（24.5%、22.1%）→ 约谈");
		this.plan.roadDust.put("2026-Q3|C05", 21.0);
		planted("R-ROAD-01", county("C05"), Quarter.Q3_2026, "超标点位占比21.0% → 通报批评");
		this.plan.roadDust.put("2026-Q3|D-CG", 18.5);
		nearMiss("R-ROAD-01", this.city.dept("D-CG").id, "市城管局", Quarter.Q3_2026, "全市道路积尘超标点位占比18.5%");
	}

	// ------------------------------------------------------------------ C. counties: monthly ranks

	private void countyRankings() {
		County xiyuan = county("C02");
		County luocheng = county("C01");
		County ruyuan = county("C13");
		// R-CTY-03: 西苑区 in the bottom three of 城区组 (8 units: positions 6–8) for PM2.5 in January,
		// April, July and August 2026 only; mid-table in the other months and for PM10
		String[] months = { "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
				"2026-06", "2026-07", "2026-08", "2026-09" };
		int[] pm25 = { 4, 5, 4, 6, 4, 5, 6, 4, 5, 7, 6, 4 };
		for (int i = 0; i < months.length; i++) {
			this.plan.pin(months[i], "PM25", xiyuan, pm25[i]);
			this.plan.pin(months[i], "PM10", xiyuan, 4 + (i % 2));
		}
		planted("R-CTY-03", xiyuan, Quarter.Q1_2026, "PM2.5月排名1月进入城区组后三位，本年度第1次 → 通报批评");
		planted("R-CTY-03", xiyuan, Quarter.Q2_2026, "4月本年度第2次进入后三位 → 公开约谈区长");
		planted("R-CTY-03", xiyuan, Quarter.Q3_2026, "7月、8月本年度第3、4次进入后三位 → 公开约谈区委书记");

		// R-CTY-15: 洛城区 and 汝源县 lead their groups month after month
		for (String m : months) {
			this.plan.pin(m, "PM25", luocheng, 1);
			this.plan.pin(m, "PM10", luocheng, m.equals("2025-11") || m.equals("2026-08") ? 2 : 1);
			this.plan.pin(m, "PM25", ruyuan, 1);
			this.plan.pin(m, "PM10", ruyuan, m.equals("2026-02") ? 2 : m.equals("2026-05") ? 3 : 1);
		}
		planted("R-CTY-15", luocheng, Quarter.Q3_2026, "PM2.5月排名城区组第1（7—9月）→ 每月通报表彰并奖励50万元；连续3个月前三 → 奖励100万元、干部使用倾斜");
		planted("R-CTY-15", ruyuan, Quarter.Q3_2026, "PM2.5、PM10月排名县组第1 → 通报表彰、财政奖励、干部使用倾斜");
		planted("R-CTY-15", luocheng, Quarter.Q4_2025, "月排名城区组第1 → 通报表彰并奖励");
	}

	// ------------------------------------------------------------------ C. counties: year on year

	/** R-CTY-06: months whose PM2.5 or composite index rose year on year (rolling 12 months). */
	private void countyYearOnYear() {
		this.plan.yoy.put("2026-07|PM25|C04", 4.2);
		this.plan.yoy.put("2026-08|PM25|C04", 6.8);
		this.plan.yoy.put("2026-09|PM25|C04", 3.1);
		planted("R-CTY-06", county("C04"), Quarter.Q3_2026, "PM2.5同比7、8、9月连续上升（+4.2%、+6.8%、+3.1%）→ 公开约谈并区域限批");
		this.plan.yoy.put("2026-08|COMPOSITE_INDEX|C07", 1.8);
		planted("R-CTY-06", county("C07"), Quarter.Q3_2026, "8月综合指数同比上升1.8%，近12个月第1次 → 预警");
		this.plan.yoy.put("2025-11|PM25|C15", 2.3);
		planted("R-CTY-06", county("C15"), Quarter.Q4_2025, "11月PM2.5同比上升2.3% → 预警");
		this.plan.yoy.put("2026-09|PM25|C15", 1.2);
		planted("R-CTY-06", county("C15"), Quarter.Q3_2026, "9月PM2.5同比上升1.2%，近12个月第2次 → 通报批评");
		this.plan.yoy.put("2026-01|PM25|C09", 5.0);
		this.plan.yoy.put("2026-01|COMPOSITE_INDEX|C09", 3.2);
		planted("R-CTY-06", county("C09"), Quarter.Q1_2026, "1月PM2.5、综合指数同比双升 → 预警");
		this.plan.yoy.put("2026-07|PM25|C05", 0.0);
		nearMiss("R-CTY-06", county("C05"), Quarter.Q3_2026, "7月PM2.5同比持平（0.0%），不算上升");
	}

	// ------------------------------------------------------------------ C. counties: quarterly ranks

	private void countyQuarterly() {
		// R-CTY-07: quarterly composite index; bottom three = positions 6–8 (城区组) and 5–7 (县组).
		// Only the planted units are in the bottom three of two quarters running.
		composite(Quarter.Q4_2025, "C05", 6, "C02", 7, "C06", 8, "C09", 5, "C10", 6, "C14", 7);
		composite(Quarter.Q1_2026, "C04", 6, "C03", 7, "C08", 8, "C15", 5, "C12", 6, "C10", 7);
		composite(Quarter.Q2_2026, "C05", 6, "C06", 7, "C02", 8, "C09", 5, "C14", 6, "C11", 7);
		composite(Quarter.Q3_2026, "C03", 6, "C04", 7, "C06", 8, "C15", 5, "C10", 6, "C11", 7);
		for (Quarter q : Quarter.values()) {
			this.plan.compositePins.put(q + "|C01", 1);
			this.plan.compositePins.put(q + "|C13", 1);
		}
		planted("R-CTY-07", county("C10"), Quarter.Q1_2026, "综合指数季度排名2025年四季度、2026年一季度均在县组后三位（第6、第7）→ 问责县长");
		planted("R-CTY-07", county("C11"), Quarter.Q3_2026, "综合指数二、三季度均为县组末位 → 问责县长和县委书记");
		planted("R-CTY-07", county("C06"), Quarter.Q3_2026, "二、三季度均在城区组后三位（第7、第8）→ 问责区长");
		nearMiss("R-CTY-07", county("C03"), Quarter.Q3_2026, "一季度、三季度在后三位，二季度不在，不算连续");

		// R-CTY-14: quarterly assessment score; bottom three two quarters running
		score(Quarter.Q4_2025, "C04", 6, "C06", 7, "C08", 8, "C09", 5, "C11", 6, "C10", 7);
		score(Quarter.Q1_2026, "C05", 6, "C03", 7, "C02", 8, "C15", 5, "C12", 6, "C14", 7);
		score(Quarter.Q2_2026, "C07", 6, "C04", 7, "C06", 8, "C11", 5, "C09", 6, "C14", 7);
		score(Quarter.Q3_2026, "C05", 6, "C02", 7, "C08", 8, "C10", 5, "C12", 6, "C14", 7);
		score(Quarter.Q4_2025, "D-SW", 20, "D-ZR", 21, "D-SL", 22);
		score(Quarter.Q1_2026, "D-NY", 20, "D-JT", 21, "D-CG", 22);
		score(Quarter.Q2_2026, "D-GX", 20, "D-SW", 21, "D-ZJ", 22);
		score(Quarter.Q3_2026, "D-SL", 20, "D-NY", 21, "D-ZJ", 22);
		for (Quarter q : Quarter.values()) {
			this.plan.scorePins.put(q + "|C01", 1);
			this.plan.scorePins.put(q + "|C13", 1);
		}
		planted("R-CTY-14", county("C14"), Quarter.Q2_2026, "季度考核得分一、二季度连续处于县组后三位（第1次）→ 诫勉谈话");
		planted("R-CTY-14", county("C14"), Quarter.Q3_2026, "二、三季度再次连续后三位（第2次）→ 黄牌警告");
		planted("R-CTY-14", "D-ZJ", "市住建局", Quarter.Q3_2026, "季度考核得分二、三季度连续处于市直部门后三位 → 诫勉谈话");
	}

	private void composite(Quarter q, Object... pins) {
		for (int i = 0; i < pins.length; i += 2) {
			this.plan.compositePins.put(q + "|" + pins[i], (Integer) pins[i + 1]);
		}
	}

	private void score(Quarter q, Object... pins) {
		for (int i = 0; i < pins.length; i += 2) {
			this.plan.scorePins.put(q + "|" + pins[i], (Integer) pins[i + 1]);
		}
	}

	// ------------------------------------------------------------------ C. counties: annual

	/** R-CTY-08, R-CTY-09: the 2025 yearly assessment (in the 2025-Q4 document). */
	private void annualAssessment() {
		Object[] scores = { "C01", 93.6, "C07", 88.2, "C05", 85.4, "C03", 83.1, "C02", 79.5, "C04", 74.8, "C08", 71.3,
				"C06", 66.9, "C13", 91.2, "C15", 86.7, "C12", 82.4, "C09", 78.9, "C14", 69.5, "C10", 64.2, "C11", 58.6,
				"D-HB", 91.5, "D-ZJ", 76.4, "D-CG", 78.2, "D-JT", 80.3, "D-GX", 74.6, "D-GA", 84.1, "D-NY", 81.7, "D-ZR",
				59.2, "D-SL", 72.5, "D-FG", 86.3, "D-CZ", 83.0, "D-SW", 70.4, "D-SJ", 79.8, "D-QX", 88.9, "D-YJ", 77.1,
				"D-GZ", 75.5, "D-JY", 82.6, "D-WJ", 80.9, "D-WG", 73.2, "D-TJ", 84.7, "D-XC", 85.2, "D-SF", 69.8 };
		for (int i = 0; i < scores.length; i += 2) {
			this.plan.yearlyScores.put((String) scores[i], (Double) scores[i + 1]);
		}
		// exposures of 2025: 北邙区 (a site, by media) and 嵩北县 (an enterprise, provincial notice) are in
		// the bottom three; 伊阳县's coking plant was named too, but 伊阳县 ranks 4th of 7
		this.facts.exposures.add(new Exposure(ent("carbonC10").id, LocalDate.parse("2025-12-16"), "PROVINCIAL_NOTICE"));
		this.facts.exposures.add(new Exposure(ent("coking").id, LocalDate.parse("2025-10-28"), "PROVINCIAL_NOTICE"));
		planted("R-CTY-08", county("C06"), Quarter.Q4_2025, "2025年度考核城区组倒数第1，辖区工地被媒体曝光 → 提拔、评优一票否决");
		planted("R-CTY-08", county("C10"), Quarter.Q4_2025, "年度考核县组倒数第2，辖区碳素企业被省通报 → 一票否决");
		nearMiss("R-CTY-08", county("C14"), Quarter.Q4_2025, "年度考核县组倒数第3，但本年度未被曝光");
		nearMiss("R-CTY-08", county("C09"), Quarter.Q4_2025, "辖区焦化企业被省通报，但年度考核排名第4，不在后三位");
		planted("R-CTY-09", county("C01"), Quarter.Q4_2025, "年度考核93.6分（优秀）→ 通报表彰");
		planted("R-CTY-09", county("C13"), Quarter.Q4_2025, "年度考核91.2分（优秀）→ 通报表彰");
		planted("R-CTY-09", county("C12"), Quarter.Q4_2025, "年度考核82.4分（良好）→ 通报表彰");
		planted("R-CTY-09", county("C11"), Quarter.Q4_2025, "年度考核58.6分（不合格）→ 通报批评");
		planted("R-CTY-09", "D-ZR", "市自然资源和规划局", Quarter.Q4_2025, "年度考核59.2分（不合格）→ 通报批评");
		nearMiss("R-CTY-09", county("C06"), Quarter.Q4_2025, "年度考核66.9分（合格），不表彰也不批评");
	}

	// ------------------------------------------------------------------ C. counties: straw burning

	/** R-CTY-10: satellite fire points (wheat harvest in June, autumn harvest in September–October). */
	private void fires() {
		this.plan.fires.put("2025-10|C12", 2);
		this.plan.fires.put("2025-11|C12", 1);
		planted("R-CTY-10", county("C12"), Quarter.Q4_2025, "10月出现年度“第一把火”（2个火点），11月又1个 → 通报批评，扣缴50万+10万+10万元");
		this.plan.fires.put("2026-06|C10", 6);
		planted("R-CTY-10", county("C10"), Quarter.Q2_2026, "麦收期6月6个火点（年度第一把火）→ 通报批评，扣缴50万+5×10万元");
		this.nextMeasure = "INTERVIEW";
		nearMiss("R-CTY-10", county("C10"), Quarter.Q2_2026, "火点密度每百万亩9.7个，未超过10个，不约谈");
		this.plan.fires.put("2026-09|C09", 4);
		planted("R-CTY-10", county("C09"), Quarter.Q3_2026, "秋收期9月4个火点（年度第一把火），每百万亩11.4个 → 通报批评、扣缴80万元并约谈");
	}

	// ------------------------------------------------------------------ C. counties + F. enterprises: emergency response

	/** R-CTY-11 and R-ENT-04: not executing the emergency curtailment during alerts. */
	private void emergencies() {
		// 2025-Q4: 新关市 three (two enterprises and a site) → criticism; 嵩北县 碳素 1st of the season
		violation(ent("refractoryC14"), "2025-12-11", "EMERGENCY_NONCOMPLIANCE", "市攻坚办夜查组", false);
		violation(ent("foundryC14"), "2025-12-13", "EMERGENCY_NONCOMPLIANCE", "省攻坚办暗访组", false);
		violation(ent("carbonC10"), "2025-12-12", "EMERGENCY_NONCOMPLIANCE", "省攻坚办暗访组", false);
		violation(ent("chemC09"), "2025-12-14", "EMERGENCY_NONCOMPLIANCE", "市攻坚办督查组", false);
		planted("R-CTY-11", county("C14"), Quarter.Q4_2025, "橙色预警期间辖区2家企业未停限产、1处工地违规土方作业 → 通报批评");
		nearMiss("R-CTY-11", county("C10"), Quarter.Q4_2025, "本季度应急管控违规1起，未达3起");
		planted("R-ENT-04", ent("carbonC10"), Quarter.Q4_2025, "橙色预警期间未按绩效分级落实停产措施（本采暖季第1次）→ 建议罚款并公开曝光");
		planted("R-ENT-04", ent("refractoryC14"), Quarter.Q4_2025, "橙色预警期间未执行限产 → 建议罚款并公开曝光");
		nearMiss("R-ENT-04", ent("chemC09"), Quarter.Q4_2025, "预警期间生产，但该企业不在应急减排清单内");

		// 2026-Q1: 新关市 again three → repeated next quarter → interview; 嵩北县 three → criticism;
		// 嵩北县 碳素 2nd of the season → suspension + blacklist
		Ent foundryC14b = pickEnt("C14", "FOUNDRY");
		violation(ent("glassC14"), "2026-01-07", "EMERGENCY_NONCOMPLIANCE", "市攻坚办督查组", false);
		violation(foundryC14b, "2026-01-09", "EMERGENCY_NONCOMPLIANCE", "市攻坚办夜查组", false);
		violation(ent("carbonC10"), "2026-01-08", "EMERGENCY_NONCOMPLIANCE", "省攻坚办暗访组", false);
		violation(ent("brickC10"), "2026-01-21", "EMERGENCY_NONCOMPLIANCE", "市攻坚办督查组", false);
		planted("R-CTY-11", county("C14"), Quarter.Q1_2026, "连续两个季度应急管控违规达3起 → 约谈");
		planted("R-CTY-11", county("C10"), Quarter.Q1_2026, "预警期间2家企业、1处工地违规 → 通报批评");
		planted("R-ENT-04", ent("carbonC10"), Quarter.Q1_2026, "同一采暖季第2次不执行应急管控 → 停产至采暖季结束并列入黑名单");
		nearMiss("R-CTY-11", county("C01"), Quarter.Q1_2026, "预警期间仅1处（民生保障工程）涉土作业");

		// 2026-Q3: ozone alert in 经开区: two VOC enterprises and a site → criticism
		violation(ent("chemC08b"), "2026-07-09", "EMERGENCY_NONCOMPLIANCE", "市攻坚办督查组", false);
		violation(ent("coatingC08"), "2026-07-10", "EMERGENCY_NONCOMPLIANCE", "市生态环境局执法支队", false);
		planted("R-CTY-11", county("C08"), Quarter.Q3_2026, "臭氧黄色预警期间2家涉VOCs企业未落实减排、1处工地违规 → 通报批评");
		planted("R-ENT-04", ent("coatingC08"), Quarter.Q3_2026, "臭氧预警期间喷涂工序未停产（夏季第1次）→ 建议罚款并公开曝光");
	}

	// ------------------------------------------------------------------ C. counties + D. departments: overdue issues

	/** R-CTY-12 and R-DEPT-06: inspection findings not rectified by their deadlines. */
	private void overdueIssues() {
		// one overdue issue → written self-criticism
		issue("C05", null, "DUST", "CITY_OFFICE", "2026-08-28", "2026-09-10", null, null,
				"南城区太和路沿线道路积尘、渣土撒漏");
		planted("R-CTY-12", county("C05"), Quarter.Q3_2026, "1个问题逾期20天未整改 → 书面检查");
		// two overdue issues (one rectified late within the quarter) → interview
		issue("C03", null, "CATERING", "PETITION", "2026-07-20", "2026-08-05", "2026-08-19", "2026-08-30",
				"群众举报东关大街夜市餐饮油烟直排");
		issue("C03", null, "DUST", "CITY_OFFICE", "2026-08-24", "2026-09-07", null, null, "东关区城乡结合部裸露地块未覆盖");
		planted("R-CTY-12", county("C03"), Quarter.Q3_2026, "2个问题逾期（1个逾期14天才整改、1个逾期23天未整改）→ 约谈");
		// more than 60 days overdue → listed supervision; the enterprise is blacklisted (R-ENT-07)
		Ent refractory = ent("refractoryC09");
		issue("C09", refractory.id, "INDUSTRY", "CITY_OFFICE", "2026-06-18", "2026-07-20", null, null,
				"原料堆场未封闭、破碎工序无组织排放");
		planted("R-CTY-12", county("C09"), Quarter.Q3_2026, "耐材企业无组织排放问题逾期72天未整改 → 挂牌督办");
		planted("R-ENT-07", refractory, Quarter.Q3_2026, "督查问题逾期未整改 → 列入企业黑名单");
		// from provincial inspection → listed supervision, and R-DEPT-06 interview
		issue("D-CG", null, "DUST", "PROVINCIAL_INSPECTION", "2026-08-05", "2026-08-31", null, null,
				"省环保督查组移交：城区主次干道“以克论净”不达标");
		planted("R-CTY-12", "D-CG", "市城管局", Quarter.Q3_2026, "省督查交办问题逾期未整改 → 挂牌督办");
		planted("R-DEPT-06", "D-CG", "市城管局", Quarter.Q3_2026, "省督查交办问题逾期未销号 → 挂牌督办并约谈");
		// from the central inspection, open since January
		Ent cement = ent("cementC06");
		issue("C06", cement.id, "INDUSTRY", "CENTRAL_INSPECTION", "2026-01-12", "2026-06-30", null, null,
				"中央生态环境保护督察反馈：水泥企业物料输送无组织排放整改不到位");
		planted("R-DEPT-06", county("C06"), Quarter.Q3_2026, "中央督察反馈问题逾期92天未销号 → 挂牌督办并约谈");
		planted("R-CTY-12", county("C06"), Quarter.Q3_2026, "中央督察交办问题逾期 → 挂牌督办");
		planted("R-ENT-07", cement, Quarter.Q3_2026, "中央督察反馈问题逾期未整改 → 列入企业黑名单");
		// near misses: due on the last day of the quarter; rectified on the deadline
		issue("C04", null, "DUST", "CITY_OFFICE", "2026-09-02", "2026-09-30", null, null, "龙门区新区渣土消纳场未苫盖");
		nearMiss("R-CTY-12", county("C04"), Quarter.Q3_2026, "问题整改期限为9月30日，截至季末尚未逾期");
		issue("C07", null, "VEHICLE", "CITY_OFFICE", "2026-09-01", "2026-09-15", "2026-09-15", "2026-09-25",
				"高新区物流园柴油货车冒黑烟");
		nearMiss("R-CTY-12", county("C07"), Quarter.Q3_2026, "问题在整改期限当天整改完毕");
		// earlier quarters
		issue("C10", null, "COAL", "PROVINCIAL_INSPECTION", "2026-01-15", "2026-02-15", "2026-03-06", "2026-03-20",
				"省督查组发现散煤复烧、“双替代”户返煤");
		planted("R-CTY-12", county("C10"), Quarter.Q1_2026, "省督查交办问题逾期19天才整改 → 挂牌督办");
		issue("D-ZJ", site("exposedC04").id, "DUST", "PROVINCIAL_INSPECTION", "2026-04-20", "2026-05-05", "2026-05-12",
				"2026-05-26", "省环保督查组移交：工地裸土未覆盖、车辆带泥上路");
		planted("R-CTY-12", "D-ZJ", "市住建局", Quarter.Q2_2026, "省督查移交的工地扬尘问题逾期7天才整改 → 挂牌督办");
	}

	// ------------------------------------------------------------------ C. counties: relapse

	/** R-CTY-13, R-ENT-06: problems that come back. */
	private void relapses() {
		Ent foundry = ent("foundryC12");
		Issue first = issue("C12", foundry.id, "INDUSTRY", "COVERT_VISIT", "2026-04-10", "2026-04-25", "2026-04-22",
				"2026-05-06", "暗访发现铸造车间集气罩未开启、无组织排放");
		Issue again = issue("C12", foundry.id, "INDUSTRY", "CITY_OFFICE", "2026-08-05", "2026-08-20", "2026-08-18",
				"2026-09-02", "“回头看”发现集气罩再次停用，问题反弹");
		again.relapseOf = first;
		planted("R-CTY-13", county("C12"), Quarter.Q3_2026, "5月销号的铸造企业无组织排放问题8月反弹 → 约谈并挂牌督办");
		violation(ent("scattered"), "2026-08-22", "SCATTERED_RESUMED", "市攻坚办暗访组", false);
		planted("R-ENT-06", ent("scattered"), Quarter.Q3_2026, "已取缔的“散乱污”塑料加工点死灰复燃 → 移送取缔（断水断电）");
		planted("R-CTY-13", county("C13"), Quarter.Q3_2026, "辖区“散乱污”企业死灰复燃 → 反弹回潮从严处理");
		Ent brick = pickEnt("C11", "BRICK");
		issue("C11", brick.id, "INDUSTRY", "CITY_OFFICE", "2025-11-03", "2025-11-18", "2025-11-16", "2025-11-30",
				"砖瓦企业脱硫设施运行不正常");
		issue("C11", brick.id, "INDUSTRY", "CITY_OFFICE", "2026-07-06", "2026-07-21", "2026-07-19", "2026-07-31",
				"砖瓦企业原料堆场苫盖破损");
		nearMiss("R-CTY-13", county("C11"), Quarter.Q3_2026, "同一企业同类问题，但距上次销号已218天，超出180天");
	}

	// ------------------------------------------------------------------ D. departments and counties: ledger tasks

	private void ledgerTasks() {
		// R-DEPT-01: due, ≥ 80 % done, at most 30 days late → warning
		task("T-GX-02", "D-GX", "中心城区高排放企业退城搬迁改造（第二批）", "2025-12-31", 33, "家")
			.progress(Quarter.Q4_2025, 31)
			.completed(LocalDate.parse("2026-01-25"));
		planted("R-DEPT-01", "D-GX", "市工信局", Quarter.Q4_2025, "第二批33家企业退城搬迁年底完成31家（93.9%）→ 预警");
		task("T-CG-01", "D-CG", "“引热入洛”中心城区新增集中供热面积（供热率达到90%）", "2025-11-15", 620, "万平方米")
			.progress(Quarter.Q4_2025, 620)
			.completed(LocalDate.parse("2025-11-10"));
		task("T-ZJ-01", "D-ZJ", "建筑工地扬尘在线监测和视频监控联网", "2026-03-31", 240, "个")
			.progress(Quarter.Q4_2025, 160)
			.progress(Quarter.Q1_2026, 229)
			.completed(LocalDate.parse("2026-04-18"));
		planted("R-DEPT-01", "D-ZJ", "市住建局", Quarter.Q1_2026, "工地在线监测联网完成229/240个（95.4%）→ 预警");
		task("T-JT-01", "D-JT", "国Ⅲ及以下排放标准柴油货车淘汰", "2026-06-30", 1260, "辆")
			.progress(Quarter.Q4_2025, 410)
			.progress(Quarter.Q1_2026, 705)
			.progress(Quarter.Q2_2026, 1196)
			.completed(LocalDate.parse("2026-07-21"));
		planted("R-DEPT-01", "D-JT", "市交通运输局", Quarter.Q2_2026, "6月底淘汰1,196/1,260辆（94.9%）→ 预警");
		task("T-C07-01", "C07", "集中供热老旧管网改造", "2026-09-20", 12.5, "公里").progress(Quarter.Q2_2026, 6.4)
			.progress(Quarter.Q3_2026, 11.2);
		planted("R-DEPT-01", county("C07"), Quarter.Q3_2026, "管网改造完成11.2/12.5公里（89.6%），逾期10天 → 预警");
		task("T-C15-01", "C15", "工业炉窑深度治理", "2026-09-25", 9, "台").progress(Quarter.Q2_2026, 4).progress(Quarter.Q3_2026, 7);
		nearMiss("R-DEPT-01", county("C15"), Quarter.Q3_2026, "完成7/9台（77.8%），低于80%预警线，逾期5天未达严重滞后");
		task("T-C05-01", "C05", "城中村散煤动态清零", "2026-09-30", 1480, "户")
			.progress(Quarter.Q2_2026, 900)
			.completed(LocalDate.parse("2026-09-28"));

		// R-DEPT-02: severe lag (< 50 % or > 30 days late); the same task late again → listed supervision
		task("T-C12-01", "C12", "“双替代”（电代煤、气代煤）清洁取暖改造", "2025-10-31", 8600, "户")
			.progress(Quarter.Q4_2025, 3900)
			.progress(Quarter.Q1_2026, 6150)
			.completed(LocalDate.parse("2026-04-28"));
		planted("R-DEPT-02", county("C12"), Quarter.Q4_2025, "“双替代”10月底节点仅完成3,900/8,600户（45.3%）→ 通报批评并约谈分管副县长");
		planted("R-DEPT-02", county("C12"), Quarter.Q1_2026, "同一任务逾期150天仍未完成 → 挂牌督办并扣缴10万元");
		task("T-C02-01", "C02", "重污染企业退城搬迁改造（第二批）", "2026-06-30", 9, "家")
			.progress(Quarter.Q4_2025, 1)
			.progress(Quarter.Q1_2026, 2)
			.progress(Quarter.Q2_2026, 4)
			.progress(Quarter.Q3_2026, 5);
		planted("R-DEPT-02", county("C02"), Quarter.Q2_2026, "6月底节点完成4/9家（44.4%）→ 通报批评并约谈分管副区长");
		planted("R-DEPT-02", county("C02"), Quarter.Q3_2026, "连续两个季度严重滞后 → 挂牌督办并扣缴10万元");
		task("T-GX-01", "D-GX", "65蒸吨以上燃煤锅炉超低排放改造", "2026-08-31", 15, "台")
			.progress(Quarter.Q4_2025, 0)
			.progress(Quarter.Q1_2026, 1)
			.progress(Quarter.Q2_2026, 2)
			.progress(Quarter.Q3_2026, 3);
		planted("R-DEPT-02", "D-GX", "市工信局", Quarter.Q3_2026, "8月底前应完成15台锅炉超低排放改造，仅完成3台（20%）→ 通报批评并约谈分管负责人");

		// R-ENT-05: the 15 boilers, as the enterprises' own retrofit tasks (3 of 15 done)
		boiler("T-E-01", ent("powerC15"), 3, 3, "2026-08-20");
		boiler("T-E-02", ent("nonferrousC10"), 3, 0, null);
		boiler("T-E-03", ent("steelC14"), 3, 0, null);
		boiler("T-E-04", ent("chemC12"), 2, 0, null);
		boiler("T-E-05", ent("glassC14"), 2, 0, null);
		boiler("T-E-06", ent("cementC11"), 2, 0, null);
		planted("R-ENT-05", ent("nonferrousC10"), Quarter.Q3_2026, "3台燃煤锅炉8月底前未完成超低排放改造 → 限期整改并停产");
		planted("R-ENT-05", ent("chemC12"), Quarter.Q3_2026, "2台锅炉改造未完成 → 限期整改并停产");
		nearMiss("R-ENT-05", ent("powerC15"), Quarter.Q3_2026, "3台锅炉于8月20日按期完成改造");
		task("T-E-07", ent("coking").id, "焦炉无组织排放深度治理", "2025-10-31", 5, "项")
			.progress(Quarter.Q4_2025, 3)
			.completed(LocalDate.parse("2026-01-20"));
		planted("R-ENT-05", ent("coking"), Quarter.Q4_2025, "焦炉无组织排放治理10月底节点完成3/5项 → 限期整改并停产");

		// R-DEPT-03 (optional rule): a task that had to be adjusted because of poor work
		Task relocation = task("T-C06-01", "C06", "水泥粉磨站退城入园", "2026-12-31", 4, "家").progress(Quarter.Q2_2026, 1)
			.progress(Quarter.Q3_2026, 1);
		relocation.adjusted.put(Quarter.Q2_2026, true);
	}

	private void boiler(String id, Ent owner, int planned, int done, String completedOn) {
		Task t = task(id, owner.id, "燃煤锅炉超低排放改造（65蒸吨/小时以上）", "2026-08-31", planned, "台");
		t.progress(Quarter.Q4_2025, 0).progress(Quarter.Q1_2026, 0).progress(Quarter.Q2_2026, done > 0 ? 1 : 0);
		if (completedOn != null) {
			t.completed(LocalDate.parse(completedOn));
		}
		else {
			t.progress(Quarter.Q3_2026, done);
		}
	}

	private Task task(String id, String ownerId, String title, String due, double planned, String unit) {
		Task t = new Task(id, ownerId, title, LocalDate.parse(due), planned, unit);
		this.facts.tasks.add(t);
		return t;
	}

	// ------------------------------------------------------------------ D. departments: sector supervision

	/** R-DEPT-04: 市住建局 reports every site compliant while the province keeps finding dust problems. */
	private void sectorSupervision() {
		supervision(Quarter.Q4_2025, "D-ZJ", 58, 2, false);
		supervision(Quarter.Q1_2026, "D-ZJ", 126, 9, false);
		supervision(Quarter.Q2_2026, "D-ZJ", 35, 11, true);
		supervision(Quarter.Q3_2026, "D-ZJ", 41, 7, true);
		planted("R-DEPT-04", "D-ZJ", "市住建局", Quarter.Q2_2026, "自报工地全部达标，省督查组却移交扬尘问题11个 → 通报批评");
		planted("R-DEPT-04", "D-ZJ", "市住建局", Quarter.Q3_2026, "再次自报全部达标而上级发现7个问题 → 约谈");
		supervision(Quarter.Q3_2026, "D-CG", 64, 2, true);
		nearMiss("R-DEPT-04", "D-CG", "市城管局", Quarter.Q3_2026, "自报全部达标，上级发现2个问题，未达3个");
		supervision(Quarter.Q3_2026, "D-JT", 22, 4, false);
		nearMiss("R-DEPT-04", "D-JT", "市交通运输局", Quarter.Q3_2026, "上级发现4个问题，但未自报“全部达标”，底数清楚");
	}

	private void supervision(Quarter q, String dept, int self, int higher, boolean allCompliant) {
		this.facts.supervision.add(new Supervision(q, dept, self, higher, allCompliant));
	}

	// ------------------------------------------------------------------ F. enterprises

	private void enterprises() {
		// the seed case: a coking plant with leaking ovens, named at the provincial autumn-winter conference
		violation(ent("coking"), "2025-10-21", "FUGITIVE_LEAK", "省攻坚办专家组", false);
		planted("R-ENT-02", ent("coking"), Quarter.Q4_2025, "两座焦炉多处烟气泄露、废气收集处理不到位 → 顶格处罚、停产整治、列入黑名单");
		// R-ENT-01: over the standard; one refuses to correct
		violation(ent("steelC14"), "2026-07-16", "OVER_STANDARD", "市生态环境局执法支队（在线监控）", false);
		planted("R-ENT-01", ent("steelC14"), Quarter.Q3_2026, "烧结机头颗粒物日均值超标 → 建议罚款并限产");
		violation(ent("cementC11"), "2026-09-03", "OVER_STANDARD", "市攻坚办暗访组", true);
		planted("R-ENT-01", ent("cementC11"), Quarter.Q3_2026, "窑尾氮氧化物超标且拒不改正 → 按日连续处罚并停产整治");
		planted("R-ENT-07", ent("cementC11"), Quarter.Q3_2026, "拒不改正 → 列入企业黑名单");
		// R-ENT-07: three violations within twelve months
		Ent refractory = ent("refractoryC15");
		violation(refractory, "2025-11-03", "OVER_STANDARD", "市生态环境局执法支队", false);
		violation(refractory, "2026-05-19", "FACILITY_ABNORMAL", "市攻坚办夜查组", false);
		violation(refractory, "2026-08-26", "OVER_STANDARD", "省生态环境厅执法局", false);
		planted("R-ENT-02", refractory, Quarter.Q2_2026, "夜查发现除尘设施未正常运行 → 顶格处罚、停产整治、列入黑名单");
		planted("R-ENT-07", refractory, Quarter.Q3_2026, "12个月内第3次违法（超标、设施不正常运行、超标）→ 列入企业黑名单");
		// R-ENT-02: a hidden pipe; R-ENT-03: falsified monitoring data
		violation(ent("chemC08"), "2026-08-11", "COVERT_DISCHARGE", "市攻坚办夜查组", false);
		planted("R-ENT-02", ent("chemC08"), Quarter.Q3_2026, "夜查发现暗管偷排废气 → 顶格处罚、停产整治、移送公安、列入黑名单");
		violation(ent("carbonC15"), "2026-09-10", "DATA_FALSIFICATION", "市生态环境局执法支队", false);
		planted("R-ENT-03", ent("carbonC15"), Quarter.Q3_2026, "篡改自动监测数据 → 顶格处罚100万元、停产、移送公安、列入黑名单");
		// R-SITE-08 builders are blacklisted as enterprises too
		planted("R-ENT-07", site("seriousC06").builder, Quarter.Q3_2026, "所建工地问题严重被顶格处罚 → 施工单位列入企业黑名单");
		// R-DEPT-05 一案四查 and R-PER-02 follow from the serious cases above
		planted("R-DEPT-05", (String) null, "任意", Quarter.Q3_2026, "由暗管偷排、数据造假等严重案件引出：企业、属地、监管部门、领导干部“一案四查”");
		planted("R-DEPT-05", (String) null, "任意", Quarter.Q4_2025, "由焦化企业烟气泄露案引出“一案四查”");
	}

	private void violation(Ent e, String on, String type, String foundBy, boolean refused) {
		this.facts.violations.add(new Case(e.id, LocalDate.parse(on), type, foundBy, refused));
	}

	// ------------------------------------------------------------------ E. persons: interviews

	private void interviews() {
		County xiong = county("C12");
		// interviewed in March for the 双替代 lag, no improvement; interviewed again in August
		this.facts.interviews.add(new Interview(xiong.govHead.id, LocalDate.parse("2026-03-12"), "INTERVIEW", false));
		this.facts.interviews.add(new Interview(xiong.govHead.id, LocalDate.parse("2026-08-14"), "PUBLIC_INTERVIEW", null));
		planted("R-PER-01", xiong.govHead.id, xiong.govHead.name + "（" + xiong.govHead.title + "）", Quarter.Q3_2026,
				"3月被约谈后无改进，8月再次被公开约谈 → 诫勉谈话并暂缓提拔");
		planted("R-PER-02", xiong.govHead.id, xiong.govHead.name + "（" + xiong.govHead.title + "）", Quarter.Q3_2026,
				"因约谈后无改进被诫勉 → 记入个人负面信息库并移送");
		planted("R-PER-02", county("C11").govHead.id, county("C11").govHead.name + "（" + county("C11").govHead.title + "）",
				Quarter.Q3_2026, "县区综合指数连续两季度末位被问责 → 记入负面信息库");
		planted("R-PER-02", county("C06").partyHead.id, county("C06").partyHead.name + "（" + county("C06").partyHead.title + "）",
				Quarter.Q4_2025, "辖区年度考核后三位且被曝光，一票否决 → 记入负面信息库");
		// the province interviewed 嵩北县 in November and things improved
		this.facts.interviews.add(new Interview(county("C10").id, LocalDate.parse("2025-11-18"), "INTERVIEW", true));
		// the city government interviewed 市住建局 in May about site dust; no improvement
		this.facts.interviews.add(new Interview("D-ZJ", LocalDate.parse("2026-05-21"), "INTERVIEW", false));
	}

	// ------------------------------------------------------------------ helpers

	private Issue issue(String owner, String objectId, String category, String source, String found, String deadline,
			String rectified, String closed, String note) {
		Issue i = new Issue(owner, objectId, category, source, LocalDate.parse(found), LocalDate.parse(deadline), note);
		if (rectified != null) {
			i.rectified(LocalDate.parse(rectified), closed != null ? LocalDate.parse(closed) : null);
		}
		this.facts.issues.add(i);
		return i;
	}

	private Site site(String key) {
		return this.city.site(key);
	}

	private Ent ent(String key) {
		return this.city.ent(key);
	}

	private County county(String id) {
		return this.city.county(id);
	}

	/** An ordinary enterprise of the county and industry, on the emergency list, reserved from now on. */
	private Ent pickEnt(String countyId, String industry) {
		Ent e = this.city.enterprises.stream()
			.filter(x -> x.county.id.equals(countyId) && x.industry.equals(industry) && !x.reserved
					&& Boolean.TRUE.equals(x.onEmergencyList))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + industry + " in " + countyId));
		e.reserved = true;
		return e;
	}

	private void planted(String rule, Site s, Quarter q, String what) {
		add(rule, s.id, s.name, q, what, false);
	}

	private void planted(String rule, Ent e, Quarter q, String what) {
		add(rule, e.id, e.name, q, what, false);
	}

	private void planted(String rule, County c, Quarter q, String what) {
		add(rule, c.id, c.name, q, what, false);
	}

	private void planted(String rule, String id, String name, Quarter q, String what) {
		add(rule, id, name, q, what, false);
	}

	private void nearMiss(String rule, Site s, Quarter q, String what) {
		add(rule, s.id, s.name, q, what, true);
	}

	private void nearMiss(String rule, Ent e, Quarter q, String what) {
		add(rule, e.id, e.name, q, what, true);
	}

	private void nearMiss(String rule, County c, Quarter q, String what) {
		add(rule, c.id, c.name, q, what, true);
	}

	private void nearMiss(String rule, String id, String name, Quarter q, String what) {
		add(rule, id, name, q, what, true);
	}

	private void add(String rule, String id, String name, Quarter q, String what, boolean nearMiss) {
		this.cases.add(new PlantedCase(rule, id, name, q, what, nearMiss, this.nextMeasure));
		this.nextMeasure = null;
	}

}
