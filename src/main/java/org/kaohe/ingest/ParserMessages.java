package org.kaohe.ingest;

import java.util.regex.Pattern;

/**
 * What a parser library's exception says, fit for the person who uploaded the file: the message of the
 * innermost cause (where the library says what is wrong and where), without Java class names such as
 * {@code org.apache.commons.csv.CSVException:} that wrapping exceptions put in front of it. Problems go
 * back to the client, and internals never do.
 */
final class ParserMessages {

	private static final Pattern CLASS_NAME = Pattern
		.compile("(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Failure)\\b:?\\s*");

	private ParserMessages() {
	}

	static String of(Throwable ex) {
		String message = null;
		for (Throwable t = ex; t != null && message == null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t.getCause() == null || t.getCause() == t) {
				message = t.getMessage();
			}
		}
		if (message == null) {
			message = ex.getMessage();
		}
		String plain = (message != null) ? CLASS_NAME.matcher(message).replaceAll("").strip() : "";
		return plain.isEmpty() ? "格式无法识别 / unrecognised format" : plain;
	}

}
