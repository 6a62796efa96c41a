package org.kaohe.ingest;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Turns the text of a spreadsheet cell into the JSON value its column takes, accepting what people
 * and Chinese Excel actually write: {@code 是}/{@code 否} for booleans, {@code 2026/8/31} for dates,
 * {@code 1,000} for numbers, an enum's Chinese name for its code.
 *
 * <p>Text that cannot be converted is kept as text on purpose: the document validator then reports it
 * with the same codes and messages as a mistyped JSON value ({@code WRONG_TYPE}, {@code MALFORMED_DATE},
 * {@code UNKNOWN_VALUE}), located at the cell it came from.
 */
final class CellValues {

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

	/** 2026-08-31, 2026/8/31, 2026.8.31, 2026年8月31日, each optionally followed by a time. */
	private static final Pattern DATE_TIME = Pattern.compile(
			"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:(?:\\s+|T)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?");

	private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(Map.entry("true", true), Map.entry("false", false),
			Map.entry("是", true), Map.entry("否", false), Map.entry("1", true), Map.entry("0", false), Map.entry("y", true),
			Map.entry("n", false), Map.entry("yes", true), Map.entry("no", false), Map.entry("√", true),
			Map.entry("×", false), Map.entry("对", true), Map.entry("错", false));

	private CellValues() {
	}

	/**
	 * The JSON value of a non-blank cell in a column.
	 *
	 * @param column the column (for checklist items pass the {@code items} column: each item is a
	 * boolean)
	 * @param text the cell text, trimmed and not blank
	 */
	static JsonNode toJson(Column column, String text) {
		return switch (column.type()) {
			case STRING, SUBJECT_REF -> TextNode.valueOf(text);
			case INTEGER, NUMBER -> number(text);
			case BOOLEAN, CHECKLIST -> bool(text);
			case DATE -> date(text);
			case DATETIME -> dateTime(text);
			case PERIOD -> period(text);
			case ENUM -> enumValue(column, text);
		};
	}

	static JsonNode number(String text) {
		String t = text.replace('\u00A0', ' ').trim();
		if (t.endsWith("%")) {
			// the percentage columns hold the number of percent (yoyChangePct 3.1 = 3.1 %)
			t = t.substring(0, t.length() - 1).trim();
		}
		if (GROUPED.matcher(t).matches()) {
			t = t.replace(",", "");
		}
		if (!NUMBER.matcher(t).matches()) {
			return TextNode.valueOf(text);
		}
		BigDecimal d = new BigDecimal(t);
		BigDecimal stripped = d.stripTrailingZeros();
		if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
			return LongNode.valueOf(stripped.longValueExact());
		}
		return DoubleNode.valueOf(d.doubleValue());
	}

	static JsonNode bool(String text) {
		Boolean b = BOOLEANS.get(text.trim().toLowerCase(Locale.ROOT));
		return (b != null) ? BooleanNode.valueOf(b) : TextNode.valueOf(text);
	}

	static JsonNode date(String text) {
		Matcher m = DATE_TIME.matcher(text.trim());
		if (!m.matches()) {
			return TextNode.valueOf(text);
		}
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)));
			boolean midnight = m.group(4) == null
					|| (Integer.parseInt(m.group(4)) == 0 && Integer.parseInt(m.group(5)) == 0
							&& (m.group(6) == null || Integer.parseInt(m.group(6)) == 0));
			// a time of day in a date column is not silently dropped: the validator reports the text
			return midnight ? TextNode.valueOf(date.toString()) : TextNode.valueOf(text);
		}
		catch (DateTimeException ex) {
			return TextNode.valueOf(text);
		}
	}

	static JsonNode dateTime(String text) {
		Matcher m = DATE_TIME.matcher(text.trim());
		if (!m.matches()) {
			return TextNode.valueOf(text);
		}
		try {
			int hour = (m.group(4) != null) ? Integer.parseInt(m.group(4)) : 0;
			int minute = (m.group(5) != null) ? Integer.parseInt(m.group(5)) : 0;
			int second = (m.group(6) != null) ? Integer.parseInt(m.group(6)) : 0;
			LocalDateTime dt = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)), hour, minute, second);
			return TextNode.valueOf(dt.format(ISO_SECONDS));
		}
		catch (DateTimeException ex) {
			return TextNode.valueOf(text);
		}
	}

	/**
	 * A period as typed ({@code 2026-q3} is upper-cased). Excel turns a typed {@code 2026-07} into the
	 * date 2026-07-01; such a first-of-month date is read back as the month.
	 */
	static JsonNode period(String text) {
		String t = text.trim().toUpperCase(Locale.ROOT);
		Matcher m = DATE_TIME.matcher(t);
		if (m.matches() && m.group(4) == null && Integer.parseInt(m.group(3)) == 1) {
			int month = Integer.parseInt(m.group(2));
			if (month >= 1 && month <= 12) {
				return TextNode.valueOf(m.group(1) + "-" + ((month < 10) ? "0" : "") + month);
			}
		}
		return TextNode.valueOf(t);
	}

	/** An enum code, matched exactly, case-insensitively, by its Chinese name, or as the first word. */
	static JsonNode enumValue(Column column, String text) {
		String t = text.trim();
		for (Enum<?> e : column.enumType().getEnumConstants()) {
			if (e.name().equalsIgnoreCase(t) || t.equals(label(e))) {
				return TextNode.valueOf(e.name());
			}
		}
		String first = t.split("[\\s(（]", 2)[0];
		for (Enum<?> e : column.enumType().getEnumConstants()) {
			if (e.name().equalsIgnoreCase(first)) {
				return TextNode.valueOf(e.name());
			}
		}
		return TextNode.valueOf(text);
	}

	/** The Chinese name every fact enum carries ({@code getLabel()}), or null. */
	static String label(Enum<?> value) {
		try {
			Method m = value.getDeclaringClass().getMethod("getLabel");
			Object label = m.invoke(value);
			return (label != null) ? label.toString() : null;
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

}
