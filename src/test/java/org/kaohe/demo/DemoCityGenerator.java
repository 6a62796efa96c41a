package org.kaohe.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.kaohe.demo.DemoCity.County;
import org.kaohe.demo.DemoCity.Dept;
import org.kaohe.demo.DemoCity.Ent;
import org.kaohe.demo.DemoCity.Person;
import org.kaohe.demo.DemoCity.Site;
import org.kaohe.demo.DemoFacts.Alarm;
import org.kaohe.demo.DemoFacts.Case;
import org.kaohe.demo.DemoFacts.Check;
import org.kaohe.demo.DemoFacts.Exposure;
import org.kaohe.demo.DemoFacts.Interview;
import org.kaohe.demo.DemoFacts.Issue;
import org.kaohe.demo.DemoFacts.OfficialRank;
import org.kaohe.demo.DemoFacts.Reading;
import org.kaohe.demo.DemoFacts.Supervision;
import org.kaohe.demo.DemoFacts.Task;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactJson;

/**
 * Generates the demo city 洛州市 (fictional): four quarterly fact documents
 * {@code fixtures/demo-city/2025-Q4.json … 2026-Q3.json} and their README.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.kaohe.demo.DemoCityGenerator [DIR]
 * </pre>
 * (or run {@code main} from the IDE). Deterministic: fixed seeds, no clock; {@code DemoCityTests}
 * checks that the committed files are exactly what this produces.
 *
 * <p>How it is organised, so planted cases can be tuned:
 * <ul>
 * <li>{@link DemoCity} — the subjects and their ids (own seed; changing facts never renames anyone);
 * <li>{@link PlantedCases} — every planted case and near miss, one method per rule family, no
 * randomness; each registers a {@link PlantedCase} for the README and the tests;
 * <li>{@link AirQuality} — measurements; planted ranks are pins in its {@link AirQuality.Plan};
 * <li>{@link BackgroundActivity} — routine, mostly compliant facts around the planted cases;
 * <li>this class — cuts the facts into quarterly documents and writes JSON (one table row per line)
 * and the README.
 * </ul>
 */
public final class DemoCityGenerator {

	static final long SEED = 20_260_930L;

	static final String SUBMITTED_BY = "洛州市环境污染防治攻坚战领导小组办公室";

	static final Path DEFAULT_DIR = Path.of("fixtures", "demo-city");

	private final DemoCity city;

	private final DemoFacts facts = new DemoFacts();

	private final AirQuality.Plan plan = new AirQuality.Plan();

	private final List<PlantedCase> cases;

	private final Map<String, Integer> subjectOrder = new HashMap<>();

	private DemoCityGenerator() {
		this.city = DemoCity.build(SEED);
		this.cases = PlantedCases.plant(this.city, this.facts, this.plan).cases;
		AirQuality.generate(this.city, this.plan, this.facts, SEED + 1);
		BackgroundActivity.generate(this.city, this.facts, this.plan, SEED + 2);
		officialRanks();
		assignIds();
	}

	public static void main(String[] args) throws IOException {
		Path dir = (args.length > 0) ? Path.of(args[0]) : DEFAULT_DIR;
		Files.createDirectories(dir);
		for (Map.Entry<String, String> file : generate().entrySet()) {
			Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
			System.out.println("wrote " + dir.resolve(file.getKey()));
		}
	}

	/** File name → content: the four quarterly documents and README.md. */
	public static Map<String, String> generate() {
		DemoCityGenerator g = new DemoCityGenerator();
		Map<String, String> files = new LinkedHashMap<>();
		Map<Quarter, Map<String, List<Map<String, Object>>>> documents = new LinkedHashMap<>();
		for (Quarter q : Quarter.values()) {
			Map<String, List<Map<String, Object>>> tables = g.tables(q);
			documents.put(q, tables);
			files.put(q + ".json", g.json(q, tables));
		}
		files.put("README.md", new DemoCityReadme(g.city, g.facts, g.plan, g.cases, documents).render());
		return files;
	}

	/** The planted cases (for tests). */
	static List<PlantedCase> plantedCases() {
		return new DemoCityGenerator().cases;
	}

	// ------------------------------------------------------------------ ids

	private void officialRanks() {
		// the province ranks the counties of 县组 by the quarterly composite index; its ranks win
		Quarter q = Quarter.Q3_2026;
		List<Reading> ranked = this.facts.readings.stream()
			.filter(r -> r.period.equals(q.period) && r.indicator.equals("COMPOSITE_INDEX")
					&& this.city.county(r.subjectId).group.equals(DemoCity.RURAL))
			.sorted(Comparator.comparingDouble(r -> r.value.doubleValue()))
			.toList();
		for (int i = 0; i < ranked.size(); i++) {
			this.facts.rankings.add(new OfficialRank(ranked.get(i).subjectId, q.period, "COMPOSITE_INDEX", i + 1, ranked.size()));
		}
	}

	private void assignIds() {
		int n = 0;
		for (County c : this.city.counties) {
			this.subjectOrder.put(c.id, n++);
		}
		for (Dept d : this.city.departments) {
			this.subjectOrder.put(d.id, n++);
		}
		for (Ent e : this.city.enterprises) {
			this.subjectOrder.put(e.id, n++);
		}
		for (Site s : this.city.sites) {
			this.subjectOrder.put(s.id, n++);
		}
		for (Person p : this.city.persons) {
			this.subjectOrder.put(p.id, n++);
		}
		this.facts.inspections.sort(Comparator.comparing((Check c) -> c.at).thenComparing(c -> c.site.id));
		Map<Quarter, Integer> seq = new HashMap<>();
		for (Check c : this.facts.inspections) {
			int k = seq.merge(c.quarter(), 1, Integer::sum);
			c.id = String.format(Locale.ROOT, "IN-%sQ%d-%04d", c.quarter().period.getYear(), c.quarter().period.getIndex(), k);
		}
		this.facts.issues.sort(Comparator.comparing((Issue i) -> i.foundOn).thenComparing(i -> i.ownerId).thenComparing(i -> i.note));
		for (int i = 0; i < this.facts.issues.size(); i++) {
			this.facts.issues.get(i).id = String.format(Locale.ROOT, "I-%04d", i + 1);
		}
		this.facts.violations.sort(Comparator.comparing((Case v) -> v.on).thenComparing(v -> v.subjectId));
		for (int i = 0; i < this.facts.violations.size(); i++) {
			this.facts.violations.get(i).id = String.format(Locale.ROOT, "V-%04d", i + 1);
		}
	}

	// ------------------------------------------------------------------ quarterly documents

	private Map<String, List<Map<String, Object>>> tables(Quarter q) {
		Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
		t.put("subjects", subjects(q));
		t.put("measurements", measurements(q));
		t.put("rankings", rankings(q));
		t.put("inspections", inspections(q));
		t.put("tasks", tasks(q));
		t.put("issues", issues(q));
		t.put("violations", violations(q));
		t.put("exposures", exposures(q));
		t.put("supervision", supervision(q));
		t.put("interviews", interviews(q));
		t.put("monitoringAlarms", alarms(q));
		return t;
	}

	private List<Map<String, Object>> subjects(Quarter q) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (County c : this.city.counties) {
			rows.add(row("id", c.id, "type", "COUNTY", "name", c.name, "group", c.group, "cropAreaMu", c.cropAreaMu));
		}
		for (Dept d : this.city.departments) {
			rows.add(row("id", d.id, "type", "DEPARTMENT", "name", d.name, "sector", d.sector));
		}
		for (Ent e : this.city.enterprises) {
			rows.add(row("id", e.id, "type", "ENTERPRISE", "name", e.name, "parentId", e.county.id, "industry", e.industry,
					"performanceClass", e.performanceClass, "onEmergencyList", e.onEmergencyList, "regulatorId", e.regulatorId));
		}
		for (Site s : this.city.sites) {
			rows.add(row("id", s.id, "type", "SITE", "name", s.name, "parentId", s.county.id, "onEmergencyList",
					s.onEmergencyList, "regulatorId", s.regulatorId, "builderId", s.builder != null ? s.builder.id : null,
					"projectType", s.projectType, "status", s.status.get(q), "distanceToStationM", s.distanceToStationM,
					"startAcceptancePassed", s.acceptance.get(q)));
		}
		for (Person p : this.city.persons) {
			rows.add(row("id", p.id, "type", "PERSON", "name", p.name, "parentId", p.parentId, "role", p.role));
		}
		return rows;
	}

	private List<Map<String, Object>> measurements(Quarter q) {
		return this.facts.readings.stream()
			.filter(r -> Quarter.of(r.period) == q)
			.sorted(Comparator.comparing((Reading r) -> granularityOrder(r.period))
				.thenComparing(r -> r.period)
				.thenComparing(r -> AirQuality.INDICATOR_ORDER.indexOf(r.indicator))
				.thenComparing(r -> this.subjectOrder.get(r.subjectId)))
			.map(r -> row("subjectId", r.subjectId, "period", r.period.toString(), "indicator", r.indicator, "value", r.value,
					"yoyChangePct", r.yoyChangePct))
			.toList();
	}

	private static int granularityOrder(Period p) {
		return switch (p.getGranularity()) {
			case WEEK -> 0;
			case MONTH -> 1;
			case QUARTER -> 2;
			case YEAR -> 3;
		};
	}

	private List<Map<String, Object>> rankings(Quarter q) {
		return this.facts.rankings.stream()
			.filter(r -> Quarter.of(r.period()) == q)
			.map(r -> row("subjectId", r.subjectId(), "period", r.period().toString(), "indicator", r.indicator(), "rank",
					r.rank(), "of", r.of()))
			.toList();
	}

	private List<Map<String, Object>> inspections(Quarter q) {
		return this.facts.inspections.stream()
			.filter(c -> c.quarter() == q)
			.map(c -> row("id", c.id, "siteId", c.site.id, "at", dateTime(c.at), "by", c.by, "items", new LinkedHashMap<>(c.items),
					"earthworkObserved", c.earthworkObserved, "nightPermit", c.nightPermit, "alertLevel", c.alertLevel,
					"oneChiefThreeOfficers", c.oneChiefThreeOfficers, "trucksUnsealed", c.trucksUnsealed, "trucksWithoutGps",
					c.trucksWithoutGps, "exposed", c.exposed))
			.toList();
	}

	private List<Map<String, Object>> tasks(Quarter q) {
		List<Map<String, Object>> rows = new ArrayList<>();
		this.facts.tasks.stream().sorted(Comparator.comparing((Task t) -> t.id)).forEach(t -> {
			Quarter first = t.done.keySet().iterator().next();
			boolean shown = first.ordinal() <= q.ordinal() && (t.completedOn == null || !t.completedOn.isBefore(q.start()));
			if (!shown) {
				return;
			}
			boolean completed = t.completedOn != null && !t.completedOn.isAfter(q.end());
			double done = completed ? t.planned : doneAt(t, q);
			rows.add(row("id", t.id, "ownerId", t.ownerId, "title", t.title, "due", t.due.toString(), "planned", number(t.planned),
					"done", number(done), "unit", t.unit, "completedOn", completed ? t.completedOn.toString() : null, "adjusted",
					t.adjusted.getOrDefault(q, false)));
		});
		return rows;
	}

	private static double doneAt(Task t, Quarter q) {
		Double done = null;
		for (Map.Entry<Quarter, Double> e : t.done.entrySet()) {
			if (e.getKey().ordinal() <= q.ordinal()) {
				done = e.getValue();
			}
		}
		return (done != null) ? done : 0;
	}

	private List<Map<String, Object>> issues(Quarter q) {
		return this.facts.issues.stream()
			.filter(i -> i.shownIn(q))
			.map(i -> row("id", i.id, "ownerId", i.ownerId, "objectId", i.objectId, "category", i.category, "source", i.source,
					"foundOn", i.foundOn.toString(), "deadline", i.deadline.toString(), "rectifiedOn", upTo(i.rectifiedOn, q),
					"closedOn", upTo(i.closedOn, q), "relapseOf", i.relapseOf != null ? i.relapseOf.id : null))
			.toList();
	}

	private static String upTo(LocalDate date, Quarter q) {
		return (date != null && !date.isAfter(q.end())) ? date.toString() : null;
	}

	private List<Map<String, Object>> violations(Quarter q) {
		return this.facts.violations.stream()
			.filter(v -> q.contains(v.on))
			.map(v -> row("id", v.id, "subjectId", v.subjectId, "on", v.on.toString(), "type", v.type, "foundBy", v.foundBy,
					"refusedToCorrect", v.refusedToCorrect))
			.toList();
	}

	private List<Map<String, Object>> exposures(Quarter q) {
		return this.facts.exposures.stream()
			.filter(e -> q.contains(e.on()))
			.sorted(Comparator.comparing(Exposure::on).thenComparing(Exposure::subjectId))
			.map(e -> row("subjectId", e.subjectId(), "on", e.on().toString(), "source", e.source()))
			.toList();
	}

	private List<Map<String, Object>> supervision(Quarter q) {
		return this.facts.supervision.stream()
			.filter(s -> s.quarter() == q)
			.sorted(Comparator.comparing((Supervision s) -> this.subjectOrder.get(s.departmentId())))
			.map(s -> row("departmentId", s.departmentId(), "selfFoundProblems", s.selfFoundProblems(), "higherFoundProblems",
					s.higherFoundProblems(), "selfReportedAllCompliant", s.selfReportedAllCompliant()))
			.toList();
	}

	private List<Map<String, Object>> interviews(Quarter q) {
		return this.facts.interviews.stream()
			.filter(i -> q.contains(i.on()))
			.sorted(Comparator.comparing(Interview::on))
			.map(i -> row("subjectId", i.subjectId(), "on", i.on().toString(), "type", i.type(), "improvedAfter",
					i.improvedAfter()))
			.toList();
	}

	private List<Map<String, Object>> alarms(Quarter q) {
		return this.facts.alarms.stream()
			.filter(a -> q.contains(a.at().toLocalDate()))
			.sorted(Comparator.comparing(Alarm::at).thenComparing(a -> a.site().id))
			.map(a -> row("siteId", a.site().id, "at", dateTime(a.at()), "minutesOver", a.minutesOver(), "peakPm10", a.peakPm10()))
			.toList();
	}

	// ------------------------------------------------------------------ JSON

	/**
	 * Rows keep the given field order. Nulls are kept where the schema's column is one a reader expects
	 * to see empty (issue and task dates, {@code improvedAfter}); other nulls are left out.
	 */
	private static Map<String, Object> row(Object... kv) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			String key = (String) kv[i];
			Object value = kv[i + 1];
			if (value != null || KEEP_NULL.contains(key)) {
				row.put(key, value);
			}
		}
		return row;
	}

	private static final Set<String> KEEP_NULL = Set.of("rectifiedOn", "closedOn", "relapseOf", "completedOn", "improvedAfter",
			"objectId");

	private static Number number(double v) {
		return (v == Math.rint(v)) ? (Number) Long.valueOf((long) v) : (Number) Double.valueOf(v);
	}

	private static String dateTime(LocalDateTime at) {
		return at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
	}

	/** The document: two-space indentation, one table row per line, Chinese unescaped. */
	private String json(Quarter q, Map<String, List<Map<String, Object>>> tables) {
		StringBuilder sb = new StringBuilder("{\n");
		sb.append("  \"schemaVersion\": 1,\n");
		sb.append("  \"period\": ").append(scalar(q.toString())).append(",\n");
		sb.append("  \"submittedBy\": ").append(scalar(SUBMITTED_BY));
		for (Map.Entry<String, List<Map<String, Object>>> table : tables.entrySet()) {
			sb.append(",\n  ").append(scalar(table.getKey())).append(": ");
			if (table.getValue().isEmpty()) {
				sb.append("[]");
				continue;
			}
			sb.append("[\n");
			sb.append(table.getValue().stream().map(r -> "    " + compact(r)).collect(Collectors.joining(",\n")));
			sb.append("\n  ]");
		}
		return sb.append("\n}\n").toString();
	}

	@SuppressWarnings("unchecked")
	private static String compact(Object value) {
		if (value instanceof Map<?, ?> map) {
			return ((Map<String, Object>) map).entrySet()
				.stream()
				.map(e -> scalar(e.getKey()) + ": " + compact(e.getValue()))
				.collect(Collectors.joining(", ", "{", "}"));
		}
		return scalar(value);
	}

	private static String scalar(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Double d) {
			return Double.toString(d);
		}
		try {
			return FactJson.mapper().writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** R-SITE-*, R-ROAD-*, R-CTY-*, R-DEPT-*, R-PER-*, R-ENT-*, numerically within each. */
	static int compareRules(String a, String b) {
		List<String> families = List.of("SITE", "ROAD", "CTY", "DEPT", "PER", "ENT");
		String[] pa = a.split("-");
		String[] pb = b.split("-");
		int byFamily = Integer.compare(families.indexOf(pa[1]), families.indexOf(pb[1]));
		return (byFamily != 0) ? byFamily : Integer.compare(Integer.parseInt(pa[2]), Integer.parseInt(pb[2]));
	}

}
