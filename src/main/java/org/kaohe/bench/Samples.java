package org.kaohe.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one quantity: median and spread (min, max, p10, p90 by nearest rank). */
final class Samples {

	private final List<Double> values = new ArrayList<>();

	void add(double v) {
		this.values.add(v);
	}

	List<Double> values() {
		return List.copyOf(this.values);
	}

	int count() {
		return this.values.size();
	}

	double median() {
		return percentile(50);
	}

	double min() {
		return sorted().get(0);
	}

	double max() {
		List<Double> s = sorted();
		return s.get(s.size() - 1);
	}

	/** Nearest-rank percentile. */
	double percentile(double p) {
		List<Double> s = sorted();
		if (s.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * s.size());
		return s.get(Math.max(0, Math.min(s.size() - 1, rank - 1)));
	}

	private List<Double> sorted() {
		List<Double> s = new ArrayList<>(this.values);
		Collections.sort(s);
		return s;
	}

	/** "median (min–max, n=5)" with the given format for each number. */
	String describe(String format) {
		if (this.values.isEmpty()) {
			return "–";
		}
		return String.format(Locale.ROOT, format + " (" + format + "–" + format + ", n=%d)", median(), min(), max(), count());
	}

}
