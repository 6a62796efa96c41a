package org.kaohe.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import org.kaohe.facts.Granularity;
import org.kaohe.facts.Period;
import org.kaohe.ingest.FactJson;

/**
 * A synthetic province for the benchmarks: cities (ranking groups) of county-level units, city
 * departments, enterprises, construction sites inspected every week, officials, and each quarter's
 * fact document — valid for the real validator, with enough non-compliance that most rule families
 * fire (failed checks, lagging tasks, weekly and monthly bottom ranks, repeat interviews).
 *
 * <pre>
 * ProvinceGenerator g = new ProvinceGenerator(42, ProvinceGenerator.Size.rows(100_000));
 * byte[] json = g.document(Period.parse("2026-Q1"));
 * </pre>
 *
 * <p>Deterministic: the subjects come from the seed alone and each quarter from the seed and the
 * quarter, so any quarter can be generated on its own and the same seed always gives the same bytes.
 * Nothing reads the clock. The JSON is streamed, so a million-row quarter never exists as objects.
 */
public final class ProvinceGenerator {

	/** Checklist items of the default profile (HENAN_6_PLUS_1 in rules/checklists.yaml). */
	static final List<String> CHECKLIST = List.of("FENCING", "MATERIAL_COVER", "VEHICLE_WASH", "GROUND_HARDEN", "WET_OPERATION",
			"SEALED_TRANSPORT", "MONITORING");

	private static final String[] SECTORS = { "ECOLOGY", "CONSTRUCTION", "URBAN_MANAGEMENT", "TRANSPORT", "INDUSTRY",
			"AGRICULTURE", "PUBLIC_SECURITY", "NATURAL_RESOURCES" };

	private static final String[] INDUSTRIES = { "POWER", "CEMENT", "COKING", "BRICK", "FOUNDRY", "CHEMICAL", "STEEL", "GLASS",
			"CONSTRUCTION", "OTHER" };

	private static final String[] PROJECTS = { "HOUSING", "MUNICIPAL", "DEMOLITION", "ROAD", "METRO", "HIGH_RISE" };

	private static final String[] ROLES = { "PARTY_HEAD", "GOV_HEAD", "DEPUTY" };

	/** Fact rows per site and quarter besides its weekly inspections (subject row, builder share, alarms). */
	private static final double ROWS_PER_SITE_EXTRA = 1.56;

	/**
	 * How big the province is.
	 *
	 * @param cities ranking groups (a city's counties are ranked against each other)
	 * @param countiesPerCity county-level units per city
	 * @param sites construction sites (inspected weekly: the bulk of the rows)
	 * @param enterprises enterprises (a third of them builders)
	 */
	public record Size(int cities, int countiesPerCity, int sites, int enterprises) {

		/** About {@code rows} fact rows per quarter in a province of 18 cities and 180 counties. */
		public static Size rows(int rows) {
			return rows(18, 10, rows);
		}

		/** About {@code rows} fact rows per quarter: the county rows are fixed, sites take the rest. */
		public static Size rows(int cities, int countiesPerCity, int rows) {
			int counties = cities * countiesPerCity;
			int fixed = counties * 52 + SECTORS.length * 5;
			int perSite = 13;
			int sites = Math.max(countiesPerCity * cities, (int) ((rows - fixed) / (perSite + ROWS_PER_SITE_EXTRA)));
			return new Size(cities, countiesPerCity, sites, Math.max(counties, sites / 2));
		}

		int counties() {
			return this.cities * this.countiesPerCity;
		}

	}

	private final long seed;

	private final Size size;

	public ProvinceGenerator(long seed, Size size) {
		this.seed = seed;
		this.size = size;
	}

	public Size size() {
		return this.size;
	}

	/** {@code count} consecutive quarters ending with {@code last}, earliest first. */
	public static List<Period> quarters(Period last, int count) {
		List<Period> q = new ArrayList<>();
		for (int i = count - 1; i >= 0; i--) {
			q.add(last.plus(-i));
		}
		return q;
	}

	/** The quarter's fact document as UTF-8 JSON. */
	public byte[] document(Period quarter) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
		write(quarter, out);
		return out.toByteArray();
	}

	/** Streams the quarter's fact document as UTF-8 JSON; returns the rows written. */
	public long write(Period quarter, OutputStream out) {
		if (quarter.getGranularity() != Granularity.QUARTER) {
			throw new IllegalArgumentException("a quarter is needed, not " + quarter);
		}
		try (JsonGenerator g = FactJson.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
			Writer w = new Writer(g, quarter);
			w.document();
			return w.rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ------------------------------------------------------------------ ids (stable for a size)

	static String county(int c) {
		return String.format(Locale.ROOT, "C%03d", c);
	}

	static String city(int c) {
		return String.format(Locale.ROOT, "第%02d市", c + 1);
	}

	static String dept(int d) {
		return "D-" + SECTORS[d];
	}

	static String enterprise(int e) {
		return String.format(Locale.ROOT, "E%06d", e);
	}

	static String site(int s) {
		return String.format(Locale.ROOT, "S%06d", s);
	}

	static String person(int county, int role) {
		return String.format(Locale.ROOT, "P%03d-%d", county, role);
	}

	private int countyOfSite(int s) {
		return s % this.size.counties();
	}

	private int countyOfEnterprise(int e) {
		return e % this.size.counties();
	}

	/** A builder (enterprise) in the same county as the site: enterprises e ≡ county (mod counties). */
	private int builderOf(int s) {
		int counties = this.size.counties();
		int perCounty = Math.max(1, this.size.enterprises / counties);
		return countyOfSite(s) + counties * ((s / counties) % perCounty);
	}

	/** Writes one document: the subjects, then each table (fixed order, so the bytes are stable). */
	private final class Writer {

		private final JsonGenerator g;

		private final Period quarter;

		private final SplittableRandom random;

		private final List<Period> weeks = new ArrayList<>();

		private final List<Period> months = new ArrayList<>();

		/** Each county's air quality level this quarter: persistent, so bottom ranks repeat. */
		private final double[] level;

		long rows;

		Writer(JsonGenerator g, Period quarter) {
			this.g = g;
			this.quarter = quarter;
			this.random = new SplittableRandom(ProvinceGenerator.this.seed * 31 + quarter.serial());
			for (int w = 1; w <= 53; w++) {
				Period week;
				try {
					week = Period.week(quarter.getYear(), w);
				}
				catch (RuntimeException ex) {
					continue;
				}
				if (quarter.contains(week)) {
					this.weeks.add(week);
				}
			}
			for (int m = 0; m < 3; m++) {
				this.months.add(Period.month(quarter.getYear(), (quarter.getIndex() - 1) * 3 + m + 1));
			}
			SplittableRandom stable = new SplittableRandom(ProvinceGenerator.this.seed);
			this.level = new double[ProvinceGenerator.this.size.counties()];
			for (int c = 0; c < this.level.length; c++) {
				this.level[c] = 35 + 30 * stable.nextDouble();
			}
		}

		void document() throws IOException {
			this.g.writeStartObject();
			this.g.writeNumberField("schemaVersion", 1);
			this.g.writeStringField("period", this.quarter.toString());
			this.g.writeStringField("submittedBy", "基准测试省大气污染防治攻坚办（合成数据）");
			subjects();
			measurements();
			inspections();
			tasks();
			issues();
			violations();
			exposures();
			supervision();
			interviews();
			alarms();
			this.g.writeEndObject();
		}

		private void start(String table) throws IOException {
			this.g.writeArrayFieldStart(table);
		}

		private void row() throws IOException {
			this.g.writeStartObject();
			this.rows++;
		}

		private void subjects() throws IOException {
			Size s = ProvinceGenerator.this.size;
			SplittableRandom r = new SplittableRandom(ProvinceGenerator.this.seed + 1);
			start("subjects");
			for (int c = 0; c < s.counties(); c++) {
				row();
				this.g.writeStringField("id", county(c));
				this.g.writeStringField("type", "COUNTY");
				this.g.writeStringField("name", city(c / s.countiesPerCity()) + "第" + (c % s.countiesPerCity() + 1) + "县");
				this.g.writeStringField("group", city(c / s.countiesPerCity()));
				this.g.writeNumberField("cropAreaMu", 50_000 + r.nextInt(400_000));
				this.g.writeEndObject();
			}
			for (int d = 0; d < SECTORS.length; d++) {
				row();
				this.g.writeStringField("id", dept(d));
				this.g.writeStringField("type", "DEPARTMENT");
				this.g.writeStringField("name", "省" + SECTORS[d] + "主管部门");
				this.g.writeStringField("sector", SECTORS[d]);
				this.g.writeEndObject();
			}
			for (int e = 0; e < s.enterprises(); e++) {
				row();
				this.g.writeStringField("id", enterprise(e));
				this.g.writeStringField("type", "ENTERPRISE");
				this.g.writeStringField("name", "合成企业" + e + "有限公司");
				this.g.writeStringField("parentId", county(countyOfEnterprise(e)));
				this.g.writeStringField("industry", INDUSTRIES[e % INDUSTRIES.length]);
				this.g.writeBooleanField("onEmergencyList", e % 5 == 0);
				this.g.writeStringField("regulatorId", dept(4));
				this.g.writeEndObject();
			}
			for (int i = 0; i < s.sites(); i++) {
				row();
				this.g.writeStringField("id", site(i));
				this.g.writeStringField("type", "SITE");
				this.g.writeStringField("name", "合成工地" + i + "号");
				this.g.writeStringField("parentId", county(countyOfSite(i)));
				this.g.writeBooleanField("onEmergencyList", i % 3 == 0);
				this.g.writeStringField("regulatorId", dept(1));
				this.g.writeStringField("builderId", enterprise(builderOf(i)));
				this.g.writeStringField("projectType", PROJECTS[i % PROJECTS.length]);
				this.g.writeStringField("status", "WORKING");
				this.g.writeNumberField("distanceToStationM", 300 + (i * 7919) % 9000);
				this.g.writeBooleanField("startAcceptancePassed", true);
				this.g.writeEndObject();
			}
			for (int c = 0; c < s.counties(); c++) {
				for (int k = 0; k < ROLES.length; k++) {
					row();
					this.g.writeStringField("id", person(c, k));
					this.g.writeStringField("type", "PERSON");
					this.g.writeStringField("name", "合成责任人" + c + "-" + k);
					this.g.writeStringField("parentId", county(c));
					this.g.writeStringField("role", ROLES[k]);
					this.g.writeEndObject();
				}
			}
			this.g.writeEndArray();
		}

		private void measurement(int c, Period p, String indicator, double value, Double yoy) throws IOException {
			row();
			this.g.writeStringField("subjectId", county(c));
			this.g.writeStringField("period", p.toString());
			this.g.writeStringField("indicator", indicator);
			this.g.writeNumberField("value", Math.round(value * 10) / 10.0);
			if (yoy != null) {
				this.g.writeNumberField("yoyChangePct", Math.round(yoy * 10) / 10.0);
			}
			this.g.writeEndObject();
		}

		private void measurements() throws IOException {
			start("measurements");
			int counties = ProvinceGenerator.this.size.counties();
			for (int c = 0; c < counties; c++) {
				for (Period w : this.weeks) {
					double pm25 = this.level[c] * (0.8 + 0.4 * this.random.nextDouble());
					measurement(c, w, "PM25", pm25, null);
					measurement(c, w, "PM10", pm25 * (1.6 + 0.3 * this.random.nextDouble()), null);
				}
				for (Period m : this.months) {
					double pm25 = this.level[c] * (0.85 + 0.3 * this.random.nextDouble());
					measurement(c, m, "PM25", pm25, -10 + 20 * this.random.nextDouble());
					measurement(c, m, "PM10", pm25 * 1.7, -10 + 20 * this.random.nextDouble());
					measurement(c, m, "COMPOSITE_INDEX", pm25 / 10, -10 + 20 * this.random.nextDouble());
					measurement(c, m, "GOOD_DAYS", 10 + this.random.nextInt(20), null);
					measurement(c, m, "FIRE_POINTS", (this.random.nextInt(40) == 0) ? 1 : 0, null);
				}
				measurement(c, this.quarter, "ROAD_DUST_FAIL_SHARE", 2 + 10 * this.random.nextDouble(), null);
				measurement(c, this.quarter, "ASSESSMENT_SCORE", 60 + 38 * this.random.nextDouble(), null);
			}
			this.g.writeEndArray();
		}

		private void inspections() throws IOException {
			start("inspections");
			int sites = ProvinceGenerator.this.size.sites();
			// one inspection per site and week; about 4% find an item failed, 0.3% earthwork at night
			for (int wi = 0; wi < this.weeks.size(); wi++) {
				LocalDate monday = this.weeks.get(wi).start();
				for (int s = 0; s < sites; s++) {
					LocalDate day = monday.plusDays(s % 5);
					if (!this.quarter.contains(day)) {
						day = this.quarter.contains(monday) ? monday : this.quarter.start();
					}
					boolean night = this.random.nextInt(300) == 0;
					LocalDateTime at = day.atTime(night ? 23 : 9 + s % 8, (s * 7) % 60);
					row();
					this.g.writeStringField("id", String.format(Locale.ROOT, "IN-%s-%02d-%06d", this.quarter, wi + 1, s));
					this.g.writeStringField("siteId", site(s));
					this.g.writeStringField("at", at.toString().length() == 16 ? at + ":00" : at.toString());
					this.g.writeStringField("by", "合成巡查组");
					this.g.writeObjectFieldStart("items");
					int failing = (this.random.nextInt(25) == 0) ? this.random.nextInt(CHECKLIST.size()) : -1;
					for (int k = 0; k < CHECKLIST.size(); k++) {
						this.g.writeBooleanField(CHECKLIST.get(k), k != failing);
					}
					this.g.writeEndObject();
					this.g.writeBooleanField("earthworkObserved", night);
					this.g.writeBooleanField("nightPermit", false);
					this.g.writeStringField("alertLevel", "NONE");
					this.g.writeBooleanField("oneChiefThreeOfficers", this.random.nextInt(200) != 0);
					this.g.writeEndObject();
				}
			}
			this.g.writeEndArray();
		}

		private void tasks() throws IOException {
			start("tasks");
			LocalDate end = this.quarter.end();
			int counties = ProvinceGenerator.this.size.counties();
			for (int o = 0; o < counties + SECTORS.length; o++) {
				String owner = (o < counties) ? county(o) : dept(o - counties);
				// the same task ids every quarter, so a task that lags again escalates (R-DEPT-02 再次)
				for (int t = 0; t < 3; t++) {
					row();
					int planned = 10 + this.random.nextInt(20);
					int roll = this.random.nextInt(10);
					int done = (roll == 0) ? planned / 4 : (roll == 1) ? (int) (planned * 0.85) : planned;
					// a slight lag (85%, due late in the quarter) only warns (R-DEPT-01); a quarter done is a severe lag
					LocalDate due = (roll == 1) ? end.minusDays(5 + this.random.nextInt(20)) : end.minusDays(40 + this.random.nextInt(40));
					this.g.writeStringField("id", "T-" + owner + "-" + t);
					this.g.writeStringField("ownerId", owner);
					this.g.writeStringField("title", "合成治理任务" + t);
					this.g.writeStringField("due", due.toString());
					this.g.writeNumberField("planned", planned);
					this.g.writeNumberField("done", done);
					this.g.writeStringField("unit", "项");
					if (done >= planned) {
						this.g.writeStringField("completedOn", due.minusDays(this.random.nextInt(10)).toString());
					}
					this.g.writeBooleanField("adjusted", false);
					this.g.writeEndObject();
				}
			}
			this.g.writeEndArray();
		}

		private void issues() throws IOException {
			start("issues");
			int counties = ProvinceGenerator.this.size.counties();
			for (int c = 0; c < counties; c++) {
				for (int k = 0; k < 2; k++) {
					row();
					LocalDate found = this.quarter.start().plusDays(this.random.nextInt(60));
					LocalDate deadline = found.plusDays(20);
					boolean late = this.random.nextInt(8) == 0;
					this.g.writeStringField("id", "I-" + this.quarter + "-" + county(c) + "-" + k);
					this.g.writeStringField("ownerId", county(c));
					this.g.writeStringField("objectId", site((c + counties * k) % ProvinceGenerator.this.size.sites()));
					this.g.writeStringField("category", "DUST");
					this.g.writeStringField("source", "CITY_OFFICE");
					this.g.writeStringField("foundOn", found.toString());
					this.g.writeStringField("deadline", deadline.toString());
					if (!late) {
						this.g.writeStringField("rectifiedOn", deadline.minusDays(5).toString());
						this.g.writeStringField("closedOn", deadline.minusDays(2).toString());
					}
					this.g.writeEndObject();
				}
			}
			this.g.writeEndArray();
		}

		private void violations() throws IOException {
			start("violations");
			int n = ProvinceGenerator.this.size.enterprises() / 100;
			String[] types = { "OVER_STANDARD", "FACILITY_ABNORMAL", "EMERGENCY_NONCOMPLIANCE", "NO_PERMIT" };
			for (int k = 0; k < n; k++) {
				row();
				int e = this.random.nextInt(ProvinceGenerator.this.size.enterprises());
				this.g.writeStringField("id", "V-" + this.quarter + "-" + k);
				this.g.writeStringField("subjectId", enterprise(e));
				this.g.writeStringField("on", this.quarter.start().plusDays(this.random.nextInt(85)).toString());
				this.g.writeStringField("type", types[k % types.length]);
				this.g.writeStringField("foundBy", "合成执法组");
				this.g.writeBooleanField("refusedToCorrect", k % 17 == 0);
				this.g.writeEndObject();
			}
			this.g.writeEndArray();
		}

		private void exposures() throws IOException {
			start("exposures");
			int n = ProvinceGenerator.this.size.sites() / 500;
			for (int k = 0; k < n; k++) {
				row();
				this.g.writeStringField("subjectId", site(this.random.nextInt(ProvinceGenerator.this.size.sites())));
				this.g.writeStringField("on", this.quarter.start().plusDays(k % 85).toString());
				this.g.writeStringField("source", "CITY_NOTICE");
				this.g.writeEndObject();
			}
			this.g.writeEndArray();
		}

		private void supervision() throws IOException {
			start("supervision");
			for (int d = 0; d < SECTORS.length; d++) {
				row();
				this.g.writeStringField("departmentId", dept(d));
				this.g.writeNumberField("selfFoundProblems", 10 + this.random.nextInt(40));
				this.g.writeNumberField("higherFoundProblems", this.random.nextInt(6));
				this.g.writeBooleanField("selfReportedAllCompliant", false);
				this.g.writeEndObject();
			}
			this.g.writeEndArray();
		}

		private void interviews() throws IOException {
			start("interviews");
			int counties = ProvinceGenerator.this.size.counties();
			// a tenth of the counties' deputies are interviewed each quarter, mostly without improvement
			for (int c = 0; c < counties; c++) {
				if ((c + this.quarter.serial()) % 10 == 0 || c % 25 == 0) {
					row();
					this.g.writeStringField("subjectId", person(c, 2));
					this.g.writeStringField("on", this.quarter.start().plusDays(20 + c % 40).toString());
					this.g.writeStringField("type", "INTERVIEW");
					this.g.writeBooleanField("improvedAfter", c % 3 == 0);
					this.g.writeEndObject();
				}
			}
			this.g.writeEndArray();
		}

		private void alarms() throws IOException {
			start("monitoringAlarms");
			int sites = ProvinceGenerator.this.size.sites();
			int n = sites / 20;
			for (int k = 0; k < n; k++) {
				row();
				int s = this.random.nextInt(sites);
				LocalDateTime at = this.quarter.start().plusDays(this.random.nextInt(88)).atTime(8 + k % 10, k % 60);
				this.g.writeStringField("siteId", site(s));
				this.g.writeStringField("at", at + ":00");
				this.g.writeNumberField("minutesOver", 10 + this.random.nextInt(50));
				this.g.writeNumberField("peakPm10", 160 + this.random.nextInt(200));
				this.g.writeEndObject();
			}
			this.g.writeEndArray();
		}

	}

}
