package org.kaohe.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong in a fact document, located so the person who filled it in can find it: by JSON
 * path for JSON, by file or sheet, row and column for CSV and XLSX.
 *
 * @param document index of the document in a multi-period request (0-based), or null
 * @param source CSV file or XLSX sheet the row came from, or null for JSON
 * @param table fact table ({@code tasks}), or null for document-level problems
 * @param row 1-based: the record's position in its JSON array, or the spreadsheet row number (the header
 * is row 1); null for document-level problems
 * @param column spreadsheet column (header and letter, e.g. {@code done (F)}), or null
 * @param path JSON path ({@code $.tasks[2].done})
 * @param field the field concerned, or null
 * @param code stable machine-readable code ({@code DONE_EXCEEDS_PLANNED})
 * @param message what is wrong, in Chinese
 * @param messageEn the same in English
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactProblem(Integer document, String source, String table, Integer row, String column, String path,
		String field, String code, String message, String messageEn) {

	/** The same problem in the {@code index}-th document of a request. */
	public FactProblem inDocument(int index) {
		String p = (this.path != null && this.path.startsWith("$")) ? "$.periods[" + index + "]" + this.path.substring(1)
				: this.path;
		return new FactProblem(index, this.source, this.table, this.row, this.column, p, this.field, this.code,
				this.message, this.messageEn);
	}

	/** One line for a terminal: where, then the message in both languages. */
	public String describe() {
		StringBuilder where = new StringBuilder();
		if (this.document != null) {
			where.append("文档#").append(this.document + 1).append(' ');
		}
		if (this.source != null) {
			where.append(this.source).append(' ');
		}
		if (this.table != null && this.source == null) {
			where.append(this.table).append(' ');
		}
		if (this.row != null) {
			where.append("第").append(this.row).append("行 ");
		}
		if (this.column != null) {
			where.append("列 ").append(this.column).append(' ');
		}
		else if (this.field != null) {
			where.append("字段 ").append(this.field).append(' ');
		}
		if (this.path != null) {
			where.append('(').append(this.path).append(") ");
		}
		return where.toString().trim() + "：[" + this.code + "] " + this.message + " / " + this.messageEn;
	}

}
