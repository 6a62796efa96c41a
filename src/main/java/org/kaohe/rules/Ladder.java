package org.kaohe.rules;

import java.util.List;
import java.util.Map;

import org.kaohe.facts.PersonRole;
import org.kaohe.outcome.Measure;

/**
 * Steps chosen by a count: {@code 1 → 停工7天, 2 → 30天, ≥3 → 90天}. The parameter file writes each
 * band as {@code {from: 1, to: 1, days: 7}}; a band without {@code to} is open-ended. The checks
 * refuse ladders with gaps or overlaps.
 *
 * <pre>
 * $band : Ladder.Band() from params.ladder("stopWorkLadder").bandFor($count)
 * … .days($band.integer("days"))
 * </pre>
 */
public final class Ladder {

	private final List<Band> bands;

	Ladder(List<Band> bands) {
		this.bands = List.copyOf(bands);
	}

	public List<Band> getBands() {
		return this.bands;
	}

	/** The band containing {@code count}, or null when none does (e.g. a count of 0). */
	public Band bandFor(int count) {
		for (Band b : this.bands) {
			if (count >= b.from && (b.to == null || count <= b.to)) {
				return b;
			}
		}
		return null;
	}

	/** Whether some band contains {@code count}. */
	public boolean covers(int count) {
		return bandFor(count) != null;
	}

	/** The lowest count that reaches a band. */
	public int getFirstFrom() {
		return this.bands.isEmpty() ? Integer.MAX_VALUE : this.bands.get(0).from;
	}

	@Override
	public String toString() {
		return this.bands.toString();
	}

	/** One step of a ladder with its payload fields. */
	public static final class Band {

		private final int from;

		private final Integer to;

		private final Map<String, Object> fields;

		Band(int from, Integer to, Map<String, Object> fields) {
			this.from = from;
			this.to = to;
			this.fields = Map.copyOf(fields);
		}

		public int getFrom() {
			return this.from;
		}

		/** Upper bound (inclusive), or null when open-ended. */
		public Integer getTo() {
			return this.to;
		}

		public Map<String, Object> getFields() {
			return this.fields;
		}

		public int integer(String field) {
			return ((Number) get(field)).intValue();
		}

		public double number(String field) {
			return ((Number) get(field)).doubleValue();
		}

		public String text(String field) {
			return String.valueOf(get(field));
		}

		public boolean flag(String field) {
			return (Boolean) get(field);
		}

		public Measure measure(String field) {
			return (Measure) get(field);
		}

		/** A person role field; null when the band leaves it empty. */
		public PersonRole role(String field) {
			return (PersonRole) this.fields.get(field);
		}

		/** Whether the band has a value for the field. */
		public boolean has(String field) {
			return this.fields.get(field) != null;
		}

		private Object get(String field) {
			Object v = this.fields.get(field);
			if (v == null) {
				throw new IllegalArgumentException("ladder band " + this + " has no field '" + field + "'");
			}
			return v;
		}

		/** "1–1", "3 及以上". */
		public String getRangeText() {
			if (this.to == null) {
				return this.from + "及以上";
			}
			return (this.to == this.from) ? String.valueOf(this.from) : this.from + "–" + this.to;
		}

		@Override
		public String toString() {
			return "{" + getRangeText() + " " + this.fields + "}";
		}

	}

}
