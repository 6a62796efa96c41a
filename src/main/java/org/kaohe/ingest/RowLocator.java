package org.kaohe.ingest;

/**
 * Turns a (table, index, field) position in the document tree into a located problem. JSON documents
 * use JSON paths; CSV and XLSX uploads map back to their file or sheet, row and column.
 */
public interface RowLocator {

	/** Locator for a JSON document: {@code $.table[index].field}, row = index + 1. */
	RowLocator JSON = (table, index, field, code, message, messageEn) -> {
		StringBuilder path = new StringBuilder("$");
		if (table != null) {
			path.append('.').append(table);
			if (index != null) {
				path.append('[').append(index).append(']');
			}
		}
		if (field != null) {
			path.append('.').append(field);
		}
		return new FactProblem(null, null, table, (index != null) ? index + 1 : null, null, path.toString(), field, code,
				message, messageEn);
	};

	/**
	 * @param table the table, or null for a document-level field
	 * @param index 0-based position of the row in its table, or null
	 * @param field the field, or null for the whole row
	 */
	FactProblem locate(String table, Integer index, String field, String code, String message, String messageEn);

}
