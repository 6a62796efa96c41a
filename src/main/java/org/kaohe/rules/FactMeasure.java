package org.kaohe.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kaohe.facts.Period;

/**
 * A value read from evidence rows, written in {@code conditions.yaml} as one short line so a policy
 * officer can check it against the rule:
 *
 * <pre>
 * count rankings                                   rows of the table
 * max inspections.failedItems.size where current   the largest list size among this period's rows
 * max issues.daysOverdue where daysOverdue &gt; 0
 * min tasks.done / planned                          a ratio of two fields of one row
 * last measurements.value where indicator = ROAD_DUST_FAIL_SHARE
 * </pre>
 *
 * <p>Aggregates: {@code count}, {@code distinct} (different values of the field), {@code max},
 * {@code min}, {@code sum}, {@code first}, {@code last} (by the row's period or date). The value is a
 * field, {@code map.key} (a checklist item), {@code field.size} (a list's length), or two fields joined by
 * {@code + - * /}. Filters, joined
 * by {@code and} (and alternatives by {@code or}): {@code current} (the row belongs to the evaluated
 * period), {@code history} (an earlier one), {@code field}, {@code !field} (true or false),
 * {@code field OP literal} with {@code = != > >= < <=}. Booleans count as 1 and 0. Several measures
 * (or numbers) may be joined by {@code + - * /}, read left to right:
 * {@code sum measurements.value where current and indicator = FIRE_POINTS / last subjects.cropAreaMu * 1000000}.
 * The language reads only the given rows: it cannot call anything.
 */
public final class FactMeasure {

	private static final Pattern SHAPE = Pattern
		.compile("^(count|distinct|max|min|sum|first|last)\\s+([A-Za-z]+)(?:\\.([A-Za-z0-9_.\\s+*/-]+?))?(?:\\s+where\\s+(.+))?$");

	private static final Pattern FILTER = Pattern.compile("^(!?)([A-Za-z][A-Za-z0-9_.]*)(?:\\s*(!=|>=|<=|=|>|<)\\s*([^<>=!\\s].*))?$");

	private static final Pattern ARITHMETIC = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*)\\s*([-+*/])\\s*([A-Za-z][A-Za-z0-9_.]*)$");

	private static final Pattern JOIN = Pattern
		.compile("\\s([-+*/])\\s+(?=(?:count|distinct|max|min|sum|first|last)\\s|[0-9])");

	private final String text;

	private final List<Term> terms;

	private final List<String> operators;

	private FactMeasure(String text, List<Term> terms, List<String> operators) {
		this.text = text;
		this.terms = terms;
		this.operators = operators;
	}

	/**
	 * Reads a measure.
	 *
	 * @throws IllegalArgumentException saying what is wrong, in Chinese and English
	 */
	public static FactMeasure parse(String text) {
		String t = (text != null) ? text.strip() : "";
		List<Term> terms = new ArrayList<>();
		List<String> operators = new ArrayList<>();
		Matcher join = JOIN.matcher(t);
		int from = 0;
		while (join.find()) {
			terms.add(Term.parse(t.substring(from, join.start()).strip(), t));
			operators.add(join.group(1));
			from = join.end();
		}
		terms.add(Term.parse(t.substring(from).strip(), t));
		return new FactMeasure(t, List.copyOf(terms), List.copyOf(operators));
	}

	/** The tables the rows are read from ({@code inspections}, {@code rankings} …). */
	public List<String> tables() {
		return this.terms.stream().map(Term::table).filter(java.util.Objects::nonNull).distinct().toList();
	}

	/**
	 * The measured value over {@code rows}.
	 *
	 * @param period the evaluated period ({@code current} and {@code history} are judged against it)
	 * @return a number (booleans as 1 or 0), a text for {@code first}/{@code last} of a text field, or
	 * null when no row has the value ({@code count} is never null)
	 */
	public Object evaluate(Collection<Map<String, Object>> rows, Period period) {
		Object result = this.terms.get(0).evaluate(rows, period);
		for (int i = 0; i < this.operators.size(); i++) {
			Double a = number(result);
			Double b = number(this.terms.get(i + 1).evaluate(rows, period));
			if (a == null || b == null) {
				return null;
			}
			result = switch (this.operators.get(i)) {
				case "+" -> a + b;
				case "-" -> a - b;
				case "*" -> a * b;
				default -> (b == 0) ? null : a / b;
			};
		}
		return result;
	}

	@Override
	public String toString() {
		return this.text;
	}

	/** One aggregate over one table, or a number. */
	private static final class Term {

		private final Double constant;

		private final String aggregate;

		private final String table;

		private final String left;

		private final String operator;

		private final String right;

		private final List<List<Filter>> filters;

		private Term(Double constant, String aggregate, String table, String left, String operator, String right,
				List<List<Filter>> filters) {
			this.constant = constant;
			this.aggregate = aggregate;
			this.table = table;
			this.left = left;
			this.operator = operator;
			this.right = right;
			this.filters = filters;
		}

		static Term parse(String t, String whole) {
			if (t.matches("[0-9]+(\\.[0-9]+)?")) {
				return new Term(Double.valueOf(t), null, null, null, null, null, List.of());
			}
			Matcher m = SHAPE.matcher(t);
			if (!m.matches()) {
				throw new IllegalArgumentException("无法读取的取值表达式 / unreadable measure: \"" + whole
						+ "\"（应为 / expected: count|distinct|max|min|sum|first|last 表.字段 [where 条件]）");
			}
			String aggregate = m.group(1);
			String value = (m.group(3) != null) ? m.group(3).strip() : null;
			if (value == null && !aggregate.equals("count")) {
				throw new IllegalArgumentException(aggregate + " 须指明字段 / " + aggregate + " needs a field: \"" + whole + "\"");
			}
			String left = value;
			String operator = null;
			String right = null;
			if (value != null) {
				Matcher a = ARITHMETIC.matcher(value);
				if (a.matches()) {
					left = a.group(1);
					operator = a.group(2);
					right = a.group(3);
				}
				else if (!value.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*")) {
					throw new IllegalArgumentException("无法读取的字段 / unreadable field: \"" + value + "\" in \"" + whole + "\"");
				}
			}
			List<List<Filter>> alternatives = new ArrayList<>();
			if (m.group(4) != null) {
				for (String alternative : m.group(4).split("\\s+or\\s+")) {
					List<Filter> all = new ArrayList<>();
					for (String part : alternative.split("\\s+and\\s+")) {
						Matcher f = FILTER.matcher(part.strip());
						if (!f.matches()) {
							throw new IllegalArgumentException("无法读取的条件 / unreadable filter: \"" + part.strip() + "\" in \"" + whole + "\"");
						}
						all.add(new Filter(!f.group(1).isEmpty(), f.group(2), f.group(3), unquote(f.group(4))));
					}
					alternatives.add(List.copyOf(all));
				}
			}
			return new Term(null, aggregate, m.group(2), left, operator, right, List.copyOf(alternatives));
		}

		String table() {
			return this.table;
		}

		private boolean accepts(Map<String, Object> row, Period period) {
			return this.filters.isEmpty() || this.filters.stream().anyMatch(all -> all.stream().allMatch(f -> f.test(row, period)));
		}

		Object evaluate(Collection<Map<String, Object>> rows, Period period) {
			if (this.constant != null) {
				return this.constant;
			}
			List<Map<String, Object>> matching = new ArrayList<>();
			for (Map<String, Object> row : rows) {
				if (this.table.equals(row.get("table")) && accepts(row, period)) {
					matching.add(row);
				}
			}
			if (this.aggregate.equals("count")) {
				return (double) matching.size();
			}
			if (this.aggregate.equals("distinct")) {
				return (double) matching.stream().map(this::value).filter(java.util.Objects::nonNull).distinct().count();
			}
			if (this.aggregate.equals("first") || this.aggregate.equals("last")) {
				matching.sort(java.util.Comparator.comparing(FactMeasure::sortKey));
				for (int i = 0; i < matching.size(); i++) {
					Map<String, Object> row = matching.get(this.aggregate.equals("first") ? i : matching.size() - 1 - i);
					Object v = value(row);
					if (v != null) {
						return v;
					}
				}
				return null;
			}
			Double result = null;
			for (Map<String, Object> row : matching) {
				Double v = number(value(row));
				if (v == null) {
					continue;
				}
				result = switch (this.aggregate) {
					case "max" -> (result == null) ? v : Math.max(result, v);
					case "min" -> (result == null) ? v : Math.min(result, v);
					default -> (result == null) ? v : result + v;
				};
			}
			return result;
		}

		private Object value(Map<String, Object> row) {
			Object l = field(row, this.left);
			if (this.operator == null) {
				return (l instanceof Boolean b) ? (Object) (b ? 1.0 : 0.0) : (l instanceof Number n) ? (Object) n.doubleValue() : l;
			}
			Double a = number(l);
			Double b = number(field(row, this.right));
			if (a == null || b == null) {
				return null;
			}
			return switch (this.operator) {
				case "+" -> a + b;
				case "-" -> a - b;
				case "*" -> a * b;
				default -> (b == 0) ? null : a / b;
			};
		}

	}

	private static String unquote(String literal) {
		if (literal == null) {
			return null;
		}
		String l = literal.strip();
		if (l.length() >= 2 && (l.startsWith("\"") && l.endsWith("\"") || l.startsWith("'") && l.endsWith("'"))) {
			return l.substring(1, l.length() - 1);
		}
		return l;
	}

	/** A field of a row: {@code name}, {@code map.key} (a checklist item), {@code list.size}. */
	private static Object field(Map<String, Object> row, String path) {
		if (path.endsWith(".size")) {
			Object v = field(row, path.substring(0, path.length() - ".size".length()));
			if (v instanceof Collection<?> c) {
				return c.size();
			}
			if (v instanceof Map<?, ?> m) {
				return m.size();
			}
			return 0;
		}
		Object v = row.get(path);
		if (v == null && path.contains(".")) {
			Object at = row;
			for (String part : path.split("\\.")) {
				at = (at instanceof Map<?, ?> m) ? m.get(part) : null;
			}
			return at;
		}
		return v;
	}

	private static Double number(Object v) {
		if (v instanceof Number n) {
			return n.doubleValue();
		}
		if (v instanceof Boolean b) {
			return b ? 1.0 : 0.0;
		}
		if (v instanceof String s) {
			try {
				return Double.valueOf(s);
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/** The row's day or period start, for first/last and current/history. */
	static LocalDate dayOf(Map<String, Object> row) {
		Object period = row.get("period");
		if (period != null && Period.isValid(period.toString())) {
			return Period.parse(period.toString()).start();
		}
		for (String k : new String[] { "at", "on", "foundOn" }) {
			Object v = row.get(k);
			if (v != null && v.toString().length() >= 10) {
				try {
					return LocalDate.parse(v.toString().substring(0, 10));
				}
				catch (java.time.format.DateTimeParseException ex) {
					// not a date: try the next key
				}
			}
		}
		return null;
	}

	private static String sortKey(Map<String, Object> row) {
		LocalDate d = dayOf(row);
		return (d != null) ? d.toString() : "";
	}

	/**
	 * Whether a row belongs to the evaluated period: a week by its Thursday, another period when it
	 * overlaps, a dated row by its day; rows without either do.
	 */
	public static boolean isCurrent(Map<String, Object> row, Period period) {
		Object p = row.get("period");
		if (p != null && Period.isValid(p.toString())) {
			Period rowPeriod = Period.parse(p.toString());
			if (rowPeriod.getGranularity() == org.kaohe.facts.Granularity.WEEK) {
				// a week belongs to the period of its Thursday, as the fact documents file it
				return period.contains(rowPeriod.start().plusDays(3));
			}
			// a coarser row (the year's assessment in its last quarter) belongs to every period it overlaps
			return !rowPeriod.end().isBefore(period.start()) && !rowPeriod.start().isAfter(period.end());
		}
		LocalDate d = dayOf(row);
		return d == null || period.contains(d);
	}

	private record Filter(boolean negated, String field, String operator, String literal) {

		boolean test(Map<String, Object> row, Period period) {
			if (this.operator == null) {
				boolean v = switch (this.field) {
					case "current" -> isCurrent(row, period);
					case "history" -> !isCurrent(row, period);
					default -> truthy(FactMeasure.field(row, this.field));
				};
				return v != this.negated;
			}
			Object actual = FactMeasure.field(row, this.field);
			Double a = number(actual);
			Double b = number(this.literal);
			int cmp;
			if (a != null && b != null) {
				cmp = Double.compare(a, b);
			}
			else {
				String s = Objects.toString(actual, "");
				if (this.operator.equals("=") || this.operator.equals("!=")) {
					boolean eq = s.equals(this.literal) || s.toLowerCase(Locale.ROOT).equals(this.literal.toLowerCase(Locale.ROOT));
					return this.operator.equals("=") == eq;
				}
				cmp = s.compareTo(this.literal);
			}
			return switch (this.operator) {
				case "=" -> cmp == 0;
				case "!=" -> cmp != 0;
				case ">" -> cmp > 0;
				case ">=" -> cmp >= 0;
				case "<" -> cmp < 0;
				default -> cmp <= 0;
			};
		}

		private static boolean truthy(Object v) {
			if (v instanceof Boolean b) {
				return b;
			}
			if (v instanceof Number n) {
				return n.doubleValue() != 0;
			}
			if (v instanceof Collection<?> c) {
				return !c.isEmpty();
			}
			return v != null && !v.toString().isEmpty() && !"false".equals(v.toString());
		}

	}

}
