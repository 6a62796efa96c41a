package org.kaohe.ingest;

/**
 * Text for a cell of a spreadsheet or CSV file Kaohe hands out. A cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula to Excel and LibreOffice
 * (CSV formula injection: a unit named {@code =HYPERLINK(…)} in an upload would run on the office's
 * screens), so such text gets a leading apostrophe, which spreadsheet programs show as plain text.
 */
public final class CellText {

	private CellText() {
	}

	/** The text, made inert when a spreadsheet program would read it as a formula; null stays null. */
	public static String neutralise(String text) {
		return isRisky(text) ? "'" + text : text;
	}

	/** Whether a spreadsheet program would take the text for a formula. */
	public static boolean isRisky(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char c = text.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

}
