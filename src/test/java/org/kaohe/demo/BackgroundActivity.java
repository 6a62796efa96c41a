package org.kaohe.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.kaohe.demo.AirQuality.Plan;
import org.kaohe.demo.DemoCity.County;
import org.kaohe.demo.DemoCity.Dept;
import org.kaohe.demo.DemoCity.Ent;
import org.kaohe.demo.DemoCity.Site;
import org.kaohe.demo.DemoFacts.Alarm;
import org.kaohe.demo.DemoFacts.Case;
import org.kaohe.demo.DemoFacts.Check;
import org.kaohe.demo.DemoFacts.Exposure;
import org.kaohe.demo.DemoFacts.Issue;
import org.kaohe.demo.DemoFacts.Supervision;
import org.kaohe.demo.DemoFacts.Task;

/**
 * The ordinary life of the city around the planted cases: routine site inspections (mostly passing),
 * the spring resumption after the Spring Festival with the seed speech's figures, micro-station
 * alarms, inspection findings rectified on time, a few enterprise violations, ledger tasks finished
 * on time and the departments' supervision records. Reserved subjects (those of planted cases) only
 * get clean inspections.
 */
final class BackgroundActivity {

	/** Work resumed after the Spring Festival (2026-02-17) in late February. */
	static final LocalDate RESUMPTION = LocalDate.of(2026, 2, 24);

	/** Seed speech 002: "自2月下旬复工复产以来，共督查发现问题工地101个，其中扬尘污染问题工地达89个". */
	static final int SPRING_PROBLEM_SITES = 101;

	static final int SPRING_DUST_SITES = 89;

	/** Days without routine inspections (holidays; the Spring Festival shutdown). */
	private static final List<LocalDate[]> HOLIDAYS = List.of(range("2025-10-01", "2025-10-08"),
			range("2026-01-01", "2026-01-03"), range("2026-02-11", "2026-02-23"), range("2026-04-04", "2026-04-06"),
			range("2026-05-01", "2026-05-05"), range("2026-06-19", "2026-06-21"));

	private final DemoCity city;

	private final DemoFacts facts;

	private final Plan plan;

	private final Random rnd;

	private final Set<String> issueObjects = new HashSet<>();

	private final Set<Ent> violators = new HashSet<>();

	private BackgroundActivity(DemoCity city, DemoFacts facts, Plan plan, long seed) {
		this.city = city;
		this.facts = facts;
		this.plan = plan;
		this.rnd = new Random(seed);
	}

	static void generate(DemoCity city, DemoFacts facts, Plan plan, long seed) {
		new BackgroundActivity(city, facts, plan, seed).run();
	}

	private void run() {
		siteStatuses();
		for (Quarter q : Quarter.values()) {
			inspections(q);
		}
		springResumption();
		for (Quarter q : Quarter.values()) {
			alarms(q);
		}
		this.facts.issues.forEach(i -> {
			if (i.objectId != null) {
				this.issueObjects.add(i.objectId + "|" + i.category);
			}
		});
		for (Quarter q : Quarter.values()) {
			issues(q);
			violations(q);
			exposures(q);
			tasks(q);
			supervision(q);
		}
	}

	// ------------------------------------------------------------------ sites

	private void siteStatuses() {
		List<Site> ordinary = new ArrayList<>(this.city.sites.stream().filter(s -> !s.reserved).toList());
		Collections.shuffle(ordinary, this.rnd);
		int i = 0;
		for (int n = 0; n < 6; n++, i++) {
			Site s = ordinary.get(i);
			s.status.put(Quarter.Q2_2026, "COMPLETED");
			s.status.put(Quarter.Q3_2026, "COMPLETED");
		}
		for (int n = 0; n < 9; n++, i++) {
			ordinary.get(i).status.put(Quarter.Q3_2026, "COMPLETED");
		}
		for (int n = 0; n < 5; n++, i++) {
			// stopped over the winter, resumed in spring
			ordinary.get(i).status.put(Quarter.Q1_2026, "STOPPED");
		}
		for (int n = 0; n < 4; n++, i++) {
			// not started until the second quarter
			Site s = ordinary.get(i);
			s.status.put(Quarter.Q4_2025, "STOPPED");
			s.status.put(Quarter.Q1_2026, "STOPPED");
		}
	}

	// ------------------------------------------------------------------ inspections

	private void inspections(Quarter q) {
		double failRate = switch (q) {
			case Q4_2025 -> 0.06;
			case Q1_2026 -> 0.06;
			case Q2_2026 -> 0.05;
			case Q3_2026 -> 0.04;
		};
		for (Site s : this.city.sites) {
			if (!s.working(q)) {
				continue;
			}
			int n = s.reserved ? 1 : pick(new int[] { 1, 2, 3 }, new int[] { 45, 40, 15 });
			for (int k = 0; k < n; k++) {
				LocalDate day;
				if (q == Quarter.Q1_2026) {
					day = (k == 0) ? day(RESUMPTION, q.end()) : day(q.start(), q.end());
				}
				else {
					day = day(q.start(), q.end());
				}
				boolean night = !s.reserved && this.rnd.nextDouble() < 0.09;
				LocalDateTime at = night ? nightTime(day, q) : day.atTime(8 + this.rnd.nextInt(10), this.rnd.nextInt(12) * 5);
				Check c = new Check(s, at, night ? "市攻坚办夜查组" : by(s));
				c.alertLevel = this.plan.alertOn(at.toLocalDate());
				boolean alert = c.alertLevel.equals("YELLOW") || c.alertLevel.equals("ORANGE") || c.alertLevel.equals("RED");
				if (night) {
					if ((s.projectType.equals("METRO") || s.projectType.equals("HEATING_NETWORK")) && !alert
							&& this.rnd.nextBoolean()) {
						c.earthworkObserved = true;
						c.nightPermit = true;
					}
				}
				else if (!alert && !s.reserved) {
					c.earthworkObserved = this.rnd.nextDouble() < earthworkShare(s.projectType);
				}
				boolean spring = q == Quarter.Q1_2026 && !day.isBefore(RESUMPTION);
				if (!s.reserved && !spring) {
					if (this.rnd.nextDouble() < failRate) {
						c.fail(items(this.rnd.nextDouble() < 0.75 ? 1 : 2));
					}
					double r = this.rnd.nextDouble();
					if (r < 0.008) {
						c.oneChiefThreeOfficers = false;
					}
					else if (r < 0.016) {
						c.trucksWithoutGps = 1 + this.rnd.nextInt(2);
					}
					else if (r < 0.022) {
						c.trucksUnsealed = 1 + this.rnd.nextInt(2);
						c.fail("SEALED_TRANSPORT");
					}
				}
				this.facts.inspections.add(c);
			}
		}
	}

	/**
	 * After the Spring Festival the office found 101 problem sites, 89 of them for dust (seed speech
	 * 002). The planted cases of the first quarter count towards these numbers; the background makes up
	 * the rest.
	 */
	private void springResumption() {
		Set<Site> dust = new LinkedHashSet<>();
		Set<Site> other = new LinkedHashSet<>();
		problemSites(this.facts, this.city, dust, other);
		List<Site> candidates = new ArrayList<>();
		for (Site s : this.city.sites) {
			if (!s.reserved && s.working(Quarter.Q1_2026) && !springChecks(s).isEmpty()) {
				candidates.add(s);
			}
		}
		Collections.shuffle(candidates, this.rnd);
		int serious = 0;
		int i = 0;
		for (; dust.size() < SPRING_DUST_SITES; i++) {
			Site s = candidates.get(i);
			List<Check> checks = springChecks(s);
			Check c = checks.get(this.rnd.nextInt(checks.size()));
			int n = (serious < 3) ? 3 : (this.rnd.nextDouble() < 0.68 ? 1 : 2);
			serious++;
			c.fail(items(n));
			if (checks.size() > 1 && this.rnd.nextDouble() < 0.2) {
				checks.stream().filter(x -> x != c).findFirst().ifPresent(x -> x.fail(items(1)));
			}
			dust.add(s);
		}
		for (int k = 0; other.size() < SPRING_PROBLEM_SITES - SPRING_DUST_SITES; i++, k++) {
			Site s = candidates.get(i);
			Check c = springChecks(s).get(0);
			if (k % 2 == 0) {
				c.oneChiefThreeOfficers = false;
			}
			else {
				c.trucksWithoutGps = 1 + this.rnd.nextInt(3);
			}
			other.add(s);
		}
		dust.clear();
		other.clear();
		problemSites(this.facts, this.city, dust, other);
		if (dust.size() != SPRING_DUST_SITES || dust.size() + other.size() != SPRING_PROBLEM_SITES) {
			throw new IllegalStateException("spring figures off: " + dust.size() + " dust, " + other.size() + " other");
		}
	}

	private List<Check> springChecks(Site s) {
		return this.facts.inspections.stream()
			.filter(c -> c.site == s && !c.planted && !c.at.toLocalDate().isBefore(RESUMPTION)
					&& c.quarter() == Quarter.Q1_2026)
			.toList();
	}

	/**
	 * The problem sites found since the resumption: {@code dust} with a failed checklist item,
	 * {@code other} with any other problem (officers not in place, trucks, night earthwork, working
	 * without acceptance).
	 */
	static void problemSites(DemoFacts facts, DemoCity city, Set<Site> dust, Set<Site> other) {
		for (Check c : facts.inspections) {
			if (c.quarter() != Quarter.Q1_2026 || c.at.toLocalDate().isBefore(RESUMPTION)) {
				continue;
			}
			if (c.failedCount() > 0) {
				dust.add(c.site);
			}
		}
		for (Check c : facts.inspections) {
			if (c.quarter() != Quarter.Q1_2026 || c.at.toLocalDate().isBefore(RESUMPTION) || dust.contains(c.site)) {
				continue;
			}
			if (c.problem() || (c.site.working(Quarter.Q1_2026) && !c.site.acceptance.get(Quarter.Q1_2026))) {
				other.add(c.site);
			}
		}
	}

	private String[] items(int n) {
		String[] weighted = { "MATERIAL_COVER", "MATERIAL_COVER", "MATERIAL_COVER", "MATERIAL_COVER", "MATERIAL_COVER",
				"MATERIAL_COVER", "WET_OPERATION", "WET_OPERATION", "WET_OPERATION", "VEHICLE_WASH", "VEHICLE_WASH",
				"VEHICLE_WASH", "FENCING", "FENCING", "GROUND_HARDEN", "GROUND_HARDEN", "MONITORING" };
		Set<String> chosen = new LinkedHashSet<>();
		while (chosen.size() < n) {
			chosen.add(weighted[this.rnd.nextInt(weighted.length)]);
		}
		return chosen.toArray(String[]::new);
	}

	private static double earthworkShare(String type) {
		return switch (type) {
			case "DEMOLITION" -> 0.6;
			case "ROAD", "METRO" -> 0.45;
			case "HOUSING", "HEATING_NETWORK", "LINEAR" -> 0.35;
			default -> 0.25;
		};
	}

	private String by(Site s) {
		double r = this.rnd.nextDouble();
		if (r < 0.34) {
			return "市攻坚办督查组";
		}
		if (r < 0.80) {
			return switch (s.regulatorId) {
				case "D-JT" -> "市交通运输局巡查";
				case "D-CG" -> "市城管局巡查";
				case "D-SL" -> "市水利局巡查";
				default -> "市住建局扬尘办巡查";
			};
		}
		if (r < 0.88) {
			return s.county.shortName() + "攻坚办巡查";
		}
		if (r < 0.95) {
			return "省攻坚办暗访组";
		}
		return "省环保督查组";
	}

	private LocalDateTime nightTime(LocalDate day, Quarter q) {
		int minutes = this.rnd.nextInt(16) * 15; // 22:00 … 01:45
		LocalDateTime at = day.atTime(22, 0).plusMinutes(minutes);
		if (!at.toLocalDate().equals(day) && !q.contains(at.toLocalDate())) {
			at = day.atTime(22, 0).plusMinutes(this.rnd.nextInt(8) * 15);
		}
		return at;
	}

	private LocalDate day(LocalDate from, LocalDate to) {
		while (true) {
			LocalDate d = from.plusDays(this.rnd.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
			if (!holiday(d)) {
				return d;
			}
		}
	}

	private static boolean holiday(LocalDate d) {
		for (LocalDate[] h : HOLIDAYS) {
			if (!d.isBefore(h[0]) && !d.isAfter(h[1])) {
				return true;
			}
		}
		return false;
	}

	// ------------------------------------------------------------------ alarms

	private void alarms(Quarter q) {
		int n = switch (q) {
			case Q4_2025 -> 5;
			case Q1_2026 -> 9;
			case Q2_2026 -> 7;
			case Q3_2026 -> 3;
		};
		List<Site> pool = new ArrayList<>(this.city.sites.stream().filter(s -> !s.reserved && s.working(q) && s.county.urban()).toList());
		Collections.shuffle(pool, this.rnd);
		for (int i = 0; i < n; i++) {
			LocalDate from = (q == Quarter.Q1_2026) ? RESUMPTION : q.start();
			LocalDateTime at = day(from, q.end()).atTime(LocalTime.of(8 + this.rnd.nextInt(10), this.rnd.nextInt(60)));
			this.facts.alarms.add(new Alarm(pool.get(i), at, 11 + this.rnd.nextInt(38), 256 + this.rnd.nextInt(170)));
		}
	}

	// ------------------------------------------------------------------ issues

	private static final String[][] OBJECTLESS = { { "COAL", "散煤销售点死灰复燃" }, { "COAL", "城中村居民散煤复烧" },
			{ "CATERING", "餐饮油烟净化设施未正常使用" }, { "CATERING", "露天烧烤摊点未取缔" }, { "VEHICLE", "柴油货车冒黑烟上路" },
			{ "VEHICLE", "非道路移动机械未编码登记" }, { "DUST", "道路积尘、清扫保洁不到位" }, { "DUST", "裸露地块未覆盖" },
			{ "OTHER", "露天焚烧垃圾、树叶" }, { "OTHER", "加油站油气回收装置损坏" } };

	private static final String[][] STRAW = { { "STRAW", "田间秸秆露天堆放未清运" }, { "STRAW", "秸秆禁烧网格巡查不到位" } };

	private void issues(Quarter q) {
		int n = 13 + this.rnd.nextInt(4);
		for (int k = 0; k < n; k++) {
			LocalDate found = day(q.start(), q.end());
			int span = new int[] { 7, 10, 15, 15, 20, 30 }[this.rnd.nextInt(6)];
			LocalDate deadline = found.plusDays(span);
			LocalDate rectified = found.plusDays(1 + this.rnd.nextInt(span - 3));
			LocalDate closed = rectified.plusDays(1 + this.rnd.nextInt((int) ChronoUnit.DAYS.between(rectified, deadline)));
			String source = weighted(new Object[] { "CITY_OFFICE", 40, "PETITION", 18, "PROVINCIAL_INSPECTION", 12,
					"COVERT_VISIT", 10, "PROVINCIAL_EXPERT_GROUP", 8, "MEDIA", 7, "CENTRAL_INSPECTION", q == Quarter.Q4_2025 ? 5 : 0 });
			double r = this.rnd.nextDouble();
			Issue issue;
			if (r < 0.45) {
				Site s = unusedSite();
				String owner = this.rnd.nextDouble() < 0.7 ? s.county.id : s.regulatorId;
				issue = new Issue(owner, s.id, "DUST", source, found, deadline,
						new String[] { "工地裸土未覆盖", "出入口车辆冲洗不到位", "土方作业未湿法作业", "围挡破损" }[this.rnd.nextInt(4)]);
			}
			else if (r < 0.70) {
				Ent e = unusedEnterprise();
				String owner = this.rnd.nextDouble() < 0.6 ? e.county.id : e.regulatorId;
				issue = new Issue(owner, e.id, "INDUSTRY", source, found, deadline,
						new String[] { "物料堆场未封闭", "无组织排放收集不到位", "治污设施运行记录不全", "厂区道路积尘" }[this.rnd.nextInt(4)]);
			}
			else {
				boolean harvest = q == Quarter.Q2_2026 || q == Quarter.Q4_2025;
				String[] what = (harvest && this.rnd.nextDouble() < 0.3) ? STRAW[this.rnd.nextInt(STRAW.length)]
						: OBJECTLESS[this.rnd.nextInt(OBJECTLESS.length)];
				County c = this.city.counties.get(this.rnd.nextInt(this.city.counties.size()));
				String owner = c.id;
				if (this.rnd.nextDouble() < 0.25) {
					owner = switch (what[0]) {
						case "VEHICLE" -> "D-GA";
						case "STRAW" -> "D-NY";
						case "CATERING", "DUST" -> "D-CG";
						case "COAL" -> "D-FG";
						default -> "D-HB";
					};
				}
				issue = new Issue(owner, null, what[0], source, found, deadline, c.name + what[1]);
			}
			issue.rectified(rectified, closed);
			this.facts.issues.add(issue);
		}
	}

	private Site unusedSite() {
		while (true) {
			Site s = this.city.sites.get(this.rnd.nextInt(this.city.sites.size()));
			if (!s.reserved && this.issueObjects.add(s.id + "|DUST")) {
				return s;
			}
		}
	}

	private Ent unusedEnterprise() {
		while (true) {
			Ent e = this.city.enterprises.get(this.rnd.nextInt(this.city.enterprises.size()));
			if (!e.reserved && !e.industry.equals("CONSTRUCTION") && this.issueObjects.add(e.id + "|INDUSTRY")) {
				return e;
			}
		}
	}

	// ------------------------------------------------------------------ violations and exposures

	private void violations(Quarter q) {
		String[] types = switch (q) {
			case Q4_2025 -> new String[] { "OVER_STANDARD", "OVER_STANDARD", "OVER_STANDARD" };
			case Q1_2026 -> new String[] { "OVER_STANDARD", "OVER_STANDARD", "FACILITY_ABNORMAL" };
			case Q2_2026 -> new String[] { "OVER_STANDARD", "OVER_STANDARD", "OVER_STANDARD" };
			case Q3_2026 -> new String[] { "OVER_STANDARD", "OVER_STANDARD" };
		};
		String[] by = { "市生态环境局执法支队", "市攻坚办暗访组", "省生态环境厅执法局", "市生态环境局执法支队（在线监控）" };
		for (String type : types) {
			Ent e;
			do {
				e = this.city.enterprises.get(this.rnd.nextInt(this.city.enterprises.size()));
			}
			while (e.reserved || e.industry.equals("CONSTRUCTION") || e.industry.equals("OTHER") || !this.violators.add(e));
			this.facts.violations.add(new Case(e.id, day(q.start(), q.end()), type, by[this.rnd.nextInt(by.length)], false));
		}
	}

	private void exposures(Quarter q) {
		if (q == Quarter.Q4_2025) {
			return; // 2025 exposures decide the annual veto (R-CTY-08); only the planted ones exist
		}
		for (int k = 0; k < 2; k++) {
			Site s;
			do {
				s = this.city.sites.get(this.rnd.nextInt(this.city.sites.size()));
			}
			while (s.reserved || !s.working(q));
			this.facts.exposures.add(new Exposure(s.id, day(q.start(), q.end()), "CITY_NOTICE"));
		}
	}

	// ------------------------------------------------------------------ ledger tasks

	/** Title, unit, least and most planned. */
	private static final String[][] COUNTY_TASKS = { { "建成区裸露地块排查整治", "处", "12", "60" },
			{ "餐饮油烟净化设施安装", "家", "40", "220" }, { "散煤复烧动态清零排查", "个村", "20", "120" },
			{ "秸秆禁烧网格员配备", "名", "80", "400" }, { "城乡结合部道路硬化", "公里", "3", "25" },
			{ "工业企业物料堆场封闭改造", "家", "3", "18" }, { "燃气锅炉低氮改造", "台", "4", "30" },
			{ "建筑垃圾消纳场规范化整治", "处", "2", "8" }, { "加油站油气回收在线监控安装", "座", "6", "40" },
			{ "重型柴油货车绕行标识设置", "处", "8", "40" } };

	/** Department, title, unit, least and most planned. */
	private static final String[][] DEPT_TASKS = { { "D-HB", "重点排污单位自动监控联网", "家", "60", "180" },
			{ "D-CG", "城市主次干道机械化湿扫全覆盖", "条", "30", "90" }, { "D-JT", "货运站场扬尘防治设施建设", "个", "6", "24" },
			{ "D-NY", "秸秆综合利用台账建档", "个乡镇", "60", "120" }, { "D-GA", "柴油货车遥感监测点位建设", "处", "6", "20" },
			{ "D-ZR", "露天矿山综合整治", "座", "8", "36" }, { "D-SL", "河道采砂场扬尘治理", "处", "5", "20" },
			{ "D-SJ", "车用油品质量抽检", "批次", "120", "400" }, { "D-SW", "加油站油气回收检测", "座", "80", "260" },
			{ "D-FG", "清洁取暖项目审批", "个", "10", "60" } };

	private void tasks(Quarter q) {
		List<County> counties = new ArrayList<>(this.city.counties);
		Collections.shuffle(counties, this.rnd);
		for (int k = 0; k < 8; k++) {
			County c = counties.get(k);
			String[] t;
			do {
				t = COUNTY_TASKS[this.rnd.nextInt(COUNTY_TASKS.length)];
			}
			while (c.urban() && t[0].startsWith("秸秆"));
			addTask("T-" + c.id + "-" + (11 + q.ordinal() * 10 + k), c.id, c.shortName() + t[0], t[1], t[2], t[3], q);
		}
		for (int k = 0; k < 4; k++) {
			String[] t = DEPT_TASKS[(q.ordinal() * 4 + k) % DEPT_TASKS.length];
			Dept d = this.city.dept(t[0]);
			addTask("T-" + d.id.substring(2) + "-" + (11 + q.ordinal() * 10 + k), d.id, t[1], t[2], t[3], t[4], q);
		}
	}

	private void addTask(String id, String owner, String title, String unit, String least, String most, Quarter q) {
		boolean spans = q != Quarter.Q3_2026 && this.rnd.nextDouble() < 0.3;
		Quarter dueQuarter = spans ? Quarter.values()[q.ordinal() + 1] : q;
		LocalDate due = day(dueQuarter.start().plusDays(20), dueQuarter.end());
		int lo = Integer.parseInt(least);
		int planned = lo + this.rnd.nextInt(Integer.parseInt(most) - lo + 1);
		Task t = new Task(id, owner, title, due, planned, unit);
		if (spans) {
			t.progress(q, Math.round(planned * (0.4 + 0.4 * this.rnd.nextDouble())));
		}
		LocalDate done = due.minusDays(1 + this.rnd.nextInt(12));
		if (done.isBefore(q.start())) {
			done = q.start();
		}
		t.completed(done);
		this.facts.tasks.add(t);
	}

	// ------------------------------------------------------------------ sector supervision

	private void supervision(Quarter q) {
		for (Dept d : this.city.departments) {
			if (d.sector.equals("OTHER")) {
				continue;
			}
			boolean planted = this.facts.supervision.stream().anyMatch(s -> s.quarter() == q && s.departmentId().equals(d.id));
			if (planted) {
				continue;
			}
			boolean allCompliant = this.rnd.nextDouble() < 0.35;
			this.facts.supervision.add(new Supervision(q, d.id, 6 + this.rnd.nextInt(80), this.rnd.nextInt(3), allCompliant));
		}
	}

	// ------------------------------------------------------------------ helpers

	private int pick(int[] values, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = this.rnd.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values[i];
			}
		}
		throw new IllegalStateException();
	}

	private String weighted(Object[] pairs) {
		int total = 0;
		for (int i = 0; i < pairs.length; i += 2) {
			total += (Integer) pairs[i + 1];
		}
		int r = this.rnd.nextInt(total);
		for (int i = 0; i < pairs.length; i += 2) {
			r -= (Integer) pairs[i + 1];
			if (r < 0) {
				return (String) pairs[i];
			}
		}
		throw new IllegalStateException();
	}

	private static LocalDate[] range(String from, String to) {
		return new LocalDate[] { LocalDate.parse(from), LocalDate.parse(to) };
	}

}
