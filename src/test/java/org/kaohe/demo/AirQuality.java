package org.kaohe.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.kaohe.demo.DemoCity.County;
import org.kaohe.demo.DemoCity.Dept;
import org.kaohe.demo.DemoFacts.Reading;
import org.kaohe.facts.Period;

/**
 * The indicator values (measurements) of the demo: weekly and monthly PM2.5 and PM10, monthly composite
 * index, good days and fire points, quarterly composite index, assessment scores and road-dust shares,
 * and the 2025 yearly assessment score.
 *
 * <p>Values come from a seasonal city curve times a persistent county factor with noise. Where a
 * planted case needs a rank ({@link Plan}: "西苑区 in the bottom three of 城区组 for PM2.5 in 2026-01"),
 * the group's values are drawn as usual and then handed out in the planned order, so the spread stays
 * realistic and only the order is steered. Within a group no two values tie.
 */
final class AirQuality {

	/** Rank positions and values that planted cases fix; everything else is drawn. */
	static final class Plan {

		/** "2026-01|PM25|C02" → position in its group (1 = best). */
		final Map<String, Integer> monthlyPins = new LinkedHashMap<>();

		/** "2026-Q3|C11" → position of the quarterly composite index in the county's group (1 = best). */
		final Map<String, Integer> compositePins = new LinkedHashMap<>();

		/** "2026-Q3|C14" or "2026-Q3|D-ZJ" → position of the quarterly assessment score (1 = best). */
		final Map<String, Integer> scorePins = new LinkedHashMap<>();

		/** "2026-07|PM25|C04" → year-on-year change in percent. */
		final Map<String, Double> yoy = new LinkedHashMap<>();

		/** "2026-09|C09" → satellite fire points. */
		final Map<String, Integer> fires = new LinkedHashMap<>();

		/** "2026-Q3|C03" → share of failed road-dust points, percent. */
		final Map<String, Double> roadDust = new LinkedHashMap<>();

		/** Subject id → 2025 yearly assessment score. */
		final Map<String, Double> yearlyScores = new LinkedHashMap<>();

		/** Heavy-pollution (and one ozone) alert episodes. */
		final List<Alert> alerts = new ArrayList<>();

		void pin(String month, String indicator, County c, int position) {
			this.monthlyPins.put(month + "|" + indicator + "|" + c.id, position);
		}

		/** The alert level in force on a day ("NONE" if none). */
		String alertOn(LocalDate day) {
			for (Alert a : this.alerts) {
				if (!day.isBefore(a.from) && !day.isAfter(a.to)) {
					return a.level;
				}
			}
			return "NONE";
		}

	}

	/** An alert episode. */
	record Alert(LocalDate from, LocalDate to, String level, String what) {
	}

	static final List<String> INDICATOR_ORDER = List.of("PM25", "PM10", "COMPOSITE_INDEX", "GOOD_DAYS", "FIRE_POINTS",
			"ROAD_DUST_FAIL_SHARE", "ASSESSMENT_SCORE");

	/** City-mean monthly PM2.5 (µg/m³), a Luoyang-like seasonal curve. */
	private static final Map<String, Double> PM25 = Map.ofEntries(Map.entry("2025-10", 47.0), Map.entry("2025-11", 66.0),
			Map.entry("2025-12", 83.0), Map.entry("2026-01", 96.0), Map.entry("2026-02", 73.0), Map.entry("2026-03", 57.0),
			Map.entry("2026-04", 45.0), Map.entry("2026-05", 39.0), Map.entry("2026-06", 33.0), Map.entry("2026-07", 29.0),
			Map.entry("2026-08", 27.0), Map.entry("2026-09", 32.0));

	/** PM10 / PM2.5: higher in the dusty spring. */
	private static final Map<String, Double> PM10_RATIO = Map.ofEntries(Map.entry("2025-10", 1.74),
			Map.entry("2025-11", 1.66), Map.entry("2025-12", 1.61), Map.entry("2026-01", 1.60), Map.entry("2026-02", 1.66),
			Map.entry("2026-03", 1.88), Map.entry("2026-04", 1.90), Map.entry("2026-05", 1.84), Map.entry("2026-06", 1.78),
			Map.entry("2026-07", 1.70), Map.entry("2026-08", 1.68), Map.entry("2026-09", 1.72));

	/** The ozone share of the composite index (summer ozone keeps it above 3.5). */
	private static final Map<String, Double> OZONE = Map.ofEntries(Map.entry("2025-10", 0.85), Map.entry("2025-11", 0.6),
			Map.entry("2025-12", 0.5), Map.entry("2026-01", 0.5), Map.entry("2026-02", 0.6), Map.entry("2026-03", 0.8),
			Map.entry("2026-04", 1.0), Map.entry("2026-05", 1.3), Map.entry("2026-06", 1.6), Map.entry("2026-07", 1.55),
			Map.entry("2026-08", 1.4), Map.entry("2026-09", 1.1));

	private final DemoCity city;

	private final Plan plan;

	private final DemoFacts facts;

	private final Random rnd;

	private final Map<String, Double> pm25 = new HashMap<>();

	private final Map<String, Double> pm10 = new HashMap<>();

	private final Map<String, Double> composite = new HashMap<>();

	private final Map<String, Double> nitrogen = new HashMap<>();

	private AirQuality(DemoCity city, Plan plan, DemoFacts facts, long seed) {
		this.city = city;
		this.plan = plan;
		this.facts = facts;
		this.rnd = new Random(seed);
	}

	static void generate(DemoCity city, Plan plan, DemoFacts facts, long seed) {
		new AirQuality(city, plan, facts, seed).run();
	}

	private void run() {
		for (County c : this.city.counties) {
			// traffic and industry raise NO2/SO2/CO; a persistent part of the composite index
			this.nitrogen.put(c.id, (c.urban() ? 0.95 : 0.8) + (c.airFactor - 1) * 2 + gauss(0.08));
		}
		for (Quarter q : Quarter.values()) {
			for (Period m : q.months()) {
				monthly(m);
			}
			for (Period w : q.weeks()) {
				weekly(w);
			}
			quarterlyComposite(q);
			scores(q);
			roadDust(q);
		}
		yearly();
	}

	// ------------------------------------------------------------------ monthly

	private void monthly(Period month) {
		String m = month.toString();
		for (String group : List.of(DemoCity.URBAN, DemoCity.RURAL)) {
			List<County> members = this.city.group(group);
			Map<String, Double> n25 = new LinkedHashMap<>();
			for (County c : members) {
				n25.put(c.id, PM25.get(m) * c.airFactor * (1 + gauss(0.045)));
			}
			Map<String, Double> v25 = integers(assign(n25, pins(m, "PM25", members), true), true);
			// PM10 follows the PM2.5 actually assigned, so the ratio stays between about 1.5 and 2
			Map<String, Double> n10 = new LinkedHashMap<>();
			for (County c : members) {
				n10.put(c.id, v25.get(c.id) * PM10_RATIO.get(m) * c.dustFactor * (1 + gauss(0.03)));
			}
			Map<String, Double> v10 = integers(assign(n10, pins(m, "PM10", members), true), true);
			for (County c : members) {
				String key = m + "|" + c.id;
				this.pm25.put(key, v25.get(c.id));
				this.pm10.put(key, v10.get(c.id));
			}
		}
		int days = month.end().getDayOfMonth();
		for (County c : this.city.counties) {
			String key = m + "|" + c.id;
			double p25 = this.pm25.get(key);
			double p10 = this.pm10.get(key);
			Reading r25 = add(c.id, month, "PM25", (int) p25);
			r25.yoyChangePct = yoy(m, "PM25", c, 3, 13);
			add(c.id, month, "PM10", (int) p10);
			this.composite.put(key, 0.3 + 0.036 * p25 + 0.008 * p10 + OZONE.get(m) + 0.9 * this.nitrogen.get(c.id));
			double goodRatio = 1.05 - (p25 - 35) / 110 - OZONE.get(m) * 0.28 + gauss(0.03);
			add(c.id, month, "GOOD_DAYS", (int) Math.round(days * Math.max(0.15, Math.min(0.97, goodRatio))));
			add(c.id, month, "FIRE_POINTS", this.plan.fires.getOrDefault(m + "|" + c.id, 0));
		}
	}

	private Double yoy(String month, String indicator, County c, double least, double spread) {
		Double planned = this.plan.yoy.get(month + "|" + indicator + "|" + c.id);
		double drawn = round1(-(least + spread * this.rnd.nextDouble()));
		return (planned != null) ? planned : drawn;
	}

	private Map<String, Integer> pins(String period, String indicator, List<County> members) {
		Map<String, Integer> pins = new LinkedHashMap<>();
		for (County c : members) {
			Integer p = this.plan.monthlyPins.get(period + "|" + indicator + "|" + c.id);
			if (p != null) {
				pins.put(c.id, p);
			}
		}
		return pins;
	}

	// ------------------------------------------------------------------ weekly

	private void weekly(Period week) {
		LocalDate thursday = week.start().plusDays(3);
		String m = Period.containing(thursday, org.kaohe.facts.Granularity.MONTH).toString();
		double cityFactor = 1 + gauss(0.10);
		String alert = "NONE";
		for (int d = 0; d < 7; d++) {
			String a = this.plan.alertOn(week.start().plusDays(d));
			if (a.equals("ORANGE") || (a.equals("YELLOW") && !alert.equals("ORANGE"))) {
				alert = a;
			}
		}
		if (alert.equals("ORANGE")) {
			cityFactor = 1.45 + gauss(0.04);
		}
		else if (alert.equals("YELLOW")) {
			cityFactor = m.compareTo("2026-05") > 0 ? 1.05 + gauss(0.03) : 1.3 + gauss(0.04);
		}
		for (String group : List.of(DemoCity.URBAN, DemoCity.RURAL)) {
			Map<String, Double> n25 = new LinkedHashMap<>();
			Map<String, Double> n10 = new LinkedHashMap<>();
			for (County c : this.city.group(group)) {
				double local = 1 + gauss(0.075);
				n25.put(c.id, this.pm25.get(m + "|" + c.id) * cityFactor * local);
				n10.put(c.id, this.pm10.get(m + "|" + c.id) * cityFactor * (local + gauss(0.03)));
			}
			Map<String, Double> v25 = integers(n25, true);
			Map<String, Double> v10 = integers(n10, true);
			for (County c : this.city.group(group)) {
				add(c.id, week, "PM25", v25.get(c.id).intValue());
				add(c.id, week, "PM10", v10.get(c.id).intValue());
			}
		}
	}

	// ------------------------------------------------------------------ quarterly

	private void quarterlyComposite(Quarter q) {
		for (String group : List.of(DemoCity.URBAN, DemoCity.RURAL)) {
			Map<String, Double> natural = new LinkedHashMap<>();
			Map<String, Integer> pins = new LinkedHashMap<>();
			for (County c : this.city.group(group)) {
				double sum = 0;
				for (Period m : q.months()) {
					sum += this.composite.get(m + "|" + c.id);
				}
				natural.put(c.id, sum / 3);
				Integer pin = this.plan.compositePins.get(q + "|" + c.id);
				if (pin != null) {
					pins.put(c.id, pin);
				}
			}
			Map<String, Double> values = decimals(assign(natural, pins, true), true, 0.01);
			for (County c : this.city.group(group)) {
				double quarterly = values.get(c.id);
				// the monthly values are scaled so that they average to the quarterly one
				double scale = quarterly / natural.get(c.id);
				for (Period m : q.months()) {
					Reading r = add(c.id, m, "COMPOSITE_INDEX", round2(this.composite.get(m + "|" + c.id) * scale));
					r.yoyChangePct = yoy(m.toString(), "COMPOSITE_INDEX", c, 2, 10);
				}
				add(c.id, q.period, "COMPOSITE_INDEX", quarterly);
			}
		}
	}

	private void scores(Quarter q) {
		for (String group : List.of(DemoCity.URBAN, DemoCity.RURAL)) {
			Map<String, Double> natural = new LinkedHashMap<>();
			for (County c : this.city.group(group)) {
				natural.put(c.id, clamp(84 - (c.airFactor - 1) * 60 + gauss(3.5), 66, 96));
			}
			Map<String, Double> values = decimals(assign(natural, scorePins(q, natural), false), false, 0.1);
			this.city.group(group).forEach(c -> add(c.id, q.period, "ASSESSMENT_SCORE", values.get(c.id)));
		}
		Map<String, Double> natural = new LinkedHashMap<>();
		for (Dept d : this.city.departments) {
			natural.put(d.id, clamp(82 + gauss(4.5), 65, 95));
		}
		Map<String, Double> values = decimals(assign(natural, scorePins(q, natural), false), false, 0.1);
		this.city.departments.forEach(d -> add(d.id, q.period, "ASSESSMENT_SCORE", values.get(d.id)));
	}

	private Map<String, Integer> scorePins(Quarter q, Map<String, Double> members) {
		Map<String, Integer> pins = new LinkedHashMap<>();
		for (String id : members.keySet()) {
			Integer p = this.plan.scorePins.get(q + "|" + id);
			if (p != null) {
				pins.put(id, p);
			}
		}
		return pins;
	}

	private void roadDust(Quarter q) {
		double sum = 0;
		int n = 0;
		for (County c : this.city.group(DemoCity.URBAN)) {
			double drawn = round1(7 + 10.5 * this.rnd.nextDouble());
			double v = this.plan.roadDust.getOrDefault(q + "|" + c.id, drawn);
			add(c.id, q.period, "ROAD_DUST_FAIL_SHARE", v);
			sum += v;
			n++;
		}
		double cg = round1(sum / n);
		add("D-CG", q.period, "ROAD_DUST_FAIL_SHARE", this.plan.roadDust.getOrDefault(q + "|D-CG", Math.min(cg, 19.0)));
	}

	private void yearly() {
		Period year = Period.parse("2025");
		for (County c : this.city.counties) {
			add(c.id, year, "ASSESSMENT_SCORE", planned(c.id));
		}
		for (Dept d : this.city.departments) {
			add(d.id, year, "ASSESSMENT_SCORE", planned(d.id));
		}
	}

	private double planned(String id) {
		Double v = this.plan.yearlyScores.get(id);
		if (v == null) {
			throw new IllegalStateException("no 2025 yearly score planned for " + id);
		}
		return v;
	}

	// ------------------------------------------------------------------ helpers

	/**
	 * Hands the drawn values out in the planned order: the unpinned subjects keep their drawn order,
	 * the pinned ones are put at their positions (1 = best).
	 */
	static Map<String, Double> assign(Map<String, Double> natural, Map<String, Integer> pins, boolean lowerBetter) {
		Comparator<String> best = Comparator.comparingDouble(natural::get);
		if (!lowerBetter) {
			best = best.reversed();
		}
		List<String> order = new ArrayList<>(natural.keySet());
		order.sort(best.thenComparing(Comparator.naturalOrder()));
		List<Double> pool = order.stream().map(natural::get).toList();
		order.removeAll(pins.keySet());
		pins.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> order.add(Math.min(Math.max(e.getValue() - 1, 0), order.size()), e.getKey()));
		Map<String, Double> result = new LinkedHashMap<>();
		for (int i = 0; i < order.size(); i++) {
			result.put(order.get(i), pool.get(i));
		}
		return result;
	}

	/** Whole numbers, no two equal, order kept (best first). */
	static Map<String, Double> integers(Map<String, Double> values, boolean lowerBetter) {
		return decimals(values, lowerBetter, 1);
	}

	/** Rounded to {@code step}, no two equal, order kept. */
	static Map<String, Double> decimals(Map<String, Double> values, boolean lowerBetter, double step) {
		List<String> order = new ArrayList<>(values.keySet());
		Comparator<String> best = Comparator.comparingDouble(values::get);
		order.sort(lowerBetter ? best.thenComparing(Comparator.naturalOrder())
				: best.reversed().thenComparing(Comparator.naturalOrder()));
		Map<String, Double> result = new LinkedHashMap<>();
		Double previous = null;
		for (String id : order) {
			double v = Math.round(values.get(id) / step) * step;
			if (previous != null) {
				v = lowerBetter ? Math.max(v, previous + step) : Math.min(v, previous - step);
			}
			v = (step >= 1) ? Math.round(v) : (step >= 0.1 ? round1(v) : round2(v));
			result.put(id, v);
			previous = v;
		}
		Map<String, Double> ordered = new LinkedHashMap<>();
		values.keySet().forEach(k -> ordered.put(k, result.get(k)));
		return ordered;
	}

	private Reading add(String subjectId, Period period, String indicator, Number value) {
		Reading r = new Reading(subjectId, period, indicator, value);
		this.facts.readings.add(r);
		return r;
	}

	private double gauss(double sd) {
		return Math.max(-3, Math.min(3, this.rnd.nextGaussian())) * sd;
	}

	static double clamp(double v, double lo, double hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	static double round1(double v) {
		return Math.round(v * 10) / 10.0;
	}

	static double round2(double v) {
		return Math.round(v * 100) / 100.0;
	}

}
