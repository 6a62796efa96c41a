package org.kaohe.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.kaohe.facts.Period;
import org.kaohe.system.BadRequestException;

/** Reads request parameters the same way in every controller, answering 400 with what was expected. */
final class RequestParameters {

	private RequestParameters() {
	}

	/** A period, or null when absent. */
	static Period period(String name, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Period.parse(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BadRequestException.invalid(name, name + " 须为期间，如 2026、2026-Q3、2026-09、2026-W37 / " + name
					+ " must be a period such as 2026-Q3: " + text);
		}
	}

	/** A date, or null when absent. */
	static LocalDate date(String name, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw BadRequestException.invalid(name, name + " 须为日期 YYYY-MM-DD / " + name + " must be a date YYYY-MM-DD: " + text);
		}
	}

	/** An enum value by name, or null when absent. */
	static <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
			throw BadRequestException.invalid(name, name + " 的值无效 / invalid " + name + ": " + text + "（可选 / allowed: " + allowed + "）");
		}
	}

	/** A text filter, or null when absent. */
	static String text(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}
