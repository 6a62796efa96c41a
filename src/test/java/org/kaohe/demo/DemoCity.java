package org.kaohe.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The subjects of the demo city 洛州市: counties, departments, persons, enterprises and construction
 * sites, with stable ids. Built once from its own seeded {@link Random}, so tuning the facts never
 * renames a subject.
 *
 * <p>Enterprises and sites that planted cases need (the coking plant of the seed speech, the metro
 * station next to a national monitoring station …) are declared by name in {@link #featured}; the
 * rest are drawn from name pools. Ids are given after sorting by county and a random key, so the
 * featured subjects are spread among the ordinary ones.
 */
final class DemoCity {

	static final String CITY = "洛州市";

	static final String URBAN = "城区组";

	static final String RURAL = "县组";

	final List<County> counties = new ArrayList<>();

	final List<Dept> departments = new ArrayList<>();

	final List<Person> persons = new ArrayList<>();

	final List<Ent> enterprises = new ArrayList<>();

	final List<Site> sites = new ArrayList<>();

	final Map<String, Ent> featuredEnterprises = new LinkedHashMap<>();

	final Map<String, Site> featuredSites = new LinkedHashMap<>();

	private final Random rnd;

	private final Set<String> usedNames = new HashSet<>();

	private DemoCity(long seed) {
		this.rnd = new Random(seed);
	}

	static DemoCity build(long seed) {
		DemoCity city = new DemoCity(seed);
		city.counties();
		city.departments();
		city.persons();
		city.enterprises();
		city.sites();
		return city;
	}

	// ------------------------------------------------------------------ subjects

	/** A county-level unit (县市区, 开发区管委会). */
	static final class County {

		final String id;

		final String name;

		/** Used in enterprise names: 伊阳, 嵩北, or 洛州 for the districts. */
		final String prefix;

		final String group;

		final int cropAreaMu;

		/** Persistent air-quality factor (1 = city mean) and PM10/PM2.5 ratio factor. */
		final double airFactor;

		final double dustFactor;

		Person govHead;

		Person partyHead;

		Person deputy;

		County(String id, String name, String prefix, String group, int cropAreaMu, double airFactor, double dustFactor) {
			this.id = id;
			this.name = name;
			this.prefix = prefix;
			this.group = group;
			this.cropAreaMu = cropAreaMu;
			this.airFactor = airFactor;
			this.dustFactor = dustFactor;
		}

		boolean urban() {
			return URBAN.equals(this.group);
		}

		/** 洛城区, 高新区, 经开区, 伊阳县 … as used in titles and in the names of local offices. */
		String shortName() {
			return this.name.startsWith("洛州高新") ? "高新区" : this.name.startsWith("洛州经济") ? "经开区" : this.name;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A city department (市直部门). */
	static final class Dept {

		final String id;

		final String name;

		final String sector;

		Person head;

		Person deputy;

		Dept(String id, String name, String sector) {
			this.id = id;
			this.name = name;
			this.sector = sector;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A responsible official. */
	static final class Person {

		String id;

		final String name;

		final String parentId;

		final String role;

		/** 区长, 县委书记 … for the README. */
		final String title;

		Person(String name, String parentId, String role, String title) {
			this.name = name;
			this.parentId = parentId;
			this.role = role;
			this.title = title;
		}

	}

	/** An enterprise (also the builders of sites). */
	static final class Ent {

		String id;

		final String name;

		final County county;

		final String industry;

		final String performanceClass;

		final Boolean onEmergencyList;

		final String regulatorId;

		/** Planted cases own it: background facts leave it clean. */
		boolean reserved;

		final double sortKey;

		Ent(String name, County county, String industry, String performanceClass, Boolean onEmergencyList,
				String regulatorId, double sortKey) {
			this.name = name;
			this.county = county;
			this.industry = industry;
			this.performanceClass = performanceClass;
			this.onEmergencyList = onEmergencyList;
			this.regulatorId = regulatorId;
			this.sortKey = sortKey;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A construction site; status and acceptance may change from quarter to quarter. */
	static final class Site {

		String id;

		final String name;

		final County county;

		final String regulatorId;

		final Ent builder;

		final String projectType;

		int distanceToStationM;

		boolean onEmergencyList;

		final Map<Quarter, String> status = new EnumMap<>(Quarter.class);

		final Map<Quarter, Boolean> acceptance = new EnumMap<>(Quarter.class);

		boolean reserved;

		final double sortKey;

		Site(String name, County county, String regulatorId, Ent builder, String projectType, int distanceToStationM,
				boolean onEmergencyList, double sortKey) {
			this.name = name;
			this.county = county;
			this.regulatorId = regulatorId;
			this.builder = builder;
			this.projectType = projectType;
			this.distanceToStationM = distanceToStationM;
			this.onEmergencyList = onEmergencyList;
			this.sortKey = sortKey;
			for (Quarter q : Quarter.values()) {
				this.status.put(q, "WORKING");
				this.acceptance.put(q, true);
			}
		}

		boolean working(Quarter q) {
			return "WORKING".equals(this.status.get(q));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	County county(String id) {
		return this.counties.stream().filter(c -> c.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(id));
	}

	Dept dept(String id) {
		return this.departments.stream().filter(d -> d.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(id));
	}

	Ent ent(String key) {
		Ent e = this.featuredEnterprises.get(key);
		if (e == null) {
			throw new IllegalArgumentException("no featured enterprise " + key);
		}
		return e;
	}

	Site site(String key) {
		Site s = this.featuredSites.get(key);
		if (s == null) {
			throw new IllegalArgumentException("no featured site " + key);
		}
		return s;
	}

	List<County> group(String group) {
		return this.counties.stream().filter(c -> c.group.equals(group)).toList();
	}

	// ------------------------------------------------------------------ counties

	private void counties() {
		// id, name, prefix for enterprise names, group, crop area (亩), air factor, PM10 dust factor
		add(new County("C01", "洛城区", "洛州", URBAN, 4_200, 0.91, 0.97));
		add(new County("C02", "西苑区", "洛州", URBAN, 3_100, 1.02, 1.00));
		add(new County("C03", "东关区", "洛州", URBAN, 12_600, 1.00, 1.01));
		add(new County("C04", "龙门区", "洛州", URBAN, 58_000, 0.98, 1.03));
		add(new County("C05", "南城区", "洛州", URBAN, 41_000, 0.99, 1.00));
		add(new County("C06", "北邙区", "洛州", URBAN, 86_000, 1.04, 1.03));
		add(new County("C07", "洛州高新技术产业开发区", "洛州", URBAN, 21_500, 0.95, 0.98));
		add(new County("C08", "洛州经济技术开发区", "洛州", URBAN, 18_300, 1.04, 1.01));
		add(new County("C09", "伊阳县", "伊阳", RURAL, 350_000, 1.05, 1.00));
		add(new County("C10", "嵩北县", "嵩北", RURAL, 620_000, 1.08, 1.02));
		add(new County("C11", "宜山县", "宜山", RURAL, 480_000, 1.04, 1.04));
		add(new County("C12", "熊耳县", "熊耳", RURAL, 520_000, 0.99, 1.00));
		add(new County("C13", "汝源县", "汝源", RURAL, 260_000, 0.88, 0.97));
		add(new County("C14", "新关市", "新关", RURAL, 410_000, 1.09, 1.04));
		add(new County("C15", "偃川市", "偃川", RURAL, 690_000, 1.02, 1.01));
	}

	private void add(County c) {
		this.counties.add(c);
		this.usedNames.add(c.name);
	}

	// ------------------------------------------------------------------ departments

	private void departments() {
		String[][] d = { { "D-HB", "市生态环境局", "ECOLOGY" }, { "D-ZJ", "市住建局", "CONSTRUCTION" },
				{ "D-CG", "市城管局", "URBAN_MANAGEMENT" }, { "D-JT", "市交通运输局", "TRANSPORT" },
				{ "D-GX", "市工信局", "INDUSTRY" }, { "D-GA", "市公安局", "PUBLIC_SECURITY" },
				{ "D-NY", "市农业农村局", "AGRICULTURE" }, { "D-ZR", "市自然资源和规划局", "NATURAL_RESOURCES" },
				{ "D-SL", "市水利局", "WATER" }, { "D-FG", "市发展改革委", "OTHER" }, { "D-CZ", "市财政局", "OTHER" },
				{ "D-SW", "市商务局", "OTHER" }, { "D-SJ", "市市场监管局", "OTHER" }, { "D-QX", "市气象局", "OTHER" },
				{ "D-YJ", "市应急管理局", "OTHER" }, { "D-GZ", "市国资委", "OTHER" }, { "D-JY", "市教育局", "OTHER" },
				{ "D-WJ", "市卫生健康委", "OTHER" }, { "D-WG", "市文化广电和旅游局", "OTHER" }, { "D-TJ", "市统计局", "OTHER" },
				{ "D-XC", "市委宣传部", "OTHER" }, { "D-SF", "市司法局", "OTHER" } };
		for (String[] row : d) {
			this.departments.add(new Dept(row[0], row[1], row[2]));
		}
	}

	/** Departments whose officials are registered (they carry a sector and get interviews). */
	static final List<String> KEY_DEPARTMENTS = List.of("D-HB", "D-ZJ", "D-CG", "D-JT", "D-GX", "D-GA", "D-NY", "D-ZR",
			"D-SL");

	// ------------------------------------------------------------------ persons

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
			"高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "程", "曹", "袁", "邓", "许",
			"傅", "沈", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "阎", "潘", "杜", "范", "石", "姚", "谭", "秦",
			"史", "侯", "孟", "段", "雷", "尹", "常", "武", "乔", "贺", "申", "牛", "岳", "翟", "桑", "司马" };

	private static final String[] GIVEN = { "建军", "志强", "晓东", "海涛", "国栋", "卫东", "红梅", "春生", "立新", "文博", "宏伟",
			"振华", "学军", "新民", "永刚", "俊杰", "明辉", "玉兰", "丽萍", "秀英", "建平", "志刚", "晓燕", "海波", "国华", "卫国",
			"春华", "立群", "文静", "宏斌", "振宇", "学峰", "新宇", "永明", "俊峰", "明亮", "玉洁", "丽娟", "建华", "志勇", "晓峰",
			"海燕", "国庆", "卫华", "红霞", "立军", "文涛", "宏亮", "振东", "学文", "永红", "明远", "玉芳", "朝阳", "向东", "爱民",
			"保国", "伟东", "少华", "书亮", "洪涛", "鸿飞", "瑞峰", "雪梅", "桂芳", "长青", "德胜", "庆丰", "光明", "占伟", "松涛",
			"润生", "景春", "怀远", "素芬", "凤霞", "耀武", "继承", "金山", "铁军" };

	private String personName() {
		while (true) {
			String name = SURNAMES[this.rnd.nextInt(SURNAMES.length)] + GIVEN[this.rnd.nextInt(GIVEN.length)];
			if (this.usedNames.add(name)) {
				return name;
			}
		}
	}

	private void persons() {
		int n = 1;
		for (County c : this.counties) {
			boolean zone = c.name.endsWith("开发区");
			boolean district = c.urban() && !zone;
			boolean countyCity = c.name.endsWith("市");
			String gov = zone ? "管委会主任" : district ? "区长" : countyCity ? "市长" : "县长";
			String party = zone ? "党工委书记" : district ? "区委书记" : countyCity ? "市委书记" : "县委书记";
			String deputy = zone ? "管委会分管副主任" : district ? "分管副区长" : countyCity ? "分管副市长" : "分管副县长";
			c.partyHead = person(n++, c.id, "PARTY_HEAD", c.name + party);
			c.govHead = person(n++, c.id, "GOV_HEAD", c.name + gov);
			c.deputy = person(n++, c.id, "DEPUTY", c.name + deputy);
		}
		for (String id : KEY_DEPARTMENTS) {
			Dept d = dept(id);
			d.head = person(n++, d.id, "DEPARTMENT_HEAD", d.name + (d.name.endsWith("局") ? "局长" : "主任"));
			d.deputy = person(n++, d.id, "DEPUTY", d.name + "分管副职");
		}
	}

	private Person person(int n, String parentId, String role, String title) {
		Person p = new Person(personName(), parentId, role, title);
		p.id = String.format(Locale.ROOT, "P%03d", n);
		this.persons.add(p);
		return p;
	}

	// ------------------------------------------------------------------ enterprises

	private static final String[] BRANDS = { "恒达", "鑫源", "金岭", "瑞丰", "天宇", "华鼎", "龙泰", "豫通", "正阳", "永兴", "昌盛",
			"嘉禾", "德信", "海川", "润泽", "博远", "中伊", "洛丰", "宏图", "兴业", "万隆", "福源", "三联", "中联", "新兴", "泰和",
			"远航", "顺达", "金鼎", "宝丰", "银河", "恒源", "天瑞", "明珠", "汇丰源", "嵩山", "伊洛", "河洛", "九鼎", "东方红",
			"利民", "长城", "鸿运", "盛达", "华瑞", "凯达", "金星", "宇通达", "双龙", "新天地", "九州", "安泰", "同力", "卓越",
			"聚源", "广源", "锦华", "荣盛达", "亿鑫", "晟达", "金汇", "永安", "大地", "和信", "中岳", "丰源", "鼎盛", "信德",
			"天元", "富康", "景泰", "恒信", "祥瑞", "金诚", "佳联", "合力", "建兴", "振兴", "众鑫", "兴隆" };

	private static final Map<String, String[]> INDUSTRY_WORDS = Map.ofEntries(
			Map.entry("POWER", new String[] { "热电有限公司", "发电有限责任公司" }),
			Map.entry("CEMENT", new String[] { "水泥有限公司", "水泥有限责任公司" }),
			Map.entry("CARBON", new String[] { "碳素有限公司", "炭素制品有限公司" }),
			Map.entry("COKING", new String[] { "焦化有限公司", "煤化有限公司" }),
			Map.entry("BRICK", new String[] { "新型建材有限公司", "砖瓦厂", "建材有限公司" }),
			Map.entry("NONFERROUS", new String[] { "铝业有限公司", "钼业有限公司", "有色金属有限公司" }),
			Map.entry("FOUNDRY", new String[] { "铸造有限公司", "精密铸造有限公司", "铸业有限公司" }),
			Map.entry("REFRACTORY", new String[] { "耐火材料有限公司", "耐材有限公司" }),
			Map.entry("CHEMICAL", new String[] { "化工有限公司", "精细化工有限公司", "新材料科技有限公司" }),
			Map.entry("STEEL", new String[] { "钢铁有限公司", "特钢有限公司" }),
			Map.entry("GLASS", new String[] { "玻璃有限公司", "浮法玻璃有限公司" }),
			Map.entry("CONSTRUCTION", new String[] { "建设集团有限公司", "建筑工程有限公司", "建工集团有限公司", "市政工程有限公司" }),
			Map.entry("OTHER", new String[] { "包装有限公司", "家具有限公司", "印务有限公司", "机械制造有限公司", "食品有限公司", "石材有限公司",
					"农副产品加工有限公司", "塑业有限公司", "汽车维修有限公司", "新能源科技有限公司" }));

	/** Industrial enterprises per county and their industry mix (industry, weight). */
	private static final Map<String, Object[]> INDUSTRY_MIX = Map.ofEntries(
			Map.entry("C01", new Object[] { 6, "POWER", 1, "OTHER", 5 }),
			Map.entry("C02", new Object[] { 22, "FOUNDRY", 6, "REFRACTORY", 4, "CHEMICAL", 2, "OTHER", 8 }),
			Map.entry("C03", new Object[] { 5, "FOUNDRY", 1, "OTHER", 4 }),
			Map.entry("C04", new Object[] { 6, "BRICK", 1, "OTHER", 5 }),
			Map.entry("C05", new Object[] { 6, "FOUNDRY", 2, "OTHER", 4 }),
			Map.entry("C06", new Object[] { 24, "CEMENT", 4, "BRICK", 7, "REFRACTORY", 5, "OTHER", 6 }),
			Map.entry("C07", new Object[] { 14, "CHEMICAL", 4, "GLASS", 1, "OTHER", 9 }),
			Map.entry("C08", new Object[] { 26, "CHEMICAL", 9, "GLASS", 4, "FOUNDRY", 5, "OTHER", 6 }),
			Map.entry("C09", new Object[] { 28, "COKING", 3, "CARBON", 6, "REFRACTORY", 8, "CHEMICAL", 4, "BRICK", 4, "OTHER", 3 }),
			Map.entry("C10", new Object[] { 26, "NONFERROUS", 8, "CARBON", 7, "REFRACTORY", 6, "BRICK", 2, "OTHER", 3 }),
			Map.entry("C11", new Object[] { 24, "CEMENT", 7, "BRICK", 8, "REFRACTORY", 2, "OTHER", 7 }),
			Map.entry("C12", new Object[] { 20, "FOUNDRY", 7, "CHEMICAL", 5, "BRICK", 4, "OTHER", 4 }),
			Map.entry("C13", new Object[] { 9, "BRICK", 4, "OTHER", 5 }),
			Map.entry("C14", new Object[] { 30, "STEEL", 4, "FOUNDRY", 9, "REFRACTORY", 9, "GLASS", 3, "OTHER", 5 }),
			Map.entry("C15", new Object[] { 26, "POWER", 2, "REFRACTORY", 9, "CARBON", 6, "NONFERROUS", 5, "OTHER", 4 }));

	/** Construction companies per county (builders of the sites). */
	private static final Map<String, Integer> BUILDERS = Map.ofEntries(Map.entry("C01", 5), Map.entry("C02", 2),
			Map.entry("C03", 2), Map.entry("C04", 5), Map.entry("C05", 3), Map.entry("C06", 1), Map.entry("C07", 3),
			Map.entry("C08", 2), Map.entry("C09", 2), Map.entry("C10", 1), Map.entry("C11", 1), Map.entry("C12", 2),
			Map.entry("C13", 1), Map.entry("C14", 3), Map.entry("C15", 3));

	private void enterprises() {
		featuredEnterprises();
		for (County c : this.counties) {
			Object[] mix = INDUSTRY_MIX.get(c.id);
			int target = (Integer) mix[0];
			long already = this.enterprises.stream().filter(e -> e.county == c && !e.industry.equals("CONSTRUCTION")).count();
			for (int i = (int) already; i < target; i++) {
				String industry = weighted(mix, 1);
				this.enterprises.add(industrial(c, industry));
			}
			long builders = this.enterprises.stream().filter(e -> e.county == c && e.industry.equals("CONSTRUCTION")).count();
			for (int i = (int) builders; i < BUILDERS.get(c.id); i++) {
				this.enterprises.add(new Ent(entName(c, "CONSTRUCTION"), c, "CONSTRUCTION", null, false, "D-ZJ",
						this.rnd.nextDouble()));
			}
		}
		this.enterprises.sort(Comparator.comparing((Ent e) -> e.county.id).thenComparingDouble(e -> e.sortKey));
		for (int i = 0; i < this.enterprises.size(); i++) {
			this.enterprises.get(i).id = String.format(Locale.ROOT, "E%04d", i + 1);
		}
	}

	private Ent industrial(County c, String industry) {
		String cls = weighted(new Object[] { "LEADING", 2, "A", 6, "B", 20, "C", 46, "D", 26 }, 0);
		if (industry.equals("OTHER")) {
			cls = weighted(new Object[] { "B", 10, "C", 50, "D", 40 }, 0);
		}
		boolean list = industry.equals("OTHER") ? this.rnd.nextDouble() < 0.55 : this.rnd.nextDouble() < 0.93;
		String regulator = Set.of("FOUNDRY", "REFRACTORY", "OTHER").contains(industry) && this.rnd.nextDouble() < 0.3 ? "D-GX"
				: "D-HB";
		return new Ent(entName(c, industry), c, industry, cls, list, regulator, this.rnd.nextDouble());
	}

	private String entName(County c, String industry) {
		String[] words = INDUSTRY_WORDS.get(industry);
		for (int attempt = 0;; attempt++) {
			String name = c.prefix + BRANDS[this.rnd.nextInt(BRANDS.length)] + words[this.rnd.nextInt(words.length)];
			if (attempt > 50) {
				name = c.prefix + BRANDS[this.rnd.nextInt(BRANDS.length)] + BRANDS[this.rnd.nextInt(BRANDS.length)]
						+ words[this.rnd.nextInt(words.length)];
			}
			if (this.usedNames.add(name)) {
				return name;
			}
		}
	}

	private String weighted(Object[] pairs, int from) {
		int total = 0;
		for (int i = from; i < pairs.length; i += 2) {
			total += (Integer) pairs[i + 1];
		}
		int pick = this.rnd.nextInt(total);
		for (int i = from; i < pairs.length; i += 2) {
			pick -= (Integer) pairs[i + 1];
			if (pick < 0) {
				return (String) pairs[i];
			}
		}
		throw new IllegalStateException();
	}

	/**
	 * Enterprises the planted cases use, by key. Their names come from the seed speeches' stories, with
	 * the real names replaced.
	 */
	private void featuredEnterprises() {
		feature("coking", "C09", "伊阳县宏晟焦化有限公司", "COKING", "C", true, "D-HB");
		feature("carbonC10", "C10", "嵩北县金岭碳素有限公司", "CARBON", "C", true, "D-HB");
		feature("refractoryC14", "C14", "新关市恒源耐火材料有限公司", "REFRACTORY", "C", true, "D-HB");
		feature("foundryC14", "C14", "新关市振兴精密铸造有限公司", "FOUNDRY", "D", true, "D-GX");
		feature("glassC14", "C14", "新关市明珠玻璃有限公司", "GLASS", "B", true, "D-HB");
		feature("brickC10", "C10", "嵩北县同力新型建材有限公司", "BRICK", "D", true, "D-HB");
		feature("nonferrousC10", "C10", "嵩北县九鼎铝业有限公司", "NONFERROUS", "B", true, "D-HB");
		feature("steelC14", "C14", "新关市长城特钢有限公司", "STEEL", "B", true, "D-HB");
		feature("cementC11", "C11", "宜山县中岳水泥有限公司", "CEMENT", "C", true, "D-HB");
		feature("chemC08", "C08", "洛州天元精细化工有限公司", "CHEMICAL", "C", true, "D-HB");
		feature("coatingC08", "C08", "洛州嘉禾新材料科技有限公司", "CHEMICAL", "D", true, "D-HB");
		feature("chemC08b", "C08", "洛州聚源化工有限公司", "CHEMICAL", "C", true, "D-HB");
		feature("carbonC15", "C15", "偃川市华瑞炭素制品有限公司", "CARBON", "C", true, "D-HB");
		feature("refractoryC15", "C15", "偃川市安泰耐材有限公司", "REFRACTORY", "D", true, "D-HB");
		feature("powerC15", "C15", "偃川市丰源热电有限公司", "POWER", "A", true, "D-GX");
		feature("chemC12", "C12", "熊耳县信德化工有限公司", "CHEMICAL", "C", true, "D-HB");
		feature("foundryC12", "C12", "熊耳县合力铸造有限公司", "FOUNDRY", "C", true, "D-GX");
		feature("refractoryC09", "C09", "伊阳县广源耐火材料有限公司", "REFRACTORY", "C", true, "D-HB");
		feature("cementC06", "C06", "洛州北邙同兴水泥有限公司", "CEMENT", "B", true, "D-HB");
		feature("scattered", "C13", "汝源县柳泉村废旧塑料加工点（已取缔）", "OTHER", null, false, "D-HB");
		feature("chemC09", "C09", "伊阳县宏晟煤化有限公司", "CHEMICAL", "C", false, "D-HB");
		// builders of the planted sites, in the sites' own counties
		feature("builderC03", "C03", "洛州东关城建建设集团有限公司", "CONSTRUCTION", null, false, "D-ZJ");
		feature("builderC04", "C04", "洛州龙城建工集团有限公司", "CONSTRUCTION", null, false, "D-ZJ");
		feature("builderC05", "C05", "洛州南城鼎盛建筑工程有限公司", "CONSTRUCTION", null, false, "D-ZJ");
		feature("builderC06", "C06", "洛州邙岭建筑工程有限公司", "CONSTRUCTION", null, false, "D-ZJ");
		feature("builderC01", "C01", "洛州城市建设投资集团建工有限公司", "CONSTRUCTION", null, false, "D-ZJ");
	}

	private void feature(String key, String countyId, String name, String industry, String cls, boolean list,
			String regulator) {
		County c = county(countyId);
		this.usedNames.add(name);
		Ent e = new Ent(name, c, industry, cls, list, regulator, this.rnd.nextDouble());
		this.enterprises.add(e);
		this.featuredEnterprises.put(key, e);
	}

	// ------------------------------------------------------------------ sites

	private static final Map<String, Integer> SITES_PER_COUNTY = Map.ofEntries(Map.entry("C01", 22),
			Map.entry("C02", 18), Map.entry("C03", 16), Map.entry("C04", 38), Map.entry("C05", 28), Map.entry("C06", 14),
			Map.entry("C07", 20), Map.entry("C08", 16), Map.entry("C09", 9), Map.entry("C10", 8), Map.entry("C11", 8),
			Map.entry("C12", 9), Map.entry("C13", 6), Map.entry("C14", 14), Map.entry("C15", 14));

	private static final String[] ESTATES = { "锦绣", "翰林", "悦澜", "云栖", "星河", "御景", "书香", "澜庭", "天悦", "九如", "和园",
			"泊林", "丽景", "河畔", "伊水", "洛滨", "牡丹", "桃源", "观澜", "紫薇", "东方", "状元", "青云", "金域", "朗润", "春江",
			"兰亭", "雅颂", "嵩景", "望岳", "龙湾", "瀍溪", "凤栖", "汉韵", "隋唐", "明德", "崇文", "上林", "沁园", "晴川" };

	private static final String[] ESTATE_SUFFIX = { "华庭", "府", "苑", "公馆", "家园", "新城", "雅居", "花园", "名邸" };

	private static final String[] ROADS = { "河图大道", "洛书路", "周南路", "汉阙路", "天枢路", "启明路", "鼎元路", "华夏路", "文昌路",
			"兴洛路", "凤翔路", "瑞光路", "景华路", "新政路", "青云路", "太和路", "望嵩路", "邙岭路", "建业路", "长兴路", "明德路",
			"春华路", "秋实路", "滨河北路", "伊滨路", "学府街", "丽春路", "永泰街", "通济街", "安乐路" };

	private static final String[] STATIONS = { "河图广场", "洛书路口", "周南门", "汉阙", "天枢路", "文昌阁", "市体育中心", "高铁洛州南站",
			"牡丹园", "东关大街", "新区行政中心", "滨河公园", "龙门大道", "市民之家", "科技园", "西苑路口" };

	private void sites() {
		featuredSites();
		for (County c : this.counties) {
			long already = this.sites.stream().filter(s -> s.county == c).count();
			for (int i = (int) already; i < SITES_PER_COUNTY.get(c.id); i++) {
				this.sites.add(site(c));
			}
		}
		this.sites.sort(Comparator.comparing((Site s) -> s.county.id).thenComparingDouble(s -> s.sortKey));
		for (int i = 0; i < this.sites.size(); i++) {
			this.sites.get(i).id = String.format(Locale.ROOT, "S%04d", i + 1);
		}
	}

	private Site site(County c) {
		String type;
		if (c.urban()) {
			boolean metro = Set.of("C01", "C02", "C03", "C04", "C05").contains(c.id);
			type = weighted(new Object[] { "HOUSING", 34, "HIGH_RISE", 10, "MUNICIPAL", 12, "ROAD", 10, "METRO", metro ? 8 : 0,
					"HEATING_NETWORK", 9, "DEMOLITION", 7, "LINEAR", 5, "OTHER", 5 }, 0);
		}
		else {
			type = weighted(new Object[] { "HOUSING", 34, "HIGH_RISE", 4, "MUNICIPAL", 12, "ROAD", 20, "HEATING_NETWORK", 8,
					"DEMOLITION", 6, "LINEAR", 8, "OTHER", 8 }, 0);
		}
		String name = siteName(c, type);
		String regulator = switch (type) {
			case "ROAD" -> "D-JT";
			case "MUNICIPAL", "HEATING_NETWORK" -> "D-CG";
			case "LINEAR" -> name.contains("河道") ? "D-SL" : "D-CG";
			default -> "D-ZJ";
		};
		int distance;
		if (c.urban() && !c.name.endsWith("开发区")) {
			distance = (this.rnd.nextDouble() < 0.13) ? 300 + this.rnd.nextInt(640) : 1_100 + this.rnd.nextInt(5_200);
		}
		else if (c.urban()) {
			distance = 2_000 + this.rnd.nextInt(6_000);
		}
		else {
			distance = 6_000 + this.rnd.nextInt(22_000);
		}
		boolean list = type.equals("HEATING_NETWORK") ? this.rnd.nextDouble() < 0.4 : this.rnd.nextDouble() < 0.9;
		return new Site(name, c, regulator, builderFor(c), type, distance, list, this.rnd.nextDouble());
	}

	private Ent builderFor(County c) {
		List<Ent> local = this.enterprises.stream()
			.filter(e -> e.industry.equals("CONSTRUCTION") && e.county == c && !e.name.equals(""))
			.toList();
		List<Ent> big = this.enterprises.stream()
			.filter(e -> e.industry.equals("CONSTRUCTION") && (e.county.id.equals("C01") || e.county.id.equals("C04")))
			.toList();
		List<Ent> pool = (local.isEmpty() || this.rnd.nextDouble() < 0.25) ? big : local;
		return pool.get(this.rnd.nextInt(pool.size()));
	}

	private String siteName(County c, String type) {
		for (int attempt = 0;; attempt++) {
			String road = ROADS[this.rnd.nextInt(ROADS.length)];
			String road2 = ROADS[this.rnd.nextInt(ROADS.length)];
			String place = c.urban() ? "" : c.name;
			String name = switch (type) {
				case "HOUSING" -> place + ESTATES[this.rnd.nextInt(ESTATES.length)] + ESTATE_SUFFIX[this.rnd.nextInt(ESTATE_SUFFIX.length)]
						+ (this.rnd.nextBoolean() ? new String[] { "一期", "二期", "三期" }[this.rnd.nextInt(3)] : "") + "住宅项目";
				case "HIGH_RISE" -> place + ESTATES[this.rnd.nextInt(ESTATES.length)]
						+ new String[] { "国际商务中心", "金融大厦", "商务广场", "双子塔" }[this.rnd.nextInt(4)] + "项目";
				case "MUNICIPAL" -> place + road + new String[] { "综合管廊工程", "雨污分流改造工程", "排水防涝工程", "游园提升工程" }[this.rnd.nextInt(4)];
				case "ROAD" -> c.urban() ? road + "（" + road2.replace("大道", "").replace("路", "").replace("街", "") + "—"
						+ ROADS[this.rnd.nextInt(ROADS.length)] + "）道路改造工程"
						: place + new String[] { "S", "G" }[this.rnd.nextInt(2)] + (200 + this.rnd.nextInt(150)) + "线"
								+ new String[] { "改建工程", "大修工程", "拓宽工程" }[this.rnd.nextInt(3)];
				case "METRO" -> "洛州地铁" + (1 + this.rnd.nextInt(3)) + "号线" + STATIONS[this.rnd.nextInt(STATIONS.length)] + "站";
				case "HEATING_NETWORK" -> c.urban() ? "引热入洛" + road + "供热管网工程" : place + "集中供热二级管网改造工程";
				case "DEMOLITION" -> place + new String[] { "东", "西", "南", "北", "前", "后", "大", "小" }[this.rnd.nextInt(8)]
						+ new String[] { "王", "李", "杨", "刘", "张", "马", "赵", "孙" }[this.rnd.nextInt(8)] + "庄"
						+ new String[] { "城中村改造拆迁项目", "棚户区改造拆除工程" }[this.rnd.nextInt(2)];
				case "LINEAR" -> place + new String[] { road + "燃气管道工程", road + "电力隧道工程", "涧河河道综合治理工程",
						"伊河支流河道综合治理工程" }[this.rnd.nextInt(4)];
				default -> place + new String[] { "市第" + "二三四五六七八".charAt(this.rnd.nextInt(7)) + "人民医院新院区项目",
						ESTATES[this.rnd.nextInt(ESTATES.length)] + "中学新建教学楼项目", "职业技术学院实训楼项目",
						"全民健身中心项目" }[this.rnd.nextInt(4)];
			};
			if (attempt > 30) {
				name = name.replace("项目", "（" + (attempt - 29) + "号地块）项目").replace("工程", "（" + (attempt - 29) + "标段）工程");
			}
			if (this.usedNames.add(name)) {
				return name;
			}
		}
	}

	/** Sites the planted cases use, by key. */
	private void featuredSites() {
		featureSite("repeatFailer", "C04", "龙门区观澜华庭三期住宅项目", "HOUSING", "D-ZJ", "builderC04", 2_850, true);
		featureSite("nightRepeat", "C03", "东关区瀍溪城中村改造拆迁项目", "DEMOLITION", "D-ZJ", "builderC03", 1_900, true);
		featureSite("night2", "C03", "洛州地铁2号线东关大街站", "METRO", "D-ZJ", "builderC03", 1_350, true);
		featureSite("night3", "C03", "文昌路（青云—安乐）道路改造工程", "ROAD", "D-JT", "builderC03", 2_400, true);
		featureSite("nightC05a", "C05", "南城区春江名邸住宅项目", "HOUSING", "D-ZJ", "builderC05", 3_100, true);
		featureSite("nightC05b", "C05", "南城区上林花园二期住宅项目", "HOUSING", "D-ZJ", "builderC05", 2_700, true);
		featureSite("metroPermit", "C04", "洛州地铁3号线市民之家站", "METRO", "D-ZJ", "builderC04", 1_600, true);
		featureSite("rolesRepeat", "C05", "南城区滨河公园配套综合管廊工程", "MUNICIPAL", "D-CG", "builderC05", 2_200, true);
		featureSite("noAcceptance", "C07", "洛州高新区科创产业园标准化厂房项目", "OTHER", "D-ZJ", null, 3_800, true);
		featureSite("resumedNoAcceptance", "C02", "西苑区九如家园住宅项目", "HOUSING", "D-ZJ", null, 2_100, true);
		featureSite("alarmTwice", "C04", "龙门区金域国际商务中心项目", "HIGH_RISE", "D-ZJ", "builderC04", 1_450, true);
		featureSite("alarmOnce", "C01", "洛城区天悦公馆住宅项目", "HOUSING", "D-ZJ", "builderC01", 1_700, true);
		featureSite("alarmShort", "C05", "南城区沁园新城住宅项目", "HOUSING", "D-ZJ", "builderC05", 2_500, true);
		featureSite("alertC14", "C14", "新关市凤栖家园住宅项目", "HOUSING", "D-ZJ", null, 9_400, true);
		featureSite("alertC14b", "C14", "新关市S243线拓宽工程", "ROAD", "D-JT", null, 12_600, true);
		featureSite("alertC10", "C10", "嵩北县状元府住宅项目", "HOUSING", "D-ZJ", null, 8_800, true);
		featureSite("alertC08", "C08", "洛州经开区标准化厂房二期项目", "OTHER", "D-ZJ", null, 4_200, true);
		featureSite("alertExempt", "C01", "引热入洛河图大道供热管网应急抢修工程", "HEATING_NETWORK", "D-CG", "builderC01", 1_250, false);
		featureSite("seriousC06", "C06", "北邙区邙岭路（汉阙—瑞光）道路改造工程", "ROAD", "D-JT", "builderC06", 2_300, true);
		featureSite("exposedC06", "C06", "北邙区牡丹雅居住宅项目", "HOUSING", "D-ZJ", "builderC06", 1_800, true);
		featureSite("exposedC04", "C04", "龙门区凤栖苑住宅项目", "HOUSING", "D-ZJ", "builderC04", 1_950, true);
		featureSite("exposedC05", "C05", "南城区汉韵雅居住宅项目", "HOUSING", "D-ZJ", "builderC05", 3_300, true);
		featureSite("inspectionExposed", "C04", "龙门区望岳新城二期住宅项目", "HOUSING", "D-ZJ", "builderC04", 2_650, true);
		featureSite("cityNotice", "C03", "东关区崇文名邸住宅项目", "HOUSING", "D-ZJ", "builderC03", 2_050, true);
		featureSite("nearStation", "C01", "洛州地铁1号线河图广场站", "METRO", "D-ZJ", "builderC01", 650, true);
		featureSite("justOutside", "C04", "龙门区嵩景金融大厦项目", "HIGH_RISE", "D-ZJ", "builderC04", 1_150, true);
		featureSite("trucks", "C04", "龙门区天枢路（启明—鼎元）道路改造工程", "ROAD", "D-JT", "builderC04", 3_600, true);
		featureSite("twoItems", "C02", "西苑区书香苑住宅项目", "HOUSING", "D-ZJ", null, 2_950, true);
		featureSite("blueAlert", "C04", "龙门区明德华庭住宅项目", "HOUSING", "D-ZJ", "builderC04", 4_100, true);
	}

	private void featureSite(String key, String countyId, String name, String type, String regulator, String builderKey,
			int distance, boolean list) {
		County c = county(countyId);
		this.usedNames.add(name);
		Ent builder = (builderKey != null) ? ent(builderKey) : null;
		if (builder == null) {
			builder = this.enterprises.stream()
				.filter(e -> e.industry.equals("CONSTRUCTION") && e.county == c)
				.findFirst()
				.orElse(null);
			if (builder == null) {
				// the county's own construction company is created here so the featured site has a local builder
				builder = new Ent(entName(c, "CONSTRUCTION"), c, "CONSTRUCTION", null, false, "D-ZJ", this.rnd.nextDouble());
				this.enterprises.add(builder);
			}
		}
		Site s = new Site(name, c, regulator, builder, type, distance, list, this.rnd.nextDouble());
		s.reserved = true;
		this.sites.add(s);
		this.featuredSites.put(key, s);
	}

}
